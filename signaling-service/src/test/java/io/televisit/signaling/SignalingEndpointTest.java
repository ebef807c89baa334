package io.televisit.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.televisit.events.EventCodec;
import io.televisit.events.Topic;
import io.televisit.events.EventType;
import io.televisit.events.visit.VisitEnded;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signaling WebSocket with real clients: authentication at the upgrade, join, targeted relay, error frames. */
@QuarkusTest
class SignalingEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    EventCodec codec;

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void badTokensAreRefusedBeforeAnySessionExists() {
        String visit = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", "");
        bad.put("alg=none", TestTokens.unsigned("patient"));
        bad.put("wrong key", TestTokens.visitSignedWithWrongKey(visit, participant, "PATIENT"));
        bad.put("expired", TestTokens.expiredVisit(visit, participant, "PATIENT"));
        bad.put("user token (wrong audience)", TestTokens.patient(participant));
        bad.put("garbage", "not.a.jwt");
        bad.forEach((what, token) -> assertEquals(401, refusedStatus(ws(), token), what));
        URI withQuery = URI.create(ws() + "?access_token=" + TestTokens.visit(visit, participant, "PATIENT"));
        assertEquals(400, refusedStatus(withQuery, TestTokens.visit(visit, participant, "PATIENT")), "token in the URL");
        URI anotherVisit = URI.create(ws() + "?visitId=" + UUID.randomUUID());
        assertEquals(403, refusedStatus(anotherVisit, TestTokens.visit(visit, participant, "PATIENT")),
                "a token of another visit than the one named");
        String good = TestTokens.visit(visit, participant, "PATIENT");
        CompletionException foreign = assertThrows(CompletionException.class,
                () -> SignalingClient.connectFrom(ws(), good, "https://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) foreign.getCause()).getResponse().statusCode(),
                "a browser origin not on the allow-list");
        try (SignalingClient allowed = SignalingClient.connectFrom(ws(), good, "http://localhost:28080")) {
            assertEquals("televisit.v1", allowed.subprotocol());
        }
    }

    @Test
    void twoParticipantsJoinAndRelayOnlyToEachOtherInTheirVisit() throws Exception {
        String visit = UUID.randomUUID().toString();
        String clinicianId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        try (KafkaProbe presence = new KafkaProbe(Topic.PRESENCE.topicName());
             SignalingClient clinician = SignalingClient.connect(ws(), TestTokens.visit(visit, clinicianId, "CLINICIAN"));
             SignalingClient patient = SignalingClient.connect(ws(), TestTokens.visit(visit, patientId, "PATIENT"));
             SignalingClient stranger = SignalingClient.connect(ws(),
                     TestTokens.visit(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "PATIENT"))) {
            assertEquals("televisit.v1", clinician.subprotocol());
            clinician.send("{\"type\":\"join\",\"requestId\":\"r1\"}");
            JsonNode joined = frame(clinician);
            assertEquals("joined", joined.get("type").asText());
            assertEquals("r1", joined.get("requestId").asText());
            assertEquals(clinicianId, joined.get("payload").get("participantId").asText());
            assertEquals(0, joined.get("payload").get("participants").size());

            JsonNode ice = joined.get("payload").get("ice");
            assertEquals("all", ice.get("iceTransportPolicy").asText());
            assertEquals("local-a", ice.get("iceServers").get(0).get("region").asText(), "configured order by default");
            JsonNode turn = ice.get("iceServers").get(0);
            assertTrue(turn.get("username").asText().endsWith(":" + clinicianId), "TURN username names the participant");
            long expiry = Long.parseLong(turn.get("username").asText().split(":")[0]);
            long now = java.time.Instant.now().getEpochSecond();
            assertTrue(expiry > now && expiry <= now + 3600, "credential lives at most an hour");

            patient.send("{\"type\":\"join\",\"requestId\":\"r2\",\"payload\":{\"regionHint\":\"local-b\"}}");
            JsonNode patientJoined = frame(patient);
            assertEquals("WAITING", patientJoined.get("payload").get("admission").asText());
            assertEquals("waiting", frame(patient).get("type").asText());
            assertEquals(1, patientJoined.get("payload").get("participants").size());
            assertEquals("local-b", patientJoined.get("payload").get("ice").get("iceServers").get(0).get("region").asText(),
                    "the region hint comes first, the others stay as fallback");
            assertEquals(2, patientJoined.get("payload").get("ice").get("iceServers").size());
            JsonNode arrived = frame(clinician);
            assertEquals("participant-joined", arrived.get("type").asText());
            assertEquals(patientId, arrived.get("from").asText());

            clinician.send("{\"type\":\"offer\",\"requestId\":\"early\",\"to\":\"" + patientId
                    + "\",\"payload\":{\"sdp\":\"v=0...\"}}");
            assertEquals("NOT_ADMITTED", frame(clinician).get("payload").get("code").asText(), "waiting room");
            patient.send("{\"type\":\"offer\",\"requestId\":\"p0\",\"to\":\"" + clinicianId
                    + "\",\"payload\":{\"sdp\":\"v=0...\"}}");
            assertEquals("NOT_ADMITTED", frame(patient).get("payload").get("code").asText());
            Frames.admit(codec, patient, visit, patientId);

            clinician.send("{\"type\":\"offer\",\"requestId\":\"r3\",\"to\":\"" + patientId
                    + "\",\"payload\":{\"sdp\":\"v=0...\"}}");
            JsonNode offer = frame(patient);
            assertEquals("offer", offer.get("type").asText());
            assertEquals(clinicianId, offer.get("from").asText());
            assertEquals("v=0...", offer.get("payload").get("sdp").asText());

            stranger.send("{\"type\":\"join\",\"requestId\":\"s1\"}");
            frame(stranger);
            Frames.nextOfType(stranger, "waiting");
            stranger.send("{\"type\":\"end-of-candidates\",\"requestId\":\"s2\",\"to\":\"" + patientId + "\"}");
            JsonNode refused = frame(stranger);
            assertEquals("error", refused.get("type").asText());
            assertEquals("s2", refused.get("requestId").asText());
            assertEquals("NOT_ADMITTED", refused.get("payload").get("code").asText(), "a stranger is not admitted");
            assertNull(patient.next(Duration.ofMillis(500)), "nothing crosses visits");

            long before = offer.get("seq").asLong();
            clinician.send("{\"type\":\"ice-candidate\",\"to\":\"" + patientId + "\",\"payload\":{\"candidate\":\"c\"}}");
            assertEquals(before + 1, frame(patient).get("seq").asLong(), "per-connection sequence numbers");

            patient.send("{\"type\":\"leave\"}");
            JsonNode left = frame(clinician);
            assertEquals("participant-left", left.get("type").asText());
            assertEquals(1000, patient.awaitClose(WAIT));

            List<String> events = presence.await(r -> visit.equals(r.key()), 3, Duration.ofSeconds(20)).stream()
                    .map(r -> codec.decode(r.value())).map(e -> e.type() + " " + e.data().get("participantId").asText())
                    .toList();
            assertEquals(List.of("io.televisit.presence.participant-connected.v1 " + clinicianId,
                    "io.televisit.presence.participant-connected.v1 " + patientId,
                    "io.televisit.presence.participant-left.v1 " + patientId), events);
        }
    }

    @Test
    void badFramesGetErrorFramesAndOversizedOnesClose1009() throws Exception {
        String visit = UUID.randomUUID().toString();
        try (SignalingClient client = SignalingClient.connect(ws(),
                TestTokens.visit(visit, UUID.randomUUID().toString(), "PATIENT"))) {
            client.send("{not json");
            assertEquals("MALFORMED_MESSAGE", frame(client).get("payload").get("code").asText());
            client.send("{\"type\":\"offer\",\"requestId\":\"a\",\"to\":\"x\"}");
            assertEquals("NOT_JOINED", frame(client).get("payload").get("code").asText());
            client.send("{\"type\":\"join\"}");
            frame(client);
            frame(client);
            client.send("{\"type\":\"teleport\",\"requestId\":\"b\"}");
            JsonNode unknown = frame(client);
            assertEquals("UNKNOWN_TYPE", unknown.get("payload").get("code").asText());
            assertEquals("b", unknown.get("requestId").asText());
            client.send("{\"type\":\"offer\",\"requestId\":\"c\"}");
            assertEquals("INVALID_PAYLOAD", frame(client).get("payload").get("code").asText());
            client.send("{\"type\":\"offer\",\"requestId\":\"c\",\"payload\":{\"sdp\":\"v=0\"}}");
            assertEquals("MISSING_TARGET", frame(client).get("payload").get("code").asText());
            client.send("{\"type\":\"ping\",\"requestId\":\"p\"}");
            assertEquals("pong", frame(client).get("type").asText());
            client.send("{\"type\":\"ice-candidate\",\"payload\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, client.awaitClose(WAIT));
        }
    }

    @Test
    void aConnectionThatNeverJoinsIsClosedAfterTheJoinTimeout() {
        String visit = UUID.randomUUID().toString();
        try (SignalingClient idle = SignalingClient.connect(ws(),
                TestTokens.visit(visit, UUID.randomUUID().toString(), "PATIENT"))) {
            assertEquals(4004, idle.awaitClose(Duration.ofSeconds(15)), "join timeout (3 s in tests)");
        }
    }

    @Test
    void aFloodingConnectionIsWarnedThenClosed1008WhileOthersStayFast() throws Exception {
        String visit = UUID.randomUUID().toString();
        try (SignalingClient flooder = SignalingClient.connect(ws(),
                TestTokens.visit(visit, UUID.randomUUID().toString(), "PATIENT"));
             SignalingClient calm = SignalingClient.connect(ws(),
                     TestTokens.visit(visit, UUID.randomUUID().toString(), "CLINICIAN"))) {
            try {
                for (int i = 0; i < 400 && flooder.awaitClose(Duration.ZERO) == null; i++) {
                    flooder.send("{\"type\":\"ping\",\"requestId\":\"" + i + "\"}");
                }
            } catch (java.util.concurrent.CompletionException closedWhileSending) {
                // The server closed the connection mid-flood: that is the point.
            }
            assertEquals(1008, flooder.awaitClose(WAIT), "closed for policy violation");
            boolean warned = false;
            String text;
            while ((text = flooder.next(Duration.ofMillis(200))) != null) {
                warned |= text.contains("RATE_LIMITED");
            }
            assertTrue(warned, "an error frame came before the close");
            long start = System.nanoTime();
            calm.send("{\"type\":\"ping\",\"requestId\":\"calm\"}");
            assertEquals("pong", frame(calm).get("type").asText());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "the other connection is unaffected");
        }
    }

    @Test
    void whenCallServiceEndsTheVisitItsConnectionsAreToldWhyAndClosed() throws Exception {
        UUID visit = UUID.randomUUID();
        try (SignalingClient a = SignalingClient.connect(ws(), TestTokens.visit(visit.toString(),
                UUID.randomUUID().toString(), "CLINICIAN"));
             SignalingClient b = SignalingClient.connect(ws(), TestTokens.visit(visit.toString(),
                     UUID.randomUUID().toString(), "PATIENT"));
             KafkaSender kafka = new KafkaSender()) {
            a.send("{\"type\":\"join\"}");
            frame(a);
            b.send("{\"type\":\"join\"}");
            frame(b);
            frame(b);
            assertEquals("participant-joined", frame(a).get("type").asText());
            String ended = codec.encode(codec.create(EventType.VISIT_ENDED, visit.toString(),
                    new VisitEnded(visit, Instant.now(), 60, "COMPLETED"), "call-service"));
            // The per-instance consumer group starts at the latest offset once assigned: resend until it is.
            JsonNode notice = null;
            for (int i = 0; i < 30 && notice == null; i++) {
                kafka.send(Topic.VISITS.topicName(), visit.toString(), ended);
                String text = b.next(Duration.ofMillis(500));
                notice = text == null ? null : json.readTree(text);
            }
            assertEquals("visit-ended", notice.get("type").asText());
            assertEquals("VISIT_ENDED", notice.get("payload").get("reason").asText());
            assertEquals(1000, b.awaitClose(WAIT));
            assertEquals(1000, a.awaitClose(WAIT));
        }
    }

    private JsonNode frame(SignalingClient client) throws Exception {
        String text = client.next(WAIT);
        if (text == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return json.readTree(text);
    }

    private static int refusedStatus(URI uri, String token) {
        CompletionException failure = assertThrows(CompletionException.class, () -> SignalingClient.connect(uri, token));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
        return handshake.getResponse().statusCode();
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }
}
