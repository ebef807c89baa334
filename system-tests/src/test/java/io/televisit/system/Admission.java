package io.televisit.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.visit.ParticipantAdmitted;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.SignalingClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Events as other services publish them, resent until the client shows their effect: signaling's per-instance
 * consumers start at the latest offset once assigned, so an event sent before that is not seen (the effects are
 * idempotent). Admission: a participant-admitted event on the visits topic, as call-service publishes it.
 */
final class Admission {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventCodec CODEC = new EventCodec(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private Admission() {
    }

    static void admit(SignalingClient patient, String visit, String participant) throws Exception {
        publishUntil(patient, "admitted", Topic.VISITS, visit, CODEC.encode(CODEC.create(
                EventType.PARTICIPANT_ADMITTED, visit, new ParticipantAdmitted(UUID.fromString(visit),
                        UUID.fromString(participant), "PATIENT", Instant.now()), "call-service")));
    }

    /** Publishes an event, as its producer would, until {@code client} gets a frame of {@code type}. */
    static void publishUntil(SignalingClient client, String type, Topic topic, String key, String event)
            throws Exception {
        try (KafkaSender kafka = new KafkaSender()) {
            for (int i = 0; i < 40; i++) {
                kafka.send(topic.topicName(), key, event);
                String text;
                while ((text = client.next(Duration.ofMillis(500))) != null) {
                    if (type.equals(JSON.readTree(text).get("type").asText())) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " frame");
    }

    static EventCodec codec() {
        return CODEC;
    }
}
