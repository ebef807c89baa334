package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.presence.ParticipantConnected;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantLeft;
import io.televisit.events.presence.ParticipantReconnected;
import io.televisit.testing.Eventually;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Automatic transitions: the ring deadline (2 s in tests) and presence events from signaling on the real broker. */
@QuarkusTest
class PresenceAndRingTimeoutTest {

    @Inject
    EventCodec codec;

    private final String clinicianId = TestTokens.newSubject();
    private final String clinician = TestTokens.clinician(clinicianId);
    private final String patientId = TestTokens.newSubject();

    @Test
    void anUnansweredRingBecomesMissed() {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String id = Visits.schedule(clinician, patientId);
            Visits.act(clinician, id, "initiate").statusCode(200);
            eventually(id, visit -> visit.body("status", equalTo("MISSED")).body("statusReason", equalTo("RING_TIMEOUT")));
            assertEquals(1, probe.await(r -> id.equals(r.key()) && r.value().contains("visit.missed"), 1,
                    Duration.ofSeconds(10)).size());
            Visits.act(TestTokens.patient(patientId), id, "answer").statusCode(409).body("currentStatus", equalTo("MISSED"));
        }
    }

    @Test
    void presenceStartsTheVisitCountsParticipationAndEndsItWhenEveryoneLeft() throws Exception {
        String id = Visits.schedule(clinician, patientId);
        UUID visit = UUID.fromString(id);
        UUID clinicianP = participant(id, "CLINICIAN");
        UUID patientP = participant(id, "PATIENT");
        Instant t0 = Instant.now();
        try (KafkaSender kafka = new KafkaSender()) {
            // Presence for a visit call-service does not know is skipped, not retried: it must not hold up the rest.
            UUID unknown = UUID.randomUUID();
            send(kafka, EventType.PARTICIPANT_CONNECTED, unknown, new ParticipantConnected(unknown, patientP, "PATIENT", t0));
            send(kafka, EventType.PARTICIPANT_CONNECTED, visit, new ParticipantConnected(visit, patientP, "PATIENT", t0));
            eventually(id, v -> v.body("participants.find { it.role == 'PATIENT' }.state", equalTo("WAITING")));
            send(kafka, EventType.PARTICIPANT_CONNECTED, visit,
                    new ParticipantConnected(visit, clinicianP, "CLINICIAN", t0.plusSeconds(1)));
            eventually(id, v -> v.body("participants.find { it.role == 'CLINICIAN' }.state", equalTo("CONNECTED")));
            // Connected but not admitted: the visit has not started.
            given().auth().oauth2(clinician).get(VISITS + "/" + id).then().body("status", equalTo("SCHEDULED"));
            given().auth().oauth2(clinician).post(VISITS + "/" + id + "/participants/" + patientP + "/admit")
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

            send(kafka, EventType.PARTICIPANT_DISCONNECTED, visit,
                    new ParticipantDisconnected(visit, patientP, "PATIENT", t0.plusSeconds(10), "NETWORK_LOST"));
            send(kafka, EventType.PARTICIPANT_RECONNECTED, visit,
                    new ParticipantReconnected(visit, patientP, "PATIENT", t0.plusSeconds(15)));
            send(kafka, EventType.PARTICIPANT_LEFT, visit,
                    new ParticipantLeft(visit, patientP, "PATIENT", t0.plusSeconds(65), "LEFT"));
            eventually(id, v -> v.body("participants.find { it.role == 'PATIENT' }.state", equalTo("LEFT"))
                    .body("status", equalTo("IN_PROGRESS")));
            send(kafka, EventType.PARTICIPANT_LEFT, visit,
                    new ParticipantLeft(visit, clinicianP, "CLINICIAN", t0.plusSeconds(70), "LEFT"));
        }
        eventually(id, v -> v.body("status", equalTo("ENDED")).body("statusReason", equalTo("ALL_LEFT"))
                // 0-10 s and 15-65 s connected: 60 s; the clinician 1-70 s: 69 s.
                .body("participants.find { it.role == 'PATIENT' }.participationSeconds", equalTo(60))
                .body("participants.find { it.role == 'CLINICIAN' }.participationSeconds", equalTo(69))
                .body("actualDurationSeconds", greaterThanOrEqualTo(0)));
    }

    private void send(KafkaSender kafka, EventType type, UUID visit, Object data) {
        kafka.send(Topic.PRESENCE.topicName(), visit.toString(),
                codec.encode(codec.create(type, visit.toString(), data, "signaling-service")));
    }

    private UUID participant(String visit, String role) {
        return UUID.fromString(given().auth().oauth2(clinician).get(VISITS + "/" + visit).then().extract()
                .path("participants.find { it.role == '" + role + "' }.id"));
    }

    private void eventually(String id, Consumer<ValidatableResponse> check) {
        Eventually.within(Duration.ofSeconds(20),
                () -> check.accept(given().auth().oauth2(clinician).get(VISITS + "/" + id).then().statusCode(200)));
    }
}
