package io.televisit.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.televisit.testing.TestStack;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-time join links against real PostgreSQL: single use under concurrency, expiry, revocation, audited refusals. */
@QuarkusTest
class JoinLinkTest {

    private static final String REDEEM = "/api/calls/v1/join-links/redeem";
    private final String clinician = TestTokens.clinician(TestTokens.newSubject());

    @Test
    void aRedeemedLinkYieldsAVerifiableVisitTokenAndCannotBeUsedAgain() throws Exception {
        String visit = Visits.schedule(clinician, TestTokens.newSubject());
        String patient = patientOf(visit);
        ValidatableResponse issued = issue(visit, patient).statusCode(201).header("Cache-Control", "no-store");
        String token = issued.extract().path("token");
        assertTrue(issued.extract().<String>path("url").endsWith("#" + token), "token travels in the URL fragment");

        String accessToken = redeem(token, "[\"VIDEO_VISIT\"]").statusCode(200)
                .body("visitId", equalTo(visit)).body("participantId", equalTo(patient))
                .body("role", equalTo("PATIENT")).extract().path("accessToken");
        JsonNode claims = verifiedClaims(accessToken);
        assertEquals("televisit-signaling", claims.get("aud").isArray() ? claims.get("aud").get(0).asText()
                : claims.get("aud").asText());
        assertEquals(visit, claims.get("visitId").asText());
        assertEquals(patient, claims.get("participantId").asText());
        assertEquals("PATIENT", claims.get("role").asText());
        assertTrue(claims.get("exp").asLong() - claims.get("iat").asLong() <= 900, "short-lived");

        redeem(token, null).statusCode(410).body("code", equalTo("LINK_USED"));
        assertEquals(1, count("SELECT count(*) FROM consent WHERE participant_id = ?::uuid AND method = 'LINK'", patient));
        assertEquals(0, count("SELECT count(*) FROM join_link WHERE token_hash = ?", token), "only a hash is stored");
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'LINK_REDEEMED' AND visit_id = ?::uuid",
                visit));
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'LINK_REFUSED' AND visit_id = ?::uuid "
                + "AND details LIKE '%LINK_USED%'", visit));
    }

    @Test
    void ofTwentyConcurrentRedemptionsExactlyOneSucceeds() throws Exception {
        String visit = Visits.schedule(clinician, TestTokens.newSubject());
        String token = issue(visit, patientOf(visit)).statusCode(201).extract().path("token");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Integer> attempt = () -> redeem(token, null).extract().statusCode();
            attempts.add(pool.submit(attempt));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
    }

    @Test
    void expiredRevokedReplacedAndUnknownLinksAreRefusedClearly() throws Exception {
        String visit = Visits.schedule(clinician, TestTokens.newSubject());
        String patient = patientOf(visit);

        String expired = issue(visit, patient).extract().path("token");
        try (Connection owner = owner(); PreparedStatement sql = owner.prepareStatement(
                "UPDATE join_link SET expires_at = now() - interval '1 minute' WHERE participant_id = ?::uuid")) {
            sql.setString(1, patient);
            sql.executeUpdate();
        }
        redeem(expired, null).statusCode(410).body("code", equalTo("LINK_EXPIRED"));

        String replaced = issue(visit, patient).extract().path("token");
        String current = issue(visit, patient).extract().path("token");
        redeem(replaced, null).statusCode(410).body("code", equalTo("LINK_REVOKED"));

        String revokedToken = current;
        String linkId = lastLinkId(patient);
        given().auth().oauth2(clinician).post(VISITS + "/" + visit + "/join-links/" + linkId + "/revoke")
                .then().statusCode(204);
        redeem(revokedToken, null).statusCode(410).body("code", equalTo("LINK_REVOKED"));

        redeem("A".repeat(43), null).statusCode(404).body("code", equalTo("LINK_NOT_FOUND"));
        redeem("short", null).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        issue(visit, patient, "{\"ttlMinutes\":100000}").statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(TestTokens.patient(TestTokens.newSubject())).contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + patient + "\"}").post(VISITS + "/" + visit + "/join-links")
                .then().statusCode(403);
        assertTrue(count("SELECT count(*) FROM audit_entry WHERE action = 'LINK_REFUSED' AND visit_id = ?::uuid",
                visit) >= 3);
    }

    @Test
    void aParticipantWithAnAccountGetsAnAccessTokenForItsOwnVisitOnly() {
        String patientId = TestTokens.newSubject();
        String visit = Visits.schedule(clinician, patientId);
        given().auth().oauth2(TestTokens.patient(patientId)).post(VISITS + "/" + visit + "/access-token")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(clinician).post(VISITS + "/" + visit + "/access-token").then().statusCode(200);
        given().auth().oauth2(TestTokens.patient(TestTokens.newSubject())).post(VISITS + "/" + visit + "/access-token")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin(TestTokens.newSubject())).post(VISITS + "/" + visit + "/access-token")
                .then().statusCode(403);
    }

    private ValidatableResponse issue(String visit, String participant) {
        return issue(visit, participant, "{}");
    }

    private ValidatableResponse issue(String visit, String participant, String extra) {
        String body = "{\"participantId\":\"" + participant + "\"" + (extra.equals("{}") ? "}" : "," + extra.substring(1));
        return given().auth().oauth2(clinician).contentType(ContentType.JSON).body(body)
                .post(VISITS + "/" + visit + "/join-links").then();
    }

    private static ValidatableResponse redeem(String token, String consents) {
        return given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\"" + (consents == null ? "" : ",\"consents\":" + consents) + "}")
                .post(REDEEM).then();
    }

    private String patientOf(String visit) {
        return given().auth().oauth2(clinician).get(VISITS + "/" + visit).then().extract()
                .path("participants.find { it.role == 'PATIENT' }.id");
    }

    /** Checks the RS256 signature with the public key signaling-service will hold, then returns the claims. */
    static JsonNode verifiedClaims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        String pem = Files.readString(Path.of(TestStack.env("TELEVISIT_VISIT_TOKEN_PUBLIC_KEY")))
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the visit-token key");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.get("alg").asText());
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static String lastLinkId(String participant) throws Exception {
        try (Connection owner = owner(); PreparedStatement query = owner.prepareStatement(
                "SELECT id FROM join_link WHERE participant_id = ?::uuid ORDER BY created_at DESC LIMIT 1")) {
            query.setString(1, participant);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    static long count(String sql, String param) throws Exception {
        try (Connection owner = owner(); PreparedStatement query = owner.prepareStatement(sql)) {
            query.setString(1, param);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Connection owner() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestStack.pgPort() + "/call", "call",
                TestStack.dbPassword());
    }
}
