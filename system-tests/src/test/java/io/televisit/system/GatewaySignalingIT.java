package io.televisit.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.televisit.testing.Eventually;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The packaged signaling-service behind the gateway's one origin: WebSocket upgrade on /ws, join, relay. */
class GatewaySignalingIT {

    private static final URI GATEWAY_WS = URI.create("ws://127.0.0.1:" + RunningSuite.GATEWAY_PORT + "/ws");

    @BeforeAll
    static void suite() {
        RunningSuite.ensureStarted();
    }

    /**
     * The whole loop: call-service issues the tokens (clinician access token, patient one-time link), signaling
     * accepts them, its presence events reach call-service, which starts and ends the visit.
     */
    @Test
    void presenceThroughSignalingDrivesTheVisitInCallService() throws Exception {
        String api = "http://127.0.0.1:" + RunningSuite.GATEWAY_PORT + "/api/calls/v1";
        String clinician = TestTokens.clinician(TestTokens.newSubject());
        String visit = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + Instant.now().plusSeconds(60)
                        + "\",\"participants\":[{\"role\":\"PATIENT\"}]}")
                .post(api + "/visits").then().statusCode(201).extract().path("id");
        String patientId = given().auth().oauth2(clinician).get(api + "/visits/" + visit).then().extract()
                .path("participants.find { it.role == 'PATIENT' }.id");
        String clinicianToken = given().auth().oauth2(clinician).post(api + "/visits/" + visit + "/access-token")
                .then().statusCode(200).extract().path("accessToken");
        String link = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + patientId + "\"}").post(api + "/visits/" + visit + "/join-links")
                .then().statusCode(201).extract().path("token");
        String patientToken = given().contentType(ContentType.JSON)
                .body("{\"token\":\"" + link + "\",\"consents\":[\"VIDEO_VISIT\"]}").post(api + "/join-links/redeem")
                .then().statusCode(200).extract().path("accessToken");

        try (SignalingClient doctor = SignalingClient.connect(GATEWAY_WS, clinicianToken);
             SignalingClient patient = SignalingClient.connect(GATEWAY_WS, patientToken)) {
            doctor.send("{\"type\":\"join\"}");
            patient.send("{\"type\":\"join\"}");
            Eventually.within(Duration.ofSeconds(20), () -> given().auth().oauth2(clinician).get(api + "/visits/" + visit)
                    .then().body("participants.find { it.role == 'PATIENT' }.state", equalTo("WAITING"))
                    .body("participants.find { it.role == 'CLINICIAN' }.state", equalTo("CONNECTED")));
            given().auth().oauth2(clinician).post(api + "/visits/" + visit + "/participants/" + patientId + "/admit")
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
            patient.send("{\"type\":\"leave\"}");
            doctor.send("{\"type\":\"leave\"}");
        }
        Eventually.within(Duration.ofSeconds(20), () -> given().auth().oauth2(clinician).get(api + "/visits/" + visit)
                .then().body("status", equalTo("ENDED")).body("statusReason", equalTo("ALL_LEFT"))
                .body("participants.find { it.role == 'PATIENT' }.state", equalTo("LEFT")));
    }

    @Test
    void twoParticipantsJoinAndExchangeAnOfferThroughTheGateway() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String visit = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (SignalingClient first = SignalingClient.connect(GATEWAY_WS, TestTokens.visit(visit, a, "CLINICIAN"));
             SignalingClient second = SignalingClient.connect(GATEWAY_WS, TestTokens.visit(visit, b, "PATIENT"))) {
            first.send("{\"type\":\"join\"}");
            assertEquals("joined", json.readTree(first.next(Duration.ofSeconds(5))).get("type").asText());
            second.send("{\"type\":\"join\"}");
            assertEquals("joined", json.readTree(second.next(Duration.ofSeconds(5))).get("type").asText());
            assertNotNull(first.next(Duration.ofSeconds(5)), "participant-joined");
            Admission.admit(second, visit, b);
            first.send("{\"type\":\"offer\",\"to\":\"" + b + "\",\"payload\":{\"sdp\":\"v=0\"}}");
            assertEquals(a, json.readTree(second.next(Duration.ofSeconds(5))).get("from").asText());
        }
    }
}
