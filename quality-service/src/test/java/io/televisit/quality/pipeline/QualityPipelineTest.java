package io.televisit.quality.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.presence.ParticipantDisconnected;
import io.televisit.events.presence.ParticipantReconnected;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.events.visit.VisitEnded;
import io.televisit.quality.decision.Script;
import io.televisit.quality.decision.Script.Phase;
import io.televisit.quality.ingest.TrackerCache;
import io.televisit.testing.Eventually;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted sample streams through the real broker and database: decisions, duplicates, takeover, report, FHIR. */
@QuarkusTest
class QualityPipelineTest {

    private static final String REPORTS = Samples.REPORTS;
    private static final Duration WAIT = Samples.WAIT;

    @Inject
    EventCodec codec;
    @Inject
    TrackerCache cache;

    private final String clinicianToken = TestTokens.clinician(TestTokens.newSubject());
    private final UUID visit = UUID.randomUUID();
    private final UUID clinician = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final Map<UUID, String> roles = Map.of(clinician, "CLINICIAN", patient, "PATIENT");

    private List<String> decisions(KafkaProbe probe, UUID visitId, int expected) {
        List<ConsumerRecord<String, String>> records = probe.await(r -> visitId.toString().equals(r.key()), expected,
                WAIT);
        records.addAll(probe.drain(r -> visitId.toString().equals(r.key()), Duration.ofSeconds(2)));
        return records.stream().map(r -> Samples.brief(codec, r, roles)).toList();
    }

    @Test
    void aScriptedStreamGivesExactlyTheExpectedDecisionsThroughDuplicatesALateSampleAndATakeover() {
        List<QualitySampleReported> samples = Script.degradingPatient(visit, clinician, patient);
        try (KafkaProbe probe = new KafkaProbe(Topic.QUALITY_DECISIONS.topicName()); KafkaSender kafka = new KafkaSender()) {
            Samples.publish(kafka, codec, samples.subList(0, 60));
            Samples.awaitStored(clinicianToken, visit, 60);
            // Another instance takes over: nothing in memory, everything rebuilt from the database.
            cache.clear();
            // A redelivery of what was already consumed (same sample ids), then the rest.
            Samples.publish(kafka, codec, samples.subList(40, 60));
            Samples.publish(kafka, codec, samples.subList(60, 100));
            // A late sample (new id, measured before the stream's last one) claiming a clean network in the bad phase.
            QualitySampleReported old = samples.get(70);
            Samples.publish(kafka, codec, List.of(new QualitySampleReported(UUID.randomUUID(), visit,
                    old.participantId(), old.role(), old.measuredAt(), old.direction(), old.kind(), 0.0, 1.0, 20.0,
                    old.bitrateKbps(), old.framesPerSecond(), old.frameHeight(), old.framesDecoded(),
                    old.framesDropped(), old.freezeCount(), 0.0, old.qualityLimitationReason(), old.candidateType(),
                    old.protocol())));
            Samples.publish(kafka, codec, samples.subList(100, samples.size()));
            Samples.publish(kafka, codec, samples.subList(100, 110));
            assertEquals(Script.degradingPatientDecisions(), decisions(probe, visit, 12));
        }
        Samples.awaitStored(clinicianToken, visit, samples.size());
    }

    @Test
    void aSingleSpikeOrARelayOnlyPatientCausesNoDecision() {
        UUID relayVisit = UUID.randomUUID();
        List<QualitySampleReported> spike = Script.merge(
                Script.stream(visit, clinician, "CLINICIAN", "HOST", 0, Phase.good(60)),
                Script.stream(visit, patient, "PATIENT", "HOST", 500, Phase.good(20), Phase.loss(2, 30), Phase.good(38)));
        List<QualitySampleReported> relay = Script.merge(
                Script.stream(relayVisit, clinician, "CLINICIAN", "SRFLX", 0, Phase.good(60)),
                Script.stream(relayVisit, patient, "PATIENT", "RELAY", 500, new Phase(60, 0.3, 8, 140, 0)));
        try (KafkaProbe probe = new KafkaProbe(Topic.QUALITY_DECISIONS.topicName()); KafkaSender kafka = new KafkaSender()) {
            Samples.publish(kafka, codec, spike);
            Samples.publish(kafka, codec, relay);
            Samples.awaitStored(clinicianToken, visit, spike.size());
            Samples.awaitStored(clinicianToken, relayVisit, relay.size());
            assertEquals(List.of(), probe.drain(r -> r.key().equals(visit.toString())
                    || r.key().equals(relayVisit.toString()), Duration.ofSeconds(3)).stream().map(r -> r.value()).toList());
        }
        given().auth().oauth2(clinicianToken).get(REPORTS + relayVisit + "/report").then().statusCode(200)
                .body("status", equalTo("LIVE"))
                .body("relayRatio", equalTo(0.5f))
                .body("participants.find { it.role == 'PATIENT' }.path", equalTo("RELAY"))
                .body("participants.find { it.role == 'PATIENT' }.relayShare", equalTo(1.0f))
                .body("participants.find { it.role == 'CLINICIAN' }.path", equalTo("DIRECT"))
                .body("warnings", equalTo(0));
    }

