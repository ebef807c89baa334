package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.televisit.events.EventCodec;
import io.televisit.events.Topic;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lifecycle over REST: each legal transition, refusals with the current status, roles, races, idempotency. */
@QuarkusTest
class VisitLifecycleResourceTest {

    @Inject
    EventCodec codec;

    private final String clinician = TestTokens.clinician(TestTokens.newSubject());
    private final String patientId = TestTokens.newSubject();
    private final String patient = TestTokens.patient(patientId);

    @Test
    void ringAnswerEndPublishesEachStepOnceWithDurations() {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String id = Visits.schedule(clinician, patientId);
            Visits.act(clinician, id, "initiate").statusCode(200).body("status", equalTo("RINGING"))
                    .body("ringingAt", notNullValue());
            Visits.act(patient, id, "answer").statusCode(200).body("status", equalTo("IN_PROGRESS"))
                    .body("startedAt", notNullValue());
            Visits.act(clinician, id, "end").statusCode(200).body("status", equalTo("ENDED"))
                    .body("statusReason", equalTo("COMPLETED"))
                    .body("actualDurationSeconds", greaterThanOrEqualTo(0));
            List<String> types = probe.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(20)).stream()
                    .map(r -> codec.decode(r.value()).type()).toList();
            assertEquals(List.of("io.televisit.visit.scheduled.v1", "io.televisit.visit.ringing.v1",
                    "io.televisit.visit.started.v1", "io.televisit.visit.ended.v1"), types);
        }
    }

    @Test
    void everyOtherEventTypeIsPublishedOnceAndMatchesItsSchema() {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String declined = Visits.schedule(clinician, patientId);
            String participant = given().auth().oauth2(clinician).get(VISITS + "/" + declined).then().extract()
                    .path("participants.find { it.role == 'PATIENT' }.id");
            String token = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                    .body("{\"participantId\":\"" + participant + "\"}").post(VISITS + "/" + declined + "/join-links")
                    .then().statusCode(201).extract().path("token");
            given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}")
                    .post("/api/calls/v1/join-links/redeem").then().statusCode(200);
            given().auth().oauth2(clinician).post(VISITS + "/" + declined + "/participants/" + participant + "/admit")
                    .then().statusCode(200);
            Visits.act(clinician, declined, "initiate").statusCode(200);
            Visits.act(patient, declined, "decline", "PATIENT_BUSY").statusCode(200);
            String failed = Visits.schedule(clinician, patientId);
            Visits.act(clinician, failed, "fail", "MEDIA_FAILURE").statusCode(200);

            // decode() validates envelope and data against the JSON Schemas.
            var records = probe.await(r -> declined.equals(r.key()) || failed.equals(r.key()), 8, Duration.ofSeconds(20));
            List<String> declinedTypes = records.stream().filter(r -> declined.equals(r.key()))
                    .map(r -> codec.decode(r.value()).type()).toList();
            assertEquals(List.of("io.televisit.visit.scheduled.v1", "io.televisit.join-link.issued.v1",
                    "io.televisit.join-link.redeemed.v1", "io.televisit.visit.participant-admitted.v1",
                    "io.televisit.visit.ringing.v1", "io.televisit.visit.declined.v1"), declinedTypes);
            List<String> failedTypes = records.stream().filter(r -> failed.equals(r.key()))
                    .map(r -> codec.decode(r.value()).type()).toList();
            assertEquals(List.of("io.televisit.visit.scheduled.v1", "io.televisit.visit.failed.v1"), failedTypes);
            assertEquals(0, probe.drain(r -> declined.equals(r.key()) || failed.equals(r.key()),
                    Duration.ofSeconds(1)).size(), "nothing published twice");
        }
    }

    @Test
    void cancelDeclineAndFailFromEachStatusThatAllowsThem() {
        String ringingCancelled = Visits.schedule(clinician, patientId);
        Visits.act(clinician, ringingCancelled, "initiate").statusCode(200);
        Visits.act(clinician, ringingCancelled, "cancel", "CLINICIAN_UNAVAILABLE").statusCode(200)
                .body("status", equalTo("CANCELLED"));

        String declined = Visits.schedule(clinician, patientId);
        Visits.act(clinician, declined, "initiate").statusCode(200);
        Visits.act(patient, declined, "decline", "PATIENT_BUSY").statusCode(200)
                .body("status", equalTo("DECLINED")).body("statusReason", equalTo("PATIENT_BUSY"));

        for (String before : List.of("SCHEDULED", "RINGING", "IN_PROGRESS")) {
            String id = Visits.schedule(clinician, patientId);
            if (!before.equals("SCHEDULED")) {
                Visits.act(clinician, id, "initiate").statusCode(200);
            }
            if (before.equals("IN_PROGRESS")) {
                Visits.act(patient, id, "answer").statusCode(200);
            }
            given().auth().oauth2(clinician).contentType(ContentType.JSON)
                    .body("{\"reasonCode\":\"MEDIA_FAILURE\",\"detail\":\"ICE failed after 3 restarts\"}")
                    .post(VISITS + "/" + id + "/fail").then().statusCode(200)
                    .body("status", equalTo("FAILED")).body("failureDetail", equalTo("ICE failed after 3 restarts"));
        }
    }

    @Test
    void illegalTransitionsAreRefusedWithTheCurrentStatus() {
        String id = Visits.schedule(clinician, patientId);
        refused(Visits.act(patient, id, "answer"), "SCHEDULED");
        refused(Visits.act(clinician, id, "end"), "SCHEDULED");
        refused(Visits.act(patient, id, "decline", "PATIENT_BUSY"), "SCHEDULED");
        Visits.act(clinician, id, "initiate").statusCode(200);
        refused(Visits.act(clinician, id, "initiate"), "RINGING");
        refused(Visits.act(clinician, id, "end"), "RINGING");
        Visits.act(patient, id, "answer").statusCode(200);
        refused(Visits.act(patient, id, "decline", "PATIENT_BUSY"), "IN_PROGRESS");
        refused(Visits.act(clinician, id, "cancel", "LATE"), "IN_PROGRESS");
        Visits.act(clinician, id, "end").statusCode(200);
        for (String action : List.of("initiate", "answer", "end")) {
            refused(Visits.act(clinician, id, action), "ENDED");
        }
        refused(Visits.act(clinician, id, "cancel", "LATE"), "ENDED");
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"scheduledAt\":\""
                        + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .put(VISITS + "/" + id + "/schedule").then().statusCode(409).body("currentStatus", equalTo("ENDED"));
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String id = Visits.schedule(clinician, patientId);
        Visits.act(patient, id, "initiate").statusCode(403).body("code", equalTo("FORBIDDEN"));
        Visits.act(patient, id, "cancel", "PATIENT_REQUEST").statusCode(403);
        Visits.act(TestTokens.clinician(TestTokens.newSubject()), id, "initiate").statusCode(404);
        Visits.act(TestTokens.admin(TestTokens.newSubject()), id, "initiate").statusCode(403);
        Visits.act(TestTokens.admin(TestTokens.newSubject()), id, "cancel", "DUPLICATE").statusCode(200);
    }

    @Test
    void ofTwoConcurrentAnswersExactlyOneWins() throws Exception {
        String caregiverId = TestTokens.newSubject();
        String id = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + Instant.now().plus(1, ChronoUnit.HOURS)
                        + "\",\"participants\":[{\"role\":\"PATIENT\",\"subject\":\"" + patientId
                        + "\"},{\"role\":\"CAREGIVER\",\"subject\":\"" + caregiverId + "\"}]}")
                .post(VISITS).then().statusCode(201).extract().path("id");
        Visits.act(clinician, id, "initiate").statusCode(200);
        String caregiver = TestTokens.user("patient", caregiverId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String token : List.of(patient, caregiver)) {
            Callable<Integer> answer = () -> Visits.act(token, id, "answer").extract().statusCode();
            answers.add(pool.submit(answer));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 409), statuses);
    }

    @Test
    void aRetriedCreateReturnsTheFirstVisitEvenUnderConcurrency() throws Exception {
        String key = "key-" + TestTokens.newSubject();
        String body = Visits.body(patientId, Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<String> create = () -> given().auth().oauth2(clinician).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(body).post(VISITS)
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
            creates.add(pool.submit(create));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> create : creates) {
            ids.add(create.get());
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "one visit for one key");
        given().auth().oauth2(clinician).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(VISITS).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(ids.iterator().next()));
        given().auth().oauth2(clinician).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Visits.body(patientId, Instant.now().plus(3, ChronoUnit.HOURS))).post(VISITS)
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aClinicianAdmitsAWaitingPatient() {
        String id = Visits.schedule(clinician, patientId);
        String participant = given().auth().oauth2(clinician).get(VISITS + "/" + id).then().extract()
                .path("participants.find { it.role == 'PATIENT' }.id");
        given().auth().oauth2(patient).post(VISITS + "/" + id + "/participants/" + participant + "/admit")
                .then().statusCode(403);
        given().auth().oauth2(clinician).post(VISITS + "/" + id + "/participants/" + participant + "/admit")
                .then().statusCode(200).body("participants.find { it.role == 'PATIENT' }.state", equalTo("ADMITTED"));
        given().auth().oauth2(clinician).post(VISITS + "/" + id + "/participants/" + participant + "/admit")
                .then().statusCode(409).body("code", equalTo("NOT_WAITING"));
    }

    private static void refused(io.restassured.response.ValidatableResponse response, String status) {
        response.statusCode(409).contentType("application/problem+json").body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("currentStatus", equalTo(status));
    }
}
