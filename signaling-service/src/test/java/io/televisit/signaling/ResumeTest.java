package io.televisit.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.televisit.events.EventCodec;
import io.televisit.events.Topic;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static io.televisit.signaling.Frames.next;
import static io.televisit.signaling.Frames.nextOfType;
import static io.televisit.signaling.Frames.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Surviving drops on one instance: resume within grace gets exactly the frames missed, in order; the others see
 * reconnecting then reconnected, never left; after the grace period the session is gone and the patient waits.
 * (Grace is 3 s for clinicians, 4 s for patients in the test profile.)
 */
@QuarkusTest
class ResumeTest {

    @Inject
    EventCodec codec;

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aResumedPatientGetsTheGapInOrderExactlyOnceAndNobodySeesItLeave() throws Exception {
        String visit = UUID.randomUUID().toString();
        String clinicianId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        try (KafkaProbe presence = new KafkaProbe(Topic.PRESENCE.topicName());
             SignalingClient clinician = SignalingClient.connect(ws(), TestTokens.visit(visit, clinicianId, "CLINICIAN"));
             SignalingClient patient = SignalingClient.connect(ws(), TestTokens.visit(visit, patientId, "PATIENT"))) {
            clinician.send("{\"type\":\"join\"}");
            next(clinician);
            patient.send("{\"type\":\"join\"}");
            JsonNode joined = next(patient);
            String resumeToken = joined.get("payload").get("resumeToken").asText();
            assertEquals(45, joined.get("payload").get("timing").get("idleTimeoutSeconds").asInt());
            Frames.admit(codec, patient, visit, patientId);
            nextOfType(clinician, "participant-joined");

            // Two candidates reach the patient; pretend the second was lost in the network when the link dropped.
            for (int i = 1; i <= 2; i++) {
                clinician.send(candidate(patientId, "before-" + i));
            }
            JsonNode first = nextOfType(patient, "ice-candidate");
            JsonNode second = nextOfType(patient, "ice-candidate");
            assertEquals(first.get("seq").asLong() + 1, second.get("seq").asLong());
            patient.drop();

            JsonNode reconnecting = nextOfType(clinician, "participant-reconnecting");
            assertEquals(patientId, reconnecting.get("payload").get("participantId").asText());
            assertEquals(4, reconnecting.get("payload").get("graceSeconds").asInt());
            for (int i = 1; i <= 3; i++) {
                clinician.send(candidate(patientId, "gap-" + i));
            }
            clinician.send("{\"type\":\"media-state\",\"payload\":{\"video\":false}}");
            assertNull(clinician.next(Duration.ofMillis(300)), "relays to a reconnecting participant are accepted");

            try (SignalingClient back = SignalingClient.resume(ws(), resumeToken)) {
                back.send("{\"type\":\"resume\",\"requestId\":\"r\",\"payload\":{\"lastSeq\":"
                        + first.get("seq").asLong() + "}}");
                List<JsonNode> frames = new ArrayList<>();
                JsonNode frame;
                do {
                    frame = next(back);
                    frames.add(frame);
                } while (!"resumed".equals(type(frame)));
                List<String> candidates = frames.stream().filter(f -> "ice-candidate".equals(type(f)))
                        .map(f -> f.get("payload").get("candidate").asText()).toList();
                assertEquals(List.of("before-2", "gap-1", "gap-2", "gap-3"), candidates, "the gap, in order, once");
                long expected = first.get("seq").asLong();
                for (JsonNode f : frames) {
                    assertEquals(++expected, f.get("seq").asLong(), "consecutive numbering after lastSeq");
                }
                assertEquals("media-state", type(frames.get(frames.size() - 2)));
                JsonNode resumed = frames.get(frames.size() - 1);
                assertEquals("r", resumed.get("requestId").asText(), "resumed answers the resume request");
                assertTrue(resumed.get("payload").get("complete").asBoolean());
                assertEquals(5, resumed.get("payload").get("replayed").asInt());
                assertEquals("ADMITTED", resumed.get("payload").get("admission").asText());

                assertEquals(patientId, nextOfType(clinician, "participant-reconnected").get("from").asText());
                clinician.send(candidate(patientId, "after"));
                JsonNode after = nextOfType(back, "ice-candidate");
                assertEquals("after", after.get("payload").get("candidate").asText());
                assertEquals(expected + 1, after.get("seq").asLong());
                back.send("{\"type\":\"answer\",\"to\":\"" + clinicianId + "\",\"payload\":{\"sdp\":\"v=0 answer\"}}");
                assertEquals("answer", type(nextOfType(clinician, "answer")));

                List<String> events = presence.await(r -> visit.equals(r.key()), 4, Duration.ofSeconds(20)).stream()
                        .map(r -> codec.decode(r.value()).type().replace("io.televisit.presence.", "")).toList();
                assertEquals(List.of("participant-connected.v1", "participant-connected.v1",
                        "participant-disconnected.v1", "participant-reconnected.v1"), events, "never left");
            }
        }
    }

