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
 * Admits a waiting patient as call-service does (a participant-admitted event on the visits topic) and waits for its
 * {@code admitted} frame. Signaling's per-instance consumers start at the latest offset once assigned, so the event
 * is resent until the frame arrives (admission is idempotent).
 */
final class Admission {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventCodec CODEC = new EventCodec(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private Admission() {
    }

    static void admit(SignalingClient patient, String visit, String participant) throws Exception {
        String event = CODEC.encode(CODEC.create(EventType.PARTICIPANT_ADMITTED, visit, new ParticipantAdmitted(
                UUID.fromString(visit), UUID.fromString(participant), "PATIENT", Instant.now()), "call-service"));
        try (KafkaSender kafka = new KafkaSender()) {
            for (int i = 0; i < 40; i++) {
                kafka.send(Topic.VISITS.topicName(), visit, event);
                String text;
                while ((text = patient.next(Duration.ofMillis(500))) != null) {
                    if ("admitted".equals(JSON.readTree(text).get("type").asText())) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("not admitted");
    }
}
