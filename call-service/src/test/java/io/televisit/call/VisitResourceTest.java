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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visit API against the real test stack: PostgreSQL for state, Kafka for the events the outbox publishes. */
@QuarkusTest
class VisitResourceTest {

    private static final String VISITS = "/api/calls/v1/visits";

    @Inject
    EventCodec codec;

    private final String clinician = TestTokens.clinician(TestTokens.newSubject());

    @Test
    void scheduleRescheduleCancelPublishesOneEventEachInOrder() {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String id = schedule(clinician, Instant.now().plus(1, ChronoUnit.DAYS));
            Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            given().auth().oauth2(clinician).contentType(ContentType.JSON)
                    .body("{\"scheduledAt\":\"" + later + "\"}")
                    .put(VISITS + "/" + id + "/schedule")
                    .then().statusCode(200).body("scheduledAt", equalTo(later.toString()));
            given().auth().oauth2(clinician).contentType(ContentType.JSON)
                    .body("{\"reasonCode\":\"PATIENT_REQUEST\"}")
                    .post(VISITS + "/" + id + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"));

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
    void refusedTransitionChangesNothingAndPublishesNothing() {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String id = schedule(clinician, Instant.now().plus(1, ChronoUnit.HOURS));
            given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"reasonCode\":\"DUPLICATE\"}")
                    .post(VISITS + "/" + id + "/cancel").then().statusCode(200);
            assertEquals(2, probe.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20)).size());

            given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"reasonCode\":\"DUPLICATE\"}")
                    .post(VISITS + "/" + id + "/cancel")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("ILLEGAL_TRANSITION"));
            assertTrue(probe.drain(r -> id.equals(r.key()), Duration.ofSeconds(1)).isEmpty());
        }
    }

    @Test
    void visitsOfOtherCliniciansAreNotFoundAndPatientsAreForbidden() {
        String id = schedule(clinician, Instant.now().plus(1, ChronoUnit.HOURS));
        given().auth().oauth2(TestTokens.clinician(TestTokens.newSubject())).get(VISITS + "/" + id)
                .then().statusCode(404).body("code", equalTo("VISIT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.admin(TestTokens.newSubject())).get(VISITS + "/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.patient(TestTokens.newSubject())).get(VISITS + "/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().get(VISITS + "/" + id)
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void badInputGetsProblemDetailsNeverAServerError() {
        badRequest("{\"type\":\"VIDEO\",", ContentType.JSON, 400, "MALFORMED_JSON");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + Instant.now() + "\",\"name\":\"Jane\"}", ContentType.JSON,
                400, "UNKNOWN_FIELD");
        badRequest("{\"type\":\"HOLOGRAM\",\"scheduledAt\":\"" + Instant.now() + "\"}", ContentType.JSON, 400,
                "INVALID_VALUE");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"tomorrow\"}", ContentType.JSON, 400, "INVALID_VALUE");
        badRequest("{\"type\":\"VIDEO\"}", ContentType.JSON, 400, "VALIDATION_FAILED");
        badRequest("{\"type\":\"VIDEO\",\"scheduledAt\":\"2001-01-01T00:00:00Z\"}", ContentType.JSON, 400,
                "SCHEDULE_OUT_OF_RANGE");
        badRequest("", ContentType.JSON, 400, "VALIDATION_FAILED");
        badRequest("type=VIDEO", ContentType.URLENC, 415, "UNSUPPORTED_MEDIA_TYPE");
        badRequest("{\"type\":\"VIDEO\",\"appointmentId\":\"" + "x".repeat(70_000) + "\"}", ContentType.JSON, 413,
                "PAYLOAD_TOO_LARGE");
        given().auth().oauth2(clinician).get(VISITS + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void badRequest(String body, ContentType type, int status, String code) {
        given().auth().oauth2(clinician).contentType(type).body(body).post(VISITS)
                .then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code))
                .body("status", equalTo(status));
    }

    static String schedule(String token, Instant at) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + at + "\",\"appointmentId\":\"A-1\"}")
                .post(VISITS)
                .then().statusCode(201).header("Location", notNullValue()).body("status", equalTo("SCHEDULED"))
                .extract().path("id");
    }
}
