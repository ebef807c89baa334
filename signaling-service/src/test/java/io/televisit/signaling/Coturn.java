package io.televisit.signaling;

import io.televisit.signaling.service.TurnCredentials;
import io.televisit.testing.TestStack;

import java.util.concurrent.TimeUnit;

/** The test stack's real coturn, driven with its own test client. */
final class Coturn {

    private Coturn() {
    }

    static int allocate(TurnCredentials.Credential credential) throws Exception {
        return allocate(credential.username(), credential.credential());
    }

    /** An allocation plus a few relayed packets with turnutils_uclient; exit 0 means coturn accepted the credential. */
    static int allocate(String username, String credential) throws Exception {
        Process client = new ProcessBuilder("turnutils_uclient", "-y", "-n", "3", "-m", "1", "-u", username,
                "-w", credential, "-p", TestStack.env("TELEVISIT_TURN_PORT"), "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            return -1;
        }
        return client.exitValue();
    }
}
