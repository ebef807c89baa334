package io.televisit.signaling.service;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.protocol.VisitIdentity;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies visit access tokens from call-service: RS256 signature with call-service's public key, issuer, audience
 * {@value #AUDIENCE}, expiry and a lifetime of at most one hour. User tokens (audience televisit-api) are refused.
 */
@Startup
@Singleton
public class VisitTokenVerifier {

    public static final String AUDIENCE = "televisit-signaling";
    private static final long MAX_LIFETIME_SECONDS = 3600;

    private final JWTParser parser;
    private final JWTAuthContextInfo context;

    public VisitTokenVerifier(JWTParser parser, SignalingSettings settings) {
        this.parser = parser;
        this.context = new JWTAuthContextInfo(readKey(Path.of(settings.visitToken().publicKeyLocation())),
                settings.visitToken().issuer());
        context.setExpectedAudience(Set.of(AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setMaxTimeToLiveSecs(MAX_LIFETIME_SECONDS);
        context.setExpGracePeriodSecs(30);
    }

    /** The identity in a valid token; empty for anything else (the reason is not told to the caller). */
    public Optional<VisitIdentity> verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token, context);
            String visit = jwt.getClaim("visitId");
            String participant = jwt.getClaim("participantId");
            String role = jwt.getClaim("role");
            if (visit == null || participant == null || role == null) {
                return Optional.empty();
            }
            return Optional.of(new VisitIdentity(VisitId.of(visit), ParticipantId.of(participant), role,
                    Instant.ofEpochSecond(jwt.getExpirationTime())));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PublicKey readKey(Path location) {
        try {
            String base64 = Files.readString(location, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the visit-token public key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the visit-token public key is not an RSA public key in PEM", e);
        }
    }
}