    @Test
    void malformedSamplesGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        List<QualitySampleReported> good = Script.stream(visit, patient, "PATIENT", "HOST", 0, Phase.good(20));
        String outOfRange = codec.encode(codec.create(EventType.QUALITY_SAMPLE_REPORTED, visit.toString(), good.get(0),
                "signaling-service")).replace("\"packetLossPct\":0.0", "\"packetLossPct\":250.0");
        List<String> bad = List.of("not json at all", "{\"specversion\":\"1.0\"}", outOfRange);
        try (KafkaProbe dead = new KafkaProbe(Topic.DEAD_LETTER.topicName()); KafkaSender kafka = new KafkaSender()) {
            Samples.publish(kafka, codec, good.subList(0, 4));
            bad.forEach(value -> kafka.send(Topic.QUALITY_SAMPLES.topicName(), visit.toString(), value));
            Samples.publish(kafka, codec, good.subList(4, good.size()));
            List<ConsumerRecord<String, String>> letters = dead.await(r -> visit.toString().equals(r.key()), 3, WAIT);
            assertEquals(bad, letters.stream().map(ConsumerRecord::value).toList());
            letters.forEach(letter -> {
                assertEquals(Topic.QUALITY_SAMPLES.topicName(), header(letter, "dead-letter-topic"));
                assertTrue(!header(letter, "dead-letter-reason").isBlank());
            });
        }
        Samples.awaitStored(clinicianToken, visit, good.size());
    }

    @Test
    void repeatedDisconnectsRecommendThePhoneOnce() {
        Instant t = Instant.now().minusSeconds(120);
        try (KafkaProbe probe = new KafkaProbe(Topic.QUALITY_DECISIONS.topicName()); KafkaSender kafka = new KafkaSender()) {
            for (int i = 0; i < 4; i++) {
                send(kafka, EventType.PARTICIPANT_DISCONNECTED, new ParticipantDisconnected(visit, patient, "PATIENT",
                        t.plusSeconds(20L * i), "NETWORK_LOST"));
                send(kafka, EventType.PARTICIPANT_RECONNECTED, new ParticipantReconnected(visit, patient, "PATIENT",
                        t.plusSeconds(20L * i + 5)));
            }
            List<ConsumerRecord<String, String>> records = probe.await(r -> visit.toString().equals(r.key()), 1, WAIT);
            records.addAll(probe.drain(r -> visit.toString().equals(r.key()), Duration.ofSeconds(3)));
            assertEquals(1, records.size());
            assertTrue(records.get(0).value().contains("\"reasonCode\":\"MEDIA_FAILING\""), records.get(0).value());
        }
    }

    @Test
    void theFinalReportAndItsFhirObservationAreCompleteAndValid() {
        List<QualitySampleReported> samples = Script.degradingPatient(visit, clinician, patient);
        Instant endedAt = Script.T0.plusSeconds(150);
        try (KafkaSender kafka = new KafkaSender()) {
            Samples.publish(kafka, codec, samples);
            send(kafka, EventType.PARTICIPANT_DISCONNECTED, new ParticipantDisconnected(visit, patient, "PATIENT",
                    Script.T0.plusSeconds(50), "NETWORK_LOST"));
            send(kafka, EventType.PARTICIPANT_RECONNECTED, new ParticipantReconnected(visit, patient, "PATIENT",
                    Script.T0.plusSeconds(53)));
            Samples.awaitStored(clinicianToken, visit, samples.size());
            Eventually.within(WAIT, () -> given().auth().oauth2(clinicianToken).get(REPORTS + visit + "/report").then()
                    .body("participants.find { it.role == 'PATIENT' }.reconnects", equalTo(1)));
            send(kafka, EventType.VISIT_ENDED, new VisitEnded(visit, endedAt, 150, "CLINICIAN_ENDED"));
        }
        Samples.awaitFinal(clinicianToken, visit);
        String patientPath = "participants.find { it.role == 'PATIENT' }";
        given().auth().oauth2(clinicianToken).get(REPORTS + visit + "/report").then().statusCode(200)
                .body("endedAt", equalTo(endedAt.toString()))
                .body("outcome", equalTo("ENDED"))
                .body("participants.size()", equalTo(2))
                .body("phoneFallbacks", equalTo(1))
                .body("warnings", equalTo(1))
                .body(patientPath + ".samples", equalTo(150))
                .body(patientPath + ".secondsInProfile.HIGH", equalTo(48))
                .body(patientPath + ".secondsInProfile.AUDIO_ONLY", equalTo(60))
                .body(patientPath + ".secondsInProfile.LOW", equalTo(20))
                .body(patientPath + ".secondsInProfile.MEDIUM", equalTo(20))
                .body(patientPath + ".audioOnlySeconds", equalTo(60))
                .body(patientPath + ".disconnects", equalTo(1))
                .body(patientPath + ".reconnects", equalTo(1))
                .body(patientPath + ".path", equalTo("DIRECT"))
                .body(patientPath + ".warnings.value", equalTo(List.of("CRITICAL", "CLEARED")))
                .body(patientPath + ".profileChanges.value", equalTo(List.of("AUDIO_ONLY", "LOW", "MEDIUM", "HIGH")))
                .body(patientPath + ".phoneFallback.value", equalTo("AUDIO_BAD"))
                .body(patientPath + ".packetLossPct.p95", equalTo(12.0f))
                .body(patientPath + ".audioMos.p50", org.hamcrest.Matchers.greaterThan(4.0f))
                .body(patientPath + ".audioMos.p05", org.hamcrest.Matchers.lessThan(3.1f))
                .body("participants.find { it.role == 'CLINICIAN' }.secondsInProfile.MEDIUM", equalTo(40));

        String observation = given().auth().oauth2(clinicianToken).accept("application/fhir+json")
                .get(REPORTS + visit + "/report/fhir").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/fhir+json"))
                .body("resourceType", equalTo("Observation"))
                .body("status", equalTo("final"))
                .body("encounter.identifier.value", equalTo(visit.toString()))
                .body("subject.identifier.value", equalTo(patient.toString()))
                .body("component.find { it.code.coding[0].code == 'patient-audio-only-duration' }.valueQuantity.value",
                        equalTo(60.0f))
                .extract().asString();
        String codeSystem = given().auth().oauth2(clinicianToken).get("/api/quality/v1/fhir/CodeSystem/quality")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), FhirValidation.problems(observation, codeSystem));
        // The validator does look: a broken copy is refused.
        assertTrue(FhirValidation.problems(observation.replace("\"status\":\"final\"", "\"status\":\"done\""),
                codeSystem).stream().anyMatch(p -> p.startsWith("ERROR")));
    }

    @Test
    void reportsNeedAClinicianOrAdminAndAnUnknownVisitIsAProblem() {
        given().get(REPORTS + visit + "/report").then().statusCode(401);
        given().auth().oauth2(TestTokens.patient(TestTokens.newSubject())).get(REPORTS + visit + "/report")
                .then().statusCode(403);
        given().auth().oauth2(clinicianToken).get(REPORTS + UUID.randomUUID() + "/report").then().statusCode(404)
                .contentType(ContentType.fromContentType("application/problem+json"))
                .body("code", equalTo("QUALITY_REPORT_NOT_FOUND"));
        given().auth().oauth2(clinicianToken).get(REPORTS + "not-a-uuid/report").then().statusCode(404);
    }

    private void send(KafkaSender kafka, EventType type, Object data) {
        kafka.send(type.topic().topicName(), visit.toString(),
                codec.encode(codec.create(type, visit.toString(), data, "signaling-service")));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
