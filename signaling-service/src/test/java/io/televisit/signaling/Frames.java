package io.televisit.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.visit.ParticipantAdmitted;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.SignalingClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Reading server frames in tests. */
final class Frames {

    static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    static JsonNode next(SignalingClient client) throws Exception {
        String text = client.next(WAIT);
        if (text == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return JSON.readTree(text);
    }

    /** The next frame of {@code type}, skipping others. */
    static JsonNode nextOfType(SignalingClient client, String type) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = client.next(Duration.ofMillis(200));
            if (text != null) {
                JsonNode frame = JSON.readTree(text);
                if (type.equals(frame.get("type").asText())) {
                    return frame;
                }
            }
        }
        throw new AssertionError("no " + type + " frame within " + WAIT);
    }

    static String type(JsonNode frame) {
        return frame.get("type").asText();
    }

    /**
     * Admits a participant as call-service would (a participant-admitted event) and waits for its {@code admitted}
     * frame.
     */
    static JsonNode admit(EventCodec codec, SignalingClient client, String visit, String participant) throws Exception {
        String event = codec.encode(codec.create(EventType.PARTICIPANT_ADMITTED, visit,
                new ParticipantAdmitted(UUID.fromString(visit), UUID.fromString(participant), "PATIENT",
                        Instant.now()), "call-service"));
        return publishUntil(client, "admitted", Topic.VISITS, visit, event);
    }

    /**
     * Publishes an event until {@code client} gets a frame of {@code type}, and returns that frame: consumers with a
     * group per instance start at the latest offset once assigned, so an event sent before that is not seen.
     */
    static JsonNode publishUntil(SignalingClient client, String type, Topic topic, String key, String event)
            throws Exception {
        try (KafkaSender kafka = new KafkaSender()) {
            for (int i = 0; i < 40; i++) {
                kafka.send(topic.topicName(), key, event);
                String text = client.next(Duration.ofMillis(500));
                while (text != null) {
                    JsonNode frame = JSON.readTree(text);
                    if (type.equals(frame.get("type").asText())) {
                        return frame;
                    }
                    text = client.next(Duration.ofMillis(50));
                }
            }
        }
        throw new AssertionError("no " + type + " frame");
    }
}
