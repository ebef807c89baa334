import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Local DEVELOPMENT token issuer (JDK only): prints an RS256 JWT signed with the stack profile's private key.
 * Production tokens come from the hospital's OIDC provider; this tool refuses to run when TELEVISIT_PROFILE=prod.
 *
 * <pre>
 * java stack/tools/DevToken.java --key .stack/dev/secrets/jwt-private.pem --issuer https://auth.televisit.local \
 *      --role clinician [--sub ID] [--upn NAME] [--ttl SECONDS]
 * </pre>
 *
 * Claims: iss, aud=televisit-api, sub (default a fresh UUID), upn, groups=[role], iat, exp (default 900 s), jti.
 * Header: alg=RS256, typ=JWT, kid = RFC 7638 thumbprint of the public key.
 */
public class DevToken {

    static final List<String> ROLES = List.of("clinician", "patient", "admin");
    static final String AUDIENCE = "televisit-api";

    public static void main(String[] args) throws Exception {
        if ("prod".equalsIgnoreCase(System.getenv("TELEVISIT_PROFILE"))) {
            fail("refusing to mint a development token with TELEVISIT_PROFILE=prod;"
                    + " production tokens come from the hospital's OIDC provider");
        }
        if (args.length % 2 != 0) {
            fail("expected --name value pairs, got: " + String.join(" ", args));
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail("unexpected argument: " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        String role = require(o, "role");
        if (!ROLES.contains(role)) {
            fail("role must be one of " + ROLES + ", not '" + role + "'");
        }
        Path keyFile = Path.of(require(o, "key"));
        if (!Files.isReadable(keyFile)) {
            fail("private key " + keyFile + " is missing: start the stack first (stack/infra.sh start dev)");
        }
        String issuer = require(o, "issuer");
        String sub = o.getOrDefault("sub", UUID.randomUUID().toString());
        String upn = o.getOrDefault("upn", role + "-" + sub + "@televisit.local");
        long ttl = Long.parseLong(o.getOrDefault("ttl", "900"));
        if (ttl <= 0) {
            fail("--ttl must be positive");
        }

        RSAPrivateCrtKey key = readKey(keyFile);
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + str(kid(key)) + "}";
        String claims = "{\"iss\":" + str(issuer)
                + ",\"aud\":" + str(AUDIENCE)
                + ",\"sub\":" + str(sub)
                + ",\"upn\":" + str(upn)
                + ",\"groups\":[" + str(role) + "]"
                + ",\"iat\":" + now
                + ",\"exp\":" + (now + ttl)
                + ",\"jti\":" + str(UUID.randomUUID().toString()) + "}";
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        System.out.println(input + "." + b64(rs256.sign()));
    }

    static RSAPrivateCrtKey readKey(Path file) throws Exception {
        String pem = Files.readString(file);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            fail(file + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        if (!(k instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("not an RSA CRT private key");
        }
        return crt;
    }

    /** RFC 7638 JWK thumbprint (SHA-256) of the public part. */
    static String kid(RSAPrivateCrtKey k) throws Exception {
        String jwk = "{\"e\":\"" + b64(unsigned(k.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64(unsigned(k.getModulus())) + "\"}";
        return b64(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String require(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            fail("--" + name + " is required");
        }
        return v;
    }

    static void fail(String message) {
        System.err.println("DevToken: " + message);
        System.exit(2);
    }
}