    @Test
    void whenTheCliniciansGraceExpiresThePatientWaitsAndTheSessionCannotBeResumed() throws Exception {
        String visit = UUID.randomUUID().toString();
        String clinicianId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        try (SignalingClient clinician = SignalingClient.connect(ws(), TestTokens.visit(visit, clinicianId, "CLINICIAN"));
             SignalingClient patient = SignalingClient.connect(ws(), TestTokens.visit(visit, patientId, "PATIENT"))) {
            clinician.send("{\"type\":\"join\"}");
            String resumeToken = next(clinician).get("payload").get("resumeToken").asText();
            patient.send("{\"type\":\"join\"}");
            next(patient);
            Frames.admit(codec, patient, visit, patientId);
            clinician.drop();

            JsonNode reconnecting = nextOfType(patient, "participant-reconnecting");
            assertEquals("CLINICIAN", reconnecting.get("payload").get("role").asText());
            long droppedAt = System.nanoTime();
            JsonNode gone = nextOfType(patient, "participant-disconnected");
            long waited = (System.nanoTime() - droppedAt) / 1_000_000;
            assertEquals("GRACE_EXPIRED", gone.get("payload").get("reason").asText());
            assertTrue(waited >= 2000 && waited < 5000, "after about the 3 s grace: " + waited + " ms");
            assertEquals("CLINICIAN_LOST", nextOfType(patient, "waiting").get("payload").get("reason").asText());
            assertFalse(patient.awaitClose(Duration.ofMillis(200)) != null, "the patient stays connected");

            CompletionException refused = assertThrows(CompletionException.class,
                    () -> SignalingClient.resume(ws(), resumeToken));
            assertEquals(401, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause())
                    .getResponse().statusCode(), "an expired session cannot be resumed");

            try (SignalingClient rejoined = SignalingClient.connect(ws(),
                    TestTokens.visit(visit, clinicianId, "CLINICIAN"))) {
                rejoined.send("{\"type\":\"join\"}");
                assertEquals("joined", type(next(rejoined)));
                assertEquals("participant-joined", type(nextOfType(patient, "participant-joined")));
                assertEquals("admitted", type(nextOfType(patient, "admitted")), "a clinician is back");
            }
        }
    }

    @Test
    void aResumeTokenCannotJoinAndAnAccessTokenCannotResume() throws Exception {
        String visit = UUID.randomUUID().toString();
        try (SignalingClient client = SignalingClient.connect(ws(),
                TestTokens.visit(visit, UUID.randomUUID().toString(), "CLINICIAN"))) {
            client.send("{\"type\":\"resume\",\"requestId\":\"x\",\"payload\":{\"lastSeq\":0}}");
            assertEquals("NOT_RESUMABLE", next(client).get("payload").get("code").asText());
            client.send("{\"type\":\"join\"}");
            String token = next(client).get("payload").get("resumeToken").asText();
            client.drop();
            try (SignalingClient back = SignalingClient.resume(ws(), token)) {
                back.send("{\"type\":\"join\",\"requestId\":\"j\"}");
                assertEquals("RESUME_REQUIRED", next(back).get("payload").get("code").asText());
                back.send("{\"type\":\"resume\",\"requestId\":\"k\",\"payload\":{}}");
                assertEquals("INVALID_PAYLOAD", next(back).get("payload").get("code").asText());
                back.send("{\"type\":\"resume\",\"requestId\":\"k\",\"payload\":{\"lastSeq\":1}}");
                assertEquals("resumed", type(nextOfType(back, "resumed")));
            }
        }
    }

    private static String candidate(String to, String candidate) {
        return "{\"type\":\"ice-candidate\",\"to\":\"" + to + "\",\"payload\":{\"candidate\":\"" + candidate + "\"}}";
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }
}
