package io.televisit.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.quality.PhoneFallbackRecommended;
import io.televisit.events.quality.QualityProfileRecommended;
import io.televisit.events.quality.QualityWarningIssued;
import io.televisit.events.recording.RecordingStarted;
import io.televisit.events.recording.RecordingStopped;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.SignalingClient;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.televisit.signaling.Frames.next;
import static io.televisit.signaling.Frames.nextOfType;
import static io.televisit.signaling.Frames.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Limits on SDP and candidates, ICE-restart coordination, quality reports out and quality decisions back. */
@QuarkusTest
class SessionMessagesTest {

    @Inject
    EventCodec codec;

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void sdpSizeAndCandidateCountAreLimitedPerNegotiation() throws Exception {
        Pair pair = pair();
        try (SignalingClient clinician = pair.clinician; SignalingClient patient = pair.patient) {
            clinician.send("{\"type\":\"offer\",\"requestId\":\"big\",\"to\":\"" + pair.patientId
                    + "\",\"payload\":{\"sdp\":\"" + "a".repeat(32_769) + "\"}}");
            JsonNode tooLarge = next(clinician);
            assertEquals("SDP_TOO_LARGE", tooLarge.get("payload").get("code").asText());
            assertEquals("big", tooLarge.get("requestId").asText());
            clinician.send("{\"type\":\"offer\",\"to\":\"" + pair.patientId + "\",\"payload\":{\"sdp\":\"v=0\"}}");
            assertEquals("offer", type(nextOfType(patient, "offer")));
            for (int i = 1; i <= 100; i++) {
                clinician.send("{\"type\":\"ice-candidate\",\"to\":\"" + pair.patientId
                        + "\",\"payload\":{\"candidate\":\"candidate:" + i + "\"}}");
            }
            clinician.send("{\"type\":\"ice-candidate\",\"requestId\":\"101\",\"to\":\"" + pair.patientId
                    + "\",\"payload\":{\"candidate\":\"candidate:101\"}}");
            JsonNode tooMany = next(clinician);
            assertEquals("TOO_MANY_CANDIDATES", tooMany.get("payload").get("code").asText());
            assertEquals("101", tooMany.get("requestId").asText());
            int relayed = 0;
            while (patient.next(Duration.ofMillis(300)) != null) {
                relayed++;
            }
            assertEquals(100, relayed, "the first hundred went through");
            clinician.send("{\"type\":\"offer\",\"to\":\"" + pair.patientId + "\",\"payload\":{\"sdp\":\"v=0 again\"}}");
            clinician.send("{\"type\":\"ice-candidate\",\"to\":\"" + pair.patientId
                    + "\",\"payload\":{\"candidate\":\"candidate:new\"}}");
            nextOfType(patient, "offer");
            assertEquals("candidate:new", nextOfType(patient, "ice-candidate").get("payload").get("candidate").asText(),
                    "a new offer starts a new budget");
            clinician.send("{\"type\":\"ice-candidate\",\"to\":\"" + pair.patientId + "\",\"payload\":{\"candidate\":\""
                    + "c".repeat(1025) + "\"}}");
            assertEquals("INVALID_PAYLOAD", next(clinician).get("payload").get("code").asText());
            clinician.send("{\"type\":\"media-state\",\"payload\":{\"audio\":\"loud\"}}");
            assertEquals("INVALID_PAYLOAD", next(clinician).get("payload").get("code").asText());
        }
    }

    @Test
    void anIceRestartRequestGoesToTheClinicianWhoMakesTheOffers() throws Exception {
        Pair pair = pair();
        try (SignalingClient clinician = pair.clinician; SignalingClient patient = pair.patient) {
            patient.send("{\"type\":\"ice-restart\",\"payload\":{\"reason\":\"ICE_FAILED\"}}");
            JsonNode restart = nextOfType(clinician, "ice-restart");
            assertEquals(pair.patientId, restart.get("payload").get("requestedBy").asText());
            assertNull(patient.next(Duration.ofMillis(300)), "the patient waits for the clinician's new offer");
            clinician.send("{\"type\":\"ice-restart\"}");
            assertEquals(pair.clinicianId, nextOfType(clinician, "ice-restart").get("payload").get("requestedBy").asText(),
                    "a clinician's own request comes back to it as the go-ahead");
        }
    }

