package io.televisit.call.service;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.build.Jwt;
import io.televisit.call.config.CallSettings;
import io.televisit.call.model.Participant;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs visit access tokens: RS256 JWTs for signaling-service (audience {@value #AUDIENCE}) that name one visit, one
 * participant and its role. Loaded at start-up so a missing key stops the service instead of failing a patient's join.
 */
@Startup
@ApplicationScoped
public class VisitTokenIssuer {

    public static final String AUDIENCE = "televisit-signaling";

    private final CallSettings.VisitToken settings;
    private final PrivateKey key;

    public VisitTokenIssuer(CallSettings settings) {
        this.settings = settings.visitToken();
        this.key = readKey(Path.of(this.settings.privateKeyLocation()));
    }

    public record VisitAccessToken(String token, Instant expiresAt) {
    }

    public VisitAccessToken issue(UUID visitId, Participant participant) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.ttl());
        String token = Jwt.issuer(settings.issuer())
                .audience(AUDIENCE)
                .subject(participant.id.toString())
                .claim("visitId", visitId.toString())
                .claim("participantId", participant.id.toString())
                .claim("role", participant.role.name())
                .issuedAt(now)
                .expiresAt(expires)
                .jws().keyId(settings.keyId())
                .sign(key);
        return new VisitAccessToken(token, expires);
    }

    private static PrivateKey readKey(Path location) {
        try {
            String base64 = Files.readString(location, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the visit-token signing key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the visit-token signing key is not a PKCS#8 RSA key", e);
        }
    }
}
