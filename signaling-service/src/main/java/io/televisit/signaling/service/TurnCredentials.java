package io.televisit.signaling.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * TURN REST credentials (coturn {@code use-auth-secret}): username {@code <expiry unix seconds>:<participant>},
 * password base64(HMAC-SHA1(shared secret, username)). coturn recomputes the HMAC and refuses expired usernames, so
 * credentials need no storage and a leaked one dies on its own.
 */
public final class TurnCredentials {

    private TurnCredentials() {
    }

    public record Credential(String username, String credential, Instant expiresAt) {
    }

    public static Credential issue(String secret, String participant, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + participant;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String password = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new Credential(username, password, expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every JVM", e);
        }
    }
}