    @Test
    void qualityReportsGoToKafkaAndDecisionsComeBack() throws Exception {
        Pair pair = pair();
        try (SignalingClient clinician = pair.clinician; SignalingClient patient = pair.patient;
             KafkaProbe samples = new KafkaProbe(Topic.QUALITY_SAMPLES.topicName());
             KafkaSender kafka = new KafkaSender()) {
            patient.send("{\"type\":\"quality-report\",\"requestId\":\"q0\",\"payload\":{\"streams\":[{\"direction\":"
                    + "\"inbound\",\"kind\":\"audio\",\"packetLossPct\":140}]}}");
            assertEquals("INVALID_PAYLOAD", next(patient).get("payload").get("code").asText());
            patient.send("{\"type\":\"quality-report\",\"payload\":{\"rttMs\":180.5,\"candidateType\":\"relay\","
                    + "\"protocol\":\"udp\",\"streams\":[{\"direction\":\"inbound\",\"kind\":\"audio\","
                    + "\"packetLossPct\":3.5,\"jitterMs\":22,\"concealedPct\":1.2},{\"direction\":\"outbound\","
                    + "\"kind\":\"video\",\"bitrateKbps\":850,\"framesPerSecond\":24,\"frameHeight\":480,"
                    + "\"qualityLimitationReason\":\"bandwidth\"}]}}");
            List<CloudEvent> published = samples.await(r -> pair.visit.equals(r.key()), 2, Duration.ofSeconds(20))
                    .stream().map(r -> codec.decode(r.value())).toList();
            assertEquals(EventType.QUALITY_SAMPLE_REPORTED.type(), published.get(0).type());
            JsonNode audio = published.get(0).data();
            assertEquals(pair.patientId, audio.get("participantId").asText());
            assertEquals("INBOUND", audio.get("direction").asText());
            assertEquals(3.5, audio.get("packetLossPct").asDouble());
            assertEquals(180.5, audio.get("rttMs").asDouble());
            assertEquals("RELAY", audio.get("candidateType").asText());
            assertEquals("BANDWIDTH", published.get(1).data().get("qualityLimitationReason").asText());

            UUID visit = UUID.fromString(pair.visit);
            UUID patientId = UUID.fromString(pair.patientId);
            String warning = codec.encode(codec.create(EventType.QUALITY_WARNING_ISSUED, pair.visit,
                    new QualityWarningIssued(visit, patientId, Instant.now(), "WARNING", "HIGH_PACKET_LOSS"),
                    "quality-service"));
            JsonNode pushed = Frames.publishUntil(patient, "quality-warning", Topic.QUALITY_DECISIONS, pair.visit,
                    warning);
            assertEquals("quality-warning", type(pushed));
            assertEquals("HIGH_PACKET_LOSS", pushed.get("payload").get("code").asText());
            assertEquals(pair.patientId, pushed.get("payload").get("participantId").asText());
            // The clinician is told too, about the patient's connection.
            JsonNode told = nextOfType(clinician, "quality-warning");
            assertEquals(pair.patientId, told.get("payload").get("participantId").asText());
            kafka.send(Topic.QUALITY_DECISIONS.topicName(), pair.visit, codec.encode(codec.create(
                    EventType.QUALITY_PROFILE_RECOMMENDED, pair.visit, new QualityProfileRecommended(visit, patientId,
                            Instant.now(), "AUDIO_ONLY", "SUSTAINED_LOSS", 64L), "quality-service")));
            JsonNode profile = nextOfType(patient, "profile-recommendation");
            assertEquals("AUDIO_ONLY", profile.get("payload").get("profile").asText());
            assertEquals(64, profile.get("payload").get("maxBitrateKbps").asInt());
            kafka.send(Topic.QUALITY_DECISIONS.topicName(), pair.visit, codec.encode(codec.create(
                    EventType.PHONE_FALLBACK_RECOMMENDED, pair.visit, new PhoneFallbackRecommended(visit, patientId,
                            "PATIENT", Instant.now(), "AUDIO_BAD", 2.1), "quality-service")));
            assertEquals("AUDIO_BAD", nextOfType(patient, "phone-fallback").get("payload").get("reasonCode").asText());
            // publishUntil may have sent the warning more than once: only further warnings may reach the clinician.
            for (String frame = clinician.next(Duration.ofMillis(300)); frame != null;
                 frame = clinician.next(Duration.ofMillis(300))) {
                assertEquals("quality-warning", type(new com.fasterxml.jackson.databind.ObjectMapper().readTree(frame)),
                        "profiles and fallbacks go only to the participant concerned");
            }
        }
    }

