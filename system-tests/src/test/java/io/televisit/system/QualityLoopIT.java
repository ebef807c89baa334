package io.televisit.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.televisit.testing.Eventually;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The quality loop across the packaged services: a patient's client reports bad statistics over signaling, signaling
 * publishes them, quality-service scores and decides, its outbox publishes, and signaling pushes the decisions back to
 * the clients, while the live report shows what happened.
 */
class QualityLoopIT {

    private static final URI GATEWAY_WS = URI.create("ws://127.0.0.1:" + RunningSuite.GATEWAY_PORT + "/ws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void suite() {
        RunningSuite.ensureStarted();
    }

    @Test
    void badStatisticsFromAClientComeBackAsWarningsAndProfilesThroughSignaling() throws Exception {
        String visit = UUID.randomUUID().toString();
        String clinicianId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        try (SignalingClient clinician = SignalingClient.connect(GATEWAY_WS, TestTokens.visit(visit, clinicianId, "CLINICIAN"));
             SignalingClient patient = SignalingClient.connect(GATEWAY_WS, TestTokens.visit(visit, patientId, "PATIENT"))) {
            clinician.send("{\"type\":\"join\"}");
            nextOfType(clinician, "joined");
            patient.send("{\"type\":\"join\"}");
            nextOfType(patient, "joined");
            Admission.admit(patient, visit, patientId);

            // The clinician's network is fine; 15 % loss on what the patient receives: bad audio on the third sample.
            Instant base = Instant.now().minusSeconds(200);
            for (int i = 0; i < 4; i++) {
                clinician.send("{\"type\":\"quality-report\",\"requestId\":\"c" + i + "\",\"payload\":{\"measuredAt\":\""
                        + base.plusSeconds(2L * i) + "\",\"rttMs\":90,\"candidateType\":\"host\",\"protocol\":\"udp\","
                        + "\"streams\":[{\"direction\":\"inbound\",\"kind\":\"audio\",\"packetLossPct\":0.1,"
                        + "\"jitterMs\":4}]}}");
            }
            for (int i = 0; i < 5; i++) {
                patient.send("{\"type\":\"quality-report\",\"requestId\":\"q" + i + "\",\"payload\":{\"measuredAt\":\""
                        + base.plusSeconds(2L * i) + "\",\"rttMs\":90,\"candidateType\":\"relay\",\"protocol\":\"udp\","
                        + "\"streams\":[{\"direction\":\"inbound\",\"kind\":\"audio\",\"packetLossPct\":15,"
                        + "\"jitterMs\":12,\"concealedPct\":14}]}}");
            }
            Map<String, JsonNode> toPatient = firstOfTypes(patient, "quality-warning", "profile-recommendation");
            JsonNode warning = toPatient.get("quality-warning").get("payload");
            assertEquals(patientId, warning.get("participantId").asText());
            assertEquals("CRITICAL", warning.get("level").asText());
            assertEquals("PACKET_LOSS", warning.get("code").asText());
            assertEquals("AUDIO_ONLY", toPatient.get("profile-recommendation").get("payload").get("profile").asText());
            // The clinician is told about the patient's connection, and gives up video too.
            Map<String, JsonNode> toClinician = firstOfTypes(clinician, "quality-warning", "profile-recommendation");
            assertEquals(patientId, toClinician.get("quality-warning").get("payload").get("participantId").asText());
            assertEquals("AUDIO_ONLY", toClinician.get("profile-recommendation").get("payload").get("profile")
                    .asText());
        }
        String report = "http://127.0.0.1:" + RunningSuite.GATEWAY_PORT + "/api/quality/v1/visits/" + visit + "/report";
        String token = TestTokens.clinician(TestTokens.newSubject());
        Eventually.within(Duration.ofSeconds(20), () -> given().auth().oauth2(token).get(report).then().statusCode(200)
                .body("status", equalTo("LIVE"))
                .body("participants.find { it.role == 'PATIENT' }.samples", equalTo(5))
                .body("participants.find { it.role == 'PATIENT' }.path", equalTo("RELAY"))
                .body("participants.find { it.role == 'PATIENT' }.warnings.value", hasItem("CRITICAL")));
    }

    /** The first frame of each of {@code types}, in whatever order they come. */
    private static Map<String, JsonNode> firstOfTypes(SignalingClient client, String... types) throws Exception {
        Map<String, JsonNode> found = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < types.length && System.nanoTime() < deadline) {
            String frame = client.next(Duration.ofSeconds(1));
            if (frame != null) {
                JsonNode node = JSON.readTree(frame);
                if (Arrays.asList(types).contains(node.path("type").asText())) {
                    found.putIfAbsent(node.path("type").asText(), node);
                }
            }
        }
        if (found.size() < types.length) {
            fail("only " + found.keySet() + " of " + Arrays.toString(types) + " within 30 s");
        }
        return found;
    }

    private static JsonNode nextOfType(SignalingClient client, String type) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String frame = client.next(Duration.ofSeconds(1));
            if (frame != null) {
                JsonNode node = JSON.readTree(frame);
                if (type.equals(node.path("type").asText())) {
                    return node;
                }
            }
        }
        fail("no " + type + " frame within 30 s");
        return null;
    }
}
