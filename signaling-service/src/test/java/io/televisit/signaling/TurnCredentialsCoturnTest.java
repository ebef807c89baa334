package io.televisit.signaling;

import io.televisit.signaling.service.TurnCredentials;
import io.televisit.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credentials signaling hands out are accepted by the real coturn of the test stack (an allocation and relayed
 * packets with turnutils_uclient), and refused once expired or when made with another secret.
 */
class TurnCredentialsCoturnTest {

    private final String secret = TestStack.env("TELEVISIT_TURN_SECRET");
    private final String participant = UUID.randomUUID().toString();

    @Test
    void aFreshCredentialAllocatesARelay() throws Exception {
        TurnCredentials.Credential valid = TurnCredentials.issue(secret, participant, Instant.now().plusSeconds(600));
        assertTrue(valid.username().endsWith(":" + participant));
        assertEquals(0, allocate(valid), "coturn accepted the credential");
    }

    @Test
    void anExpiredCredentialOrAnotherSecretIsRefused() throws Exception {
        assertNotEquals(0, allocate(TurnCredentials.issue(secret, participant, Instant.now().minusSeconds(60))));
        assertNotEquals(0, allocate(TurnCredentials.issue("another-secret-of-at-least-32-chars!",
                participant, Instant.now().plusSeconds(600))));
    }

    /** Runs coturn's own test client: allocation plus a few relayed packets; exit 0 means success. */
    private static int allocate(TurnCredentials.Credential credential) throws Exception {
        Process client = new ProcessBuilder("turnutils_uclient", "-y", "-n", "3", "-m", "1",
                "-u", credential.username(), "-w", credential.credential(),
                "-p", TestStack.env("TELEVISIT_TURN_PORT"), "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            return -1;
        }
        return client.exitValue();
    }
}
