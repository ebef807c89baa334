package io.televisit.quality.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.decision.Script;
import io.televisit.testing.Eventually;
import io.televisit.testing.KafkaSender;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes samples as signaling-service does, and reads decisions back in the tests' short form. */
final class Samples {

    static final String REPORTS = "/api/quality/v1/visits/";
    static final Duration WAIT = Duration.ofSeconds(30);

    private Samples() {
    }

    static void publish(KafkaSender kafka, EventCodec codec, List<QualitySampleReported> samples) {
        for (QualitySampleReported sample : samples) {
            kafka.send(Topic.QUALITY_SAMPLES.topicName(), sample.visitId().toString(), codec.encode(
                    codec.create(EventType.QUALITY_SAMPLE_REPORTED, sample.visitId().toString(), sample,
                            "signaling-service")));
        }
    }

    /** Waits until the visit's live (or final) report counts {@code samples} stored samples. */
    static void awaitStored(String token, UUID visit, int samples) {
        Eventually.within(WAIT, () -> assertEquals(samples, given().auth().oauth2(token)
                .get(REPORTS + visit + "/report").then().statusCode(200).extract().jsonPath()
                .getList("participants.samples", Integer.class).stream().mapToInt(Integer::intValue).sum()));
    }

    /** Waits until the visit's report is FINAL. */
    static void awaitFinal(String token, UUID visit) {
        Eventually.within(WAIT, () -> given().auth().oauth2(token).get(REPORTS + visit + "/report").then()
                .body("status", equalTo("FINAL")));
    }

    /** "+44s PATIENT WARNING CRITICAL PACKET_LOSS", as Script.brief writes decisions. */
    static String brief(EventCodec codec, ConsumerRecord<String, String> record, Map<UUID, String> roles) {
        CloudEvent event = codec.decode(record.value());
        JsonNode d = event.data();
        long seconds = (java.time.Instant.parse(d.get("at").asText()).toEpochMilli() - Script.T0.toEpochMilli()) / 1000;
        String role = roles.get(UUID.fromString(d.get("participantId").asText()));
        String what = switch (EventType.fromType(event.type()).orElseThrow()) {
            case QUALITY_WARNING_ISSUED -> "WARNING " + d.get("level").asText() + " " + d.get("code").asText();
            case QUALITY_PROFILE_RECOMMENDED -> "PROFILE " + d.get("profile").asText() + " "
                    + d.get("reasonCode").asText();
            case PHONE_FALLBACK_RECOMMENDED -> "PHONE_FALLBACK " + d.get("reasonCode").asText() + " "
                    + d.get("reasonCode").asText();
            default -> event.type();
        };
        return "+" + seconds + "s " + role + " " + what;
    }
}
