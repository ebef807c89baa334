package io.televisit.quality.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.events.visit.VisitEnded;
import io.televisit.quality.decision.Script;
import io.televisit.quality.decision.Script.Phase;
import io.televisit.quality.service.Housekeeping;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statistics over a period (REST and Prometheus) and the downsampling of old raw samples. */
@QuarkusTest
class StatisticsAndRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;
    @Inject
    Housekeeping housekeeping;
    @Inject
    Pool pool;

    private final String clinicianToken = TestTokens.clinician(TestTokens.newSubject());

    @Test
    void statisticsOverAPeriodCountPoorVisitsRelayAndFallbacks() {
        // A period no other test ends visits in.
        Instant from = Instant.parse("2031-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(100_000),
                ChronoUnit.MINUTES);
        UUID poor = UUID.randomUUID();
        UUID relayed = UUID.randomUUID();
        UUID c1 = UUID.randomUUID();
        UUID p1 = UUID.randomUUID();
        List<QualitySampleReported> poorSamples = Script.merge(
                Script.stream(poor, c1, "CLINICIAN", "HOST", 0, Phase.good(150)),
                Script.stream(poor, p1, "PATIENT", "HOST", 500, Phase.good(20), Phase.loss(100, 12), Phase.good(30)));
        List<QualitySampleReported> relaySamples = Script.merge(
                Script.stream(relayed, c1, "CLINICIAN", "HOST", 0, Phase.good(60)),
                Script.stream(relayed, p1, "PATIENT", "RELAY", 500, Phase.good(60)));
        try (KafkaSender kafka = new KafkaSender()) {
            Samples.publish(kafka, codec, poorSamples);
            Samples.publish(kafka, codec, relaySamples);
            Samples.awaitStored(clinicianToken, poor, poorSamples.size());
            Samples.awaitStored(clinicianToken, relayed, relaySamples.size());
            end(kafka, poor, from.plusSeconds(60));
            end(kafka, relayed, from.plusSeconds(120));
        }
        Samples.awaitFinal(clinicianToken, poor);
        Samples.awaitFinal(clinicianToken, relayed);
        double poorMos = given().auth().oauth2(clinicianToken).get(Samples.REPORTS + poor + "/report")
                .then().body("poorQuality", equalTo(true)).body("phoneFallbacks", equalTo(1))
                .extract().jsonPath().getDouble("averageMos");
        double goodMos = given().auth().oauth2(clinicianToken).get(Samples.REPORTS + relayed + "/report")
                .then().body("poorQuality", equalTo(false)).body("relayRatio", equalTo(0.5f))
                .extract().jsonPath().getDouble("averageMos");

        given().auth().oauth2(clinicianToken).queryParam("from", from.toString())
                .queryParam("to", from.plusSeconds(3600).toString()).get("/api/quality/v1/statistics")
                .then().statusCode(200)
                .body("visits", equalTo(2))
                .body("poorQualityVisits", equalTo(1))
                .body("poorQualityShare", equalTo(0.5f))
                .body("relayRatio", equalTo(0.25f))
                .body("phoneFallbacks", equalTo(1))
                .body("averageMos", equalTo((float) (Math.round((poorMos + goodMos) / 2 * 1000) / 1000.0)));
    }

    @Test
    void badPeriodsAreProblems() {
        given().auth().oauth2(clinicianToken).queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get("/api/quality/v1/statistics")
                .then().statusCode(400).body("code", equalTo("INVALID_PERIOD"));
        given().auth().oauth2(clinicianToken).queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get("/api/quality/v1/statistics")
                .then().statusCode(400).body("code", equalTo("INVALID_PERIOD"));
        given().auth().oauth2(clinicianToken).queryParam("from", "yesterday").get("/api/quality/v1/statistics")
                .then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
        given().auth().oauth2(TestTokens.patient(TestTokens.newSubject())).get("/api/quality/v1/statistics")
                .then().statusCode(403);
    }

    @Test
    void prometheusHasTheIngestCountersAndThePeriodGauges() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("televisit_quality_period_visits{period=\"24h\"}"))
                .body(containsString("televisit_quality_period_average_mos{period=\"24h\"}"))
                .body(containsString("televisit_quality_period_relay_ratio{period=\"24h\"}"))
                .body(containsString("televisit_quality_samples_total{outcome=\"invalid\"}"));
    }

    @Test
    void oldRawSamplesBecomeMinuteRows() {
        UUID visit = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Duration age = Duration.ofDays(40);
        List<QualitySampleReported> old = Script.stream(visit, patient, "PATIENT", "RELAY", 0, Phase.good(120))
                .stream().map(s -> new QualitySampleReported(s.sampleId(), s.visitId(), s.participantId(), s.role(),
                        s.measuredAt().minus(age), s.direction(), s.kind(), s.packetLossPct(), s.jitterMs(), s.rttMs(),
                        s.bitrateKbps(), s.framesPerSecond(), s.frameHeight(), s.framesDecoded(), s.framesDropped(),
                        s.freezeCount(), s.concealedPct(), s.qualityLimitationReason(), s.candidateType(),
                        s.protocol())).toList();
        try (KafkaSender kafka = new KafkaSender()) {
            Samples.publish(kafka, codec, old);
        }
        Samples.awaitStored(clinicianToken, visit, old.size());
        // Only this visit's samples are that old; everything measured before the cut-off is replaced.
        long replaced = housekeeping.downsample(Script.T0.minus(age).plus(Duration.ofMinutes(10)))
                .await().atMost(WAIT);
        assertEquals(old.size(), replaced);
        Row raw = pool.preparedQuery("SELECT count(*) FROM quality_sample WHERE visit_id = $1")
                .execute(Tuple.of(visit)).await().atMost(WAIT).iterator().next();
        assertEquals(0L, raw.getLong(0));
        Row minutes = pool.preparedQuery("SELECT count(*), sum(samples), sum(relay_samples) FROM quality_sample_minute "
                + "WHERE visit_id = $1").execute(Tuple.of(visit)).await().atMost(WAIT).iterator().next();
        // 120 s of samples from 10:00:00: two minutes, two streams.
        assertEquals(4L, minutes.getLong(0));
        assertEquals((long) old.size(), minutes.getLong(1));
        assertEquals((long) old.size(), minutes.getLong(2));
    }

    private void end(KafkaSender kafka, UUID visit, Instant at) {
        kafka.send(EventType.VISIT_ENDED.topic().topicName(), visit.toString(), codec.encode(codec.create(
                EventType.VISIT_ENDED, visit.toString(), new VisitEnded(visit, at, 150, "CLINICIAN_ENDED"),
                "call-service")));
    }
}
