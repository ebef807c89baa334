package io.televisit.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.visit.VisitEnded;
import io.televisit.testing.Eventually;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several signaling instances (packaged jars as processes, one database, one Kafka): participants on different
 * instances reach each other; a session resumes on another instance with its gap; SIGTERM drains with nothing lost;
 * after kill -9 every client of the dead instance resumes on a survivor and nobody sees anyone leave.
 */
class SignalingFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static SignalingInstance a;
    private static SignalingInstance b;

    @BeforeAll
    static void start() throws Exception {
        a = SignalingInstance.start(28182);
        b = SignalingInstance.start(28183);
    }

    @AfterAll
    static void stop() throws Exception {
        a.close();
        b.close();
    }

    @Test
    void participantsOnDifferentInstancesRelayAndTheAddedLatencyIsMeasured() throws Exception {
        Visit visit = Visit.create();
        try (SignalingClient clinician = SignalingClient.connect(a.ws(), visit.clinicianToken());
             SignalingClient patient = SignalingClient.connect(b.ws(), visit.patientToken())) {
            visit.joinBoth(clinician, patient);
            clinician.send(relay("offer", visit.patient, "{\"sdp\":\"v=0 cross\"}"));
            JsonNode offer = ofType(patient, "offer");
            assertEquals(visit.clinician, offer.get("from").asText());
            patient.send(relay("answer", visit.clinician, "{\"sdp\":\"v=0 back\"}"));
            assertEquals("v=0 back", ofType(clinician, "answer").get("payload").get("sdp").asText());
            String bigSdp = "a".repeat(20_000);
            clinician.send(relay("offer", visit.patient, "{\"sdp\":\"" + bigSdp + "\"}"));
            assertEquals(bigSdp.length(), ofType(patient, "offer").get("payload").get("sdp").asText().length(),
                    "a frame above the notification size travels by reference");

            long[] cross = relayLatencies(clinician, patient, visit, 200);
            System.out.printf("cross-instance relay (A->B, PostgreSQL NOTIFY): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                    pct(cross, 50), pct(cross, 95), pct(cross, 99));
            assertTrue(pct(cross, 50) < 20, "cross-instance relay p50 under 20 ms");
        }
        Visit local = Visit.create();
        try (SignalingClient clinician = SignalingClient.connect(a.ws(), local.clinicianToken());
             SignalingClient patient = SignalingClient.connect(a.ws(), local.patientToken())) {
            local.joinBoth(clinician, patient);
            long[] same = relayLatencies(clinician, patient, local, 200);
            System.out.printf("same-instance relay (A->A, in memory): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                    pct(same, 50), pct(same, 95), pct(same, 99));
        }
    }

    @Test
    void aSessionDroppedOnOneInstanceResumesOnAnotherWithItsGap() throws Exception {
        Visit visit = Visit.create();
        try (SignalingClient clinician = SignalingClient.connect(b.ws(), visit.clinicianToken());
             SignalingClient patient = SignalingClient.connect(a.ws(), visit.patientToken())) {
            String resumeToken = visit.joinBoth(clinician, patient).patientResume();
            clinician.send(relay("ice-candidate", visit.patient, "{\"candidate\":\"one\"}"));
            long lastSeq = ofType(patient, "ice-candidate").get("seq").asLong();
            patient.drop();
            ofType(clinician, "participant-reconnecting");
            for (int i = 1; i <= 3; i++) {
                clinician.send(relay("ice-candidate", visit.patient, "{\"candidate\":\"gap-" + i + "\"}"));
            }
            Thread.sleep(300);
            try (SignalingClient back = SignalingClient.resume(b.ws(), resumeToken)) {
                List<JsonNode> frames = resume(back, lastSeq);
                assertEquals(List.of("gap-1", "gap-2", "gap-3"), candidates(frames));
                assertConsecutive(frames, lastSeq);
                assertTrue(frames.get(frames.size() - 1).get("payload").get("complete").asBoolean(),
                        "the previous instance handed the frames over");
                ofType(clinician, "participant-reconnected");
                clinician.send(relay("ice-candidate", visit.patient, "{\"candidate\":\"after\"}"));
                assertEquals("after", ofType(back, "ice-candidate").get("payload").get("candidate").asText());
            }
        }
    }

    @Test
    void sigtermDrainsAnInstanceAndItsClientsResumeElsewhereWithNothingLost() throws Exception {
        Visit visit = Visit.create();
        try (SignalingInstance doomed = SignalingInstance.start(28184);
             SignalingClient clinician = SignalingClient.connect(b.ws(), visit.clinicianToken());
             SignalingClient patient = SignalingClient.connect(doomed.ws(), visit.patientToken())) {
            String resumeToken = visit.joinBoth(clinician, patient).patientResume();
            clinician.send(relay("ice-candidate", visit.patient, "{\"candidate\":\"before\"}"));
            long lastSeq = ofType(patient, "ice-candidate").get("seq").asLong();
            long stopping = System.nanoTime();
            int exit = doomed.terminate();
            long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
            System.out.printf("SIGTERM -> drained and exited (%d) in %d ms%n", exit, stopMillis);
            assertTrue(exit == 0 || exit == 128 + 15, "a clean exit on SIGTERM, not " + exit);
            assertTrue(stopMillis < 15_000, "drained without waiting for the shutdown timeout: " + stopMillis + " ms");
            JsonNode reconnect = ofType(patient, "reconnect");
            assertEquals("SERVER_SHUTDOWN", reconnect.get("payload").get("reason").asText());
            assertEquals(1012, patient.awaitClose(WAIT));
            clinician.send(relay("ice-candidate", visit.patient, "{\"candidate\":\"while-away\"}"));
            try (SignalingClient back = SignalingClient.resume(a.ws(), resumeToken)) {
                List<JsonNode> frames = resume(back, reconnect.get("seq").asLong());
                assertEquals(List.of("while-away"), candidates(frames));
                assertConsecutive(frames, reconnect.get("seq").asLong());
                assertTrue(frames.get(frames.size() - 1).get("payload").get("complete").asBoolean());
            }
            assertTrue(lastSeq < reconnect.get("seq").asLong());
            List<String> seen = drain(clinician);
            assertFalse(seen.contains("participant-left") || seen.contains("participant-disconnected"), seen.toString());
        }
    }

    @Test
    void afterKillMinus9EveryClientOfTheDeadInstanceResumesOnTheOtherAndNobodySeesALeave() throws Exception {
        Visit first = Visit.create();
        Visit second = Visit.create();
        try (KafkaProbe presence = new KafkaProbe(Topic.PRESENCE.topicName());
             SignalingInstance doomed = SignalingInstance.start(28185);
             SignalingClient clinician1 = SignalingClient.connect(doomed.ws(), first.clinicianToken());
             SignalingClient patient1 = SignalingClient.connect(doomed.ws(), first.patientToken());
             SignalingClient clinician2 = SignalingClient.connect(a.ws(), second.clinicianToken());
             SignalingClient patient2 = SignalingClient.connect(doomed.ws(), second.patientToken())) {
            Joined joined1 = first.joinBoth(clinician1, patient1);
            String patient2Resume = second.joinBoth(clinician2, patient2).patientResume();
            doomed.kill();
            long killedAt = System.nanoTime();
            assertTrue(patient1.awaitClose(WAIT) != null && patient2.awaitClose(WAIT) != null);

            List<JsonNode> resumes = new ArrayList<>();
            try (SignalingClient c1 = SignalingClient.resume(b.ws(), joined1.clinicianResume());
                 SignalingClient p1 = SignalingClient.resume(b.ws(), joined1.patientResume());
                 SignalingClient p2 = SignalingClient.resume(a.ws(), patient2Resume)) {
                for (SignalingClient client : List.of(c1, p1, p2)) {
                    List<JsonNode> frames = resume(client, 3);
                    resumes.add(frames.get(frames.size() - 1));
                }
                System.out.printf("kill -9 -> three sessions resumed on the survivors in %d ms%n",
                        (System.nanoTime() - killedAt) / 1_000_000);
                for (JsonNode resumed : resumes) {
                    assertFalse(resumed.get("payload").get("complete").asBoolean(),
                            "frames held by the dead instance are reported lost");
                }
                assertEquals("SIGNALING_GAP", ofType(c1, "ice-restart").get("payload").get("reason").asText(),
                        "the clinician is asked to restart ICE");
                c1.send(relay("offer", first.patient, "{\"sdp\":\"v=0 restart\"}"));
                assertEquals("v=0 restart", ofType(p1, "offer").get("payload").get("sdp").asText());
                p2.send(relay("answer", second.clinician, "{\"sdp\":\"v=0 still here\"}"));
                assertEquals("v=0 still here", ofType(clinician2, "answer").get("payload").get("sdp").asText());
            }
            List<String> seen = drain(clinician2);
            assertFalse(seen.contains("participant-left") || seen.contains("participant-disconnected"), seen.toString());
            Thread.sleep(1500);
            List<String> events = presence.await(r -> r.key().equals(first.id) || r.key().equals(second.id), 10,
                    Duration.ofSeconds(5)).stream().map(r -> r.value()).toList();
            assertTrue(events.stream().noneMatch(e -> e.contains(EventType.PARTICIPANT_LEFT.type())),
                    "no participant-left event for call-service");
        }
    }

    @Test
    void aSessionNoInstanceHoldsEndsWithItsVisitAndCannotBeResumedAfterwards() throws Exception {
        Visit visit = Visit.create();
        String patientResume;
        try (SignalingInstance doomed = SignalingInstance.start(28186);
             SignalingClient clinician = SignalingClient.connect(a.ws(), visit.clinicianToken());
             SignalingClient patient = SignalingClient.connect(doomed.ws(), visit.patientToken())) {
            patientResume = visit.joinBoth(clinician, patient).patientResume();
            doomed.kill();
            ofType(clinician, "participant-reconnecting");
            String ended = Admission.codec().encode(Admission.codec().create(EventType.VISIT_ENDED, visit.id,
                    new VisitEnded(UUID.fromString(visit.id), Instant.now(), 60, "ENDED_BY_CLINICIAN"),
                    "call-service"));
            Admission.publishUntil(clinician, "visit-ended", Topic.VISITS, visit.id, ended);
            assertEquals(1000, clinician.awaitClose(WAIT));
        }
        Eventually.within(Duration.ofSeconds(10), () -> {
            CompletionException refused = assertThrows(CompletionException.class,
                    () -> SignalingClient.resume(b.ws(), patientResume).close(),
                    "the orphaned session ended with the visit");
            assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        });
    }

    // --- helpers ---

    private record Joined(String clinicianResume, String patientResume) {
    }

    /** A visit with one clinician and one patient; ids and tokens are made here as call-service would. */
    private static final class Visit {
        final String id = UUID.randomUUID().toString();
        final String clinician = UUID.randomUUID().toString();
        final String patient = UUID.randomUUID().toString();

        static Visit create() {
            return new Visit();
        }

        String clinicianToken() {
            return TestTokens.visit(id, clinician, "CLINICIAN");
        }

        String patientToken() {
            return TestTokens.visit(id, patient, "PATIENT");
        }

        /** Joins both and admits the patient; returns their resume tokens. */
        Joined joinBoth(SignalingClient clinicianClient, SignalingClient patientClient) throws Exception {
            clinicianClient.send("{\"type\":\"join\"}");
            String clinicianResume = ofType(clinicianClient, "joined").get("payload").get("resumeToken").asText();
            patientClient.send("{\"type\":\"join\"}");
            String patientResume = ofType(patientClient, "joined").get("payload").get("resumeToken").asText();
            Admission.admit(patientClient, id, patient);
            ofType(clinicianClient, "participant-joined");
            return new Joined(clinicianResume, patientResume);
        }
    }

    private static List<JsonNode> resume(SignalingClient client, long lastSeq) throws Exception {
        client.send("{\"type\":\"resume\",\"payload\":{\"lastSeq\":" + lastSeq + "}}");
        List<JsonNode> frames = new ArrayList<>();
        JsonNode frame;
        do {
            frame = next(client);
            frames.add(frame);
        } while (!"resumed".equals(frame.get("type").asText()));
        return frames;
    }

    private static List<String> candidates(List<JsonNode> frames) {
        return frames.stream().filter(f -> "ice-candidate".equals(f.get("type").asText()))
                .map(f -> f.get("payload").get("candidate").asText()).toList();
    }

    private static void assertConsecutive(List<JsonNode> frames, long after) {
        long expected = after;
        for (JsonNode frame : frames) {
            assertEquals(++expected, frame.get("seq").asLong(), "seq after " + after);
        }
    }

    private static long[] relayLatencies(SignalingClient from, SignalingClient to, Visit visit, int count)
            throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            from.send(relay("end-of-candidates", visit.patient, "{\"n\":" + i + "}"));
            ofType(to, "end-of-candidates");
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String relay(String type, String to, String payload) {
        return "{\"type\":\"" + type + "\",\"to\":\"" + to + "\",\"payload\":" + payload + "}";
    }

    private static List<String> drain(SignalingClient client) throws Exception {
        List<String> types = new ArrayList<>();
        String text;
        while ((text = client.next(Duration.ofMillis(300))) != null) {
            types.add(JSON.readTree(text).get("type").asText());
        }
        return types;
    }

    private static JsonNode next(SignalingClient client) throws Exception {
        String text = client.next(WAIT);
        if (text == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return JSON.readTree(text);
    }

    private static JsonNode ofType(SignalingClient client, String type) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = client.next(Duration.ofMillis(200));
            if (text != null && type.equals(JSON.readTree(text).get("type").asText())) {
                return JSON.readTree(text);
            }
        }
        throw new AssertionError("no " + type + " frame within " + WAIT);
    }
}