    @Test
    void whenTheLastClinicianLeavesThePatientWaitsAgain() throws Exception {
        Pair pair = pair();
        try (SignalingClient clinician = pair.clinician; SignalingClient patient = pair.patient) {
            clinician.send("{\"type\":\"leave\"}");
            assertEquals(1000, clinician.awaitClose(Duration.ofSeconds(5)));
            JsonNode left = nextOfType(patient, "participant-left");
            assertEquals(pair.clinicianId, left.get("payload").get("participantId").asText());
            assertEquals("CLINICIAN_LEFT", nextOfType(patient, "waiting").get("payload").get("reason").asText());
        }
    }

    @Test
    void everyoneInTheVisitSeesThatARecordingStartsAndStops() throws Exception {
        Pair pair = pair();
        try (SignalingClient clinician = pair.clinician; SignalingClient patient = pair.patient;
             KafkaSender kafka = new KafkaSender()) {
            UUID visit = UUID.fromString(pair.visit);
            UUID recording = UUID.randomUUID();
            String started = codec.encode(codec.create(EventType.RECORDING_STARTED, pair.visit,
                    new RecordingStarted(visit, recording, Instant.now()), "recording-service"));
            JsonNode patientSees = Frames.publishUntil(patient, "recording-started", Topic.RECORDINGS, pair.visit,
                    started);
            assertEquals(recording.toString(), patientSees.get("payload").get("recordingId").asText());
            assertEquals(recording.toString(),
                    nextOfType(clinician, "recording-started").get("payload").get("recordingId").asText());
            kafka.send(Topic.RECORDINGS.topicName(), pair.visit, codec.encode(codec.create(
                    EventType.RECORDING_STOPPED, pair.visit, new RecordingStopped(visit, recording, Instant.now(),
                            "CONSENT_WITHDRAWN"), "recording-service")));
            assertEquals("CONSENT_WITHDRAWN",
                    nextOfType(patient, "recording-stopped").get("payload").get("reason").asText());
            assertEquals("CONSENT_WITHDRAWN",
                    nextOfType(clinician, "recording-stopped").get("payload").get("reason").asText());
        }
    }

    private record Pair(String visit, String clinicianId, String patientId, SignalingClient clinician,
                        SignalingClient patient) {
    }

    /** A clinician and an admitted patient, joined, with their join frames read. */
    private Pair pair() throws Exception {
        String visit = UUID.randomUUID().toString();
        String clinicianId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        SignalingClient clinician = SignalingClient.connect(ws(), TestTokens.visit(visit, clinicianId, "CLINICIAN"));
        SignalingClient patient = SignalingClient.connect(ws(), TestTokens.visit(visit, patientId, "PATIENT"));
        clinician.send("{\"type\":\"join\"}");
        next(clinician);
        patient.send("{\"type\":\"join\"}");
        Frames.admit(codec, patient, visit, patientId);
        nextOfType(clinician, "participant-joined");
        while (clinician.next(Duration.ofMillis(200)) != null) {
            continue;
        }
        return new Pair(visit, clinicianId, patientId, clinician, patient);
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }
}
