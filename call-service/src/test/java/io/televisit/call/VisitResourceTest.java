package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.Topic;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduling and reading visits against the real test stack: PostgreSQL for state, Kafka for the outbox's events. */
@QuarkusTest
class VisitResourceTest {

    @Inject
    EventCodec codec;

    private final String clinicianId = TestTokens.newSubject();
    private final String clinician = TestTokens.clinician(clinicianId);
    private final String patientId = TestTokens.newSubject();

    @Test
    void scheduleRescheduleCancelPublishesOneEventEachInOrder() {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String id = Visits.schedule(clinician, patientId);
            Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            given().auth().oauth2(clinician).contentType(ContentType.JSON)
                    .body("{\"scheduledAt\":\"" + later + "\"}")
                    .put(VISITS + "/" + id + "/schedule")
                    .then().statusCode(200).body("scheduledAt", equalTo(later.toString()))
                    .body("scheduledDurationSeconds", equalTo(1800));
            Visits.act(clinician, id, "cancel", "PATIENT_REQUEST").statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("statusReason", equalTo("PATIENT_REQUEST"));

            List<ConsumerRecord<String, String>> records = probe.await(r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
            List<String> types = records.stream().map(r -> codec.decode(r.value()).type()).toList();
            assertEquals(List.of("io.televisit.visit.scheduled.v1", "io.televisit.visit.rescheduled.v1",
                    "io.televisit.visit.cancelled.v1"), types);
            CloudEvent scheduled = codec.decode(records.get(0).value());
            assertEquals("/televisit/call-service", scheduled.source());
            assertEquals(id, scheduled.subject());
            assertEquals("application/cloudevents+json; charset=UTF-8",
                    new String(records.get(0).headers().lastHeader("content-type").value()));
            assertTrue(probe.drain(r -> id.equals(r.key()), Duration.ofSeconds(1)).isEmpty(), "no duplicate events");
        }
    }

    @Test
    void theCreatingClinicianAndTheListedPatientBecomeParticipants() {
        String id = Visits.schedule(clinician, patientId);
        given().auth().oauth2(clinician).get(VISITS + "/" + id).then().statusCode(200)
                .body("participants", hasSize(2))
                .body("participants.find { it.role == 'CLINICIAN' }.subject", equalTo(clinicianId))
                .body("participants.find { it.role == 'PATIENT' }.subject", equalTo(patientId))
                .body("participants.find { it.role == 'PATIENT' }.state", equalTo("INVITED"));
    }

    @Test
    void visitsAreVisibleToTheirParticipantsAndAdminsOnly() {
        String id = Visits.schedule(clinician, patientId);
        given().auth().oauth2(TestTokens.patient(patientId)).get(VISITS + "/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin(TestTokens.newSubject())).get(VISITS + "/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.clinician(TestTokens.newSubject())).get(VISITS + "/" + id)
                .then().statusCode(404).body("code", equalTo("VISIT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.patient(TestTokens.newSubject())).get(VISITS + "/" + id)
                .then().statusCode(404).body("code", equalTo("VISIT_NOT_FOUND"));
        given().get(VISITS + "/" + id).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void badInputGetsProblemDetailsNeverAServerError() {
        String now = Instant.now().toString();
        String patient = ",\"participants\":[{\"role\":\"PATIENT\"}]";
        badRequest("{\"type\":\"VIDEO\",", ContentType.JSON, 400, "MALFORMED_JSON");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + now + "\"" + patient + ",\"name\":\"Jane\"}",
                ContentType.JSON, 400, "UNKNOWN_FIELD");
        badRequest("{\"type\":\"HOLOGRAM\",\"scheduledAt\":\"" + now + "\"" + patient + "}", ContentType.JSON, 400,
                "INVALID_VALUE");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"tomorrow\"" + patient + "}", ContentType.JSON, 400,
                "INVALID_VALUE");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + now + "\",\"participants\":[{\"role\":\"SURGEON\"}]}",
                ContentType.JSON, 400, "INVALID_VALUE");
        badRequest("{\"type\":\"VIDEO\"}", ContentType.JSON, 400, "VALIDATION_FAILED");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + now + "\",\"participants\":[]}", ContentType.JSON, 400,
                "VALIDATION_FAILED");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + now + "\",\"participants\":[{\"role\":\"INTERPRETER\"}]}",
                ContentType.JSON, 400, "PARTICIPANTS_INCOMPLETE");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"2001-01-01T00:00:00Z\"" + patient + "}", ContentType.JSON, 400,
                "SCHEDULE_OUT_OF_RANGE");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + now + "\",\"scheduledEndAt\":\"" + now + "\"" + patient
                + "}", ContentType.JSON, 400, "SCHEDULE_OUT_OF_RANGE");
        badRequest("", ContentType.JSON, 400, "VALIDATION_FAILED");
        badRequest("[]", ContentType.JSON, 400, "INVALID_VALUE");
        badRequest("type=VIDEO", ContentType.URLENC, 415, "UNSUPPORTED_MEDIA_TYPE");
        badRequest("{\"type\":\"VIDEO\",\"appointmentId\":\"" + "x".repeat(70_000) + "\"}", ContentType.JSON, 413,
                "PAYLOAD_TOO_LARGE");
        given().auth().oauth2(clinician).get(VISITS + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(clinician).header("Idempotency-Key", "x").contentType(ContentType.JSON)
                .body(Visits.body(patientId, Instant.now())).post(VISITS)
                .then().statusCode(400).body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
    }

    @Test
    void patientsCannotScheduleVisits() {
        given().auth().oauth2(TestTokens.patient(patientId)).contentType(ContentType.JSON)
                .body(Visits.body(patientId, Instant.now().plus(1, ChronoUnit.HOURS))).post(VISITS)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private void badRequest(String body, ContentType type, int status, String code) {
        given().auth().oauth2(clinician).contentType(type).body(body).post(VISITS)
                .then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code))
                .body("status", equalTo(status));
    }
}
