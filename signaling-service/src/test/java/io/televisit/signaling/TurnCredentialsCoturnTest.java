package io.televisit.signaling;

import io.televisit.signaling.service.TurnCredentials;
import io.televisit.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.televisit.signaling.Coturn.allocate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credentials signaling hands out are accepted by the real coturn of the test stack (an allocation and relayed
 * packets with turnutils_uclient), and refused once expired or when made with another secret. The test stack's coturn
 * is configured as in the middle of a secret rotation: it accepts the current and the previous secret.
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

    @Test
    void duringASecretRotationCredentialsOfTheOldAndTheNewSecretAreBothAccepted() throws Exception {
        String previous = TestStack.env("TELEVISIT_TURN_PREVIOUS_SECRET");
        assertNotEquals(secret, previous);
        Instant expires = Instant.now().plusSeconds(600);
        assertEquals(0, allocate(TurnCredentials.issue(previous, participant, expires)), "issued before the switch");
        assertEquals(0, allocate(TurnCredentials.issue(secret, participant, expires)), "issued after the switch");
    }
}
