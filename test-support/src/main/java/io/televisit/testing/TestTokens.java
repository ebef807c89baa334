package io.televisit.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Signs user tokens the way the hospital's OIDC provider would, with the test stack's key; and bad ones on purpose. */
public final class TestTokens {

    public static final String API_AUDIENCE = "televisit-api";

    private TestTokens() {
    }

    public static String user(String role, String subject) {
        return claims(role, subject).sign(privateKey());
    }

    public static String clinician(String subject) {
        return user("clinician", subject);
    }

    public static String admin(String subject) {
        return user("admin", subject);
    }

    public static String patient(String subject) {
        return user("patient", subject);
    }

    public static String newSubject() {
        return UUID.randomUUID().toString();
    }

    public static String expired(String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return claims(role, newSubject()).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(privateKey());
    }

    public static String wrongIssuer(String role) {
        return claims(role, newSubject()).issuer("https://attacker.example").sign(privateKey());
    }

    public static String wrongAudience(String role) {
        return claims(role, newSubject()).audience("some-other-api").sign(privateKey());
    }

    public static String wrongKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(role, newSubject()).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(String role) {
        return claims(role, newSubject()).jws().algorithm(SignatureAlgorithm.HS256)
                .signWithSecret("a-shared-secret-that-is-at-least-32-bytes-long!");
    }

    /** An unsigned token ({@code alg=none}) with otherwise perfect claims. */
    public static String unsigned(String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + TestStack.jwtIssuer() + "\",\"aud\":\"" + API_AUDIENCE + "\",\"sub\":\""
                + newSubject() + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A visit access token as call-service mints it (audience televisit-signaling, its own key). */
    public static String visit(String visitId, String participantId, String role) {
        return visitClaims(visitId, participantId, role).sign(key(TestStack.env("TELEVISIT_VISIT_TOKEN_PRIVATE_KEY")));
    }

    public static String expiredVisit(String visitId, String participantId, String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return visitClaims(visitId, participantId, role).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5)))
                .sign(key(TestStack.env("TELEVISIT_VISIT_TOKEN_PRIVATE_KEY")));
    }

    /** Right claims, signed with the user-token key instead of call-service's. */
    public static String visitSignedWithWrongKey(String visitId, String participantId, String role) {
        return visitClaims(visitId, participantId, role).sign(privateKey());
    }

    private static JwtClaimsBuilder visitClaims(String visitId, String participantId, String role) {
        Instant now = Instant.now();
        return Jwt.issuer("https://call.televisit.local").audience("televisit-signaling").subject(participantId)
                .claim("visitId", visitId).claim("participantId", participantId).claim("role", role)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(15)));
    }

    private static JwtClaimsBuilder claims(String role, String subject) {
        Instant now = Instant.now();
        return Jwt.issuer(TestStack.jwtIssuer())
                .audience(API_AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)));
    }

    private static PrivateKey privateKey() {
        return key(TestStack.jwtPrivateKey().toString());
    }

    private static PrivateKey key(String location) {
        try {
            String pem = Files.readString(java.nio.file.Path.of(location), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("cannot read the test JWT key", e);
        }
    }
}
