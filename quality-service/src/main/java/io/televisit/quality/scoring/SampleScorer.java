package io.televisit.quality.scoring;

import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.config.QualitySettings;
import jakarta.inject.Singleton;

/**
 * Scores one sample. Audio: the E-model with Ta = RTT/2 + jitter buffer + codec delay and the stream's effective
 * loss (the larger of packet loss and concealed audio); the
 * level follows the MOS. Video: the worst of loss, round trip and new freezes gives the level (never the resolution,
 * which the profile itself lowers); the video score (1–5) rates what the viewer saw: resolution, frame rate, freezes.
 */
@Singleton
public class SampleScorer {

    private final QualitySettings.Audio audio;
    private final QualitySettings.Network network;
    private final EModel.Codec opus;

    public SampleScorer(QualitySettings settings) {
        this.audio = settings.audio();
        this.network = settings.network();
        this.opus = new EModel.Codec(audio.codecIe(), audio.codecBpl());
    }

    /**
     * @param rttMs      the round trip to use (the sample's, or the participant's last known one)
     * @param newFreezes freezes since the stream's previous sample
     */
    public SampleScore score(QualitySampleReported sample, double rttMs, long newFreezes) {
        return "AUDIO".equals(sample.kind()) ? audio(sample, rttMs) : video(sample, rttMs, newFreezes);
    }

    private SampleScore audio(QualitySampleReported sample, double rttMs) {
        // Effective loss: packets that came too late for the jitter buffer are concealed, not counted as lost.
        double loss = Math.max(orZero(sample.packetLossPct()), orZero(sample.concealedPct()));
        double jitterDelay = audio.jitterBufferFactor() * orZero(sample.jitterMs());
        double oneWay = rttMs / 2 + jitterDelay + audio.codecDelayMs();
        double mos = EModel.mos(EModel.rating(oneWay, loss, 1, opus, 0));
        Level level = mos >= audio.goodMos() ? Level.GOOD
                : mos >= audio.fairMos() ? Level.FAIR
                : mos >= audio.poorMos() ? Level.POOR : Level.BAD;
        Cause cause = Cause.NONE;
        if (level != Level.GOOD) {
            double lossImpairment = EModel.rating(oneWay, 0, 1, opus, 0) - EModel.rating(oneWay, loss, 1, opus, 0);
            double delayImpairment = EModel.rating(audio.codecDelayMs(), loss, 1, opus, 0)
                    - EModel.rating(oneWay, loss, 1, opus, 0);
            cause = lossImpairment >= delayImpairment ? Cause.PACKET_LOSS
                    : jitterDelay > rttMs / 2 ? Cause.JITTER : Cause.HIGH_LATENCY;
        }
        return new SampleScore(round(mos), null, level, cause);
    }

    private SampleScore video(QualitySampleReported sample, double rttMs, long newFreezes) {
        double loss = orZero(sample.packetLossPct());
        Level byLoss = loss >= network.badLossPct() ? Level.BAD : loss >= network.poorLossPct() ? Level.POOR
                : loss >= network.fairLossPct() ? Level.FAIR : Level.GOOD;
        Level byRtt = rttMs >= network.badRttMs() ? Level.BAD : rttMs >= network.poorRttMs() ? Level.POOR
                : rttMs >= network.fairRttMs() ? Level.FAIR : Level.GOOD;
        Level byFreezes = newFreezes >= network.badFreezes() ? Level.BAD
                : newFreezes >= network.poorFreezes() ? Level.POOR : newFreezes >= 1 ? Level.FAIR : Level.GOOD;
        Level byBandwidth = "BANDWIDTH".equals(sample.qualityLimitationReason()) ? Level.FAIR : Level.GOOD;
        Level level = byLoss.worse(byRtt).worse(byFreezes).worse(byBandwidth);
        Cause cause = level == Level.GOOD ? Cause.NONE
                : byLoss == level ? Cause.PACKET_LOSS
                : byFreezes == level ? Cause.VIDEO_FREEZES
                : byRtt == level ? Cause.HIGH_LATENCY : Cause.BANDWIDTH_LIMITED;
        return new SampleScore(null, videoScore(sample, newFreezes), level, cause);
    }

    /** 1–5: resolution sets the ceiling, low frame rates and freezes take from it. */
    static Double videoScore(QualitySampleReported sample, long newFreezes) {
        Integer height = sample.frameHeight();
        if (height == null || height == 0) {
            return null;
        }
        double score = height >= 720 ? 5.0 : height >= 540 ? 4.6 : height >= 480 ? 4.4 : height >= 360 ? 4.0
                : height >= 240 ? 3.4 : 2.8;
        Double fps = sample.framesPerSecond();
        if (fps != null) {
            score -= fps >= 24 ? 0 : fps >= 15 ? 0.3 : fps >= 10 ? 0.8 : fps >= 5 ? 1.5 : 2.5;
        }
        score -= Math.min(2.0, 0.5 * newFreezes);
        return round(Math.max(1.0, score));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
