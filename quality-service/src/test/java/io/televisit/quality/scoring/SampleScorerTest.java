package io.televisit.quality.scoring;

import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.decision.Script;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleScorerTest {

    private final SampleScorer scorer = new SampleScorer(Script.defaults());

    private static QualitySampleReported audio(double loss, Double concealed, double jitter) {
        return new QualitySampleReported(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "PATIENT", Script.T0,
                "INBOUND", "AUDIO", loss, jitter, null, 32.0, null, null, null, null, null, concealed, null, "HOST", "UDP");
    }

    private static QualitySampleReported video(double loss, Integer height, Double fps, String limitation) {
        return new QualitySampleReported(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "PATIENT", Script.T0,
                "OUTBOUND", "VIDEO", loss, 5.0, null, 300.0, fps, height, null, null, null, null, limitation, "HOST",
                "UDP");
    }

    @Test
    void audioFollowsTheEModelWithTheConfiguredOpusValues() {
        SampleScore clean = scorer.score(audio(0, null, 5), 60, 0);
        // Ta = 30 + 10 + 26.5 ms; Ie 2.03: a clean call just under the narrowband maximum.
        double expected = EModel.mos(EModel.rating(66.5, 0, 1, new EModel.Codec(2.03, 15.95), 0));
        assertEquals(expected, clean.audioMos(), 0.001);
        assertEquals(Level.GOOD, clean.level());
        assertEquals(Cause.NONE, clean.cause());
    }

    @Test
    void concealedAudioCountsAsEffectiveLoss() {
        SampleScore lostOnTheWire = scorer.score(audio(8, 0.0, 5), 60, 0);
        SampleScore lateForTheBuffer = scorer.score(audio(0, 8.0, 5), 60, 0);
        assertEquals(lostOnTheWire.audioMos(), lateForTheBuffer.audioMos());
        assertEquals(Level.BAD, lateForTheBuffer.level());
        assertEquals(Cause.PACKET_LOSS, lateForTheBuffer.cause());
    }

    @Test
    void delayDominatedAudioNamesLatencyOrJitter() {
        assertEquals(Cause.HIGH_LATENCY, scorer.score(audio(0, null, 5), 700, 0).cause());
        assertEquals(Cause.JITTER, scorer.score(audio(0, null, 200), 60, 0).cause());
    }

    @Test
    void videoLevelIgnoresTheResolutionTheProfileChose() {
        SampleScore hd = scorer.score(video(0.5, 720, 30.0, "NONE"), 60, 0);
        SampleScore low = scorer.score(video(0.5, 240, 15.0, "NONE"), 60, 0);
        assertEquals(Level.GOOD, hd.level());
        assertEquals(Level.GOOD, low.level());
        assertEquals(5.0, hd.videoScore());
        assertEquals(3.1, low.videoScore(), 1e-9);
    }

    @Test
    void videoLevelIsTheWorstOfLossRoundTripFreezesAndBandwidth() {
        assertEquals(Level.FAIR, scorer.score(video(0, 720, 30.0, "BANDWIDTH"), 60, 0).level());
        assertEquals(Cause.BANDWIDTH_LIMITED, scorer.score(video(0, 720, 30.0, "BANDWIDTH"), 60, 0).cause());
        assertEquals(Level.POOR, scorer.score(video(6, 720, 30.0, "NONE"), 60, 0).level());
        assertEquals(Level.BAD, scorer.score(video(0, 720, 30.0, "NONE"), 1200, 0).level());
        SampleScore frozen = scorer.score(video(0, 720, 30.0, "NONE"), 60, 2);
        assertEquals(Level.POOR, frozen.level());
        assertEquals(Cause.VIDEO_FREEZES, frozen.cause());
        assertEquals(4.0, frozen.videoScore());
        assertNull(scorer.score(video(0, null, null, null), 60, 0).videoScore());
        assertTrue(scorer.score(video(0, 720, 3.0, "NONE"), 60, 0).videoScore() < 3);
    }
}
