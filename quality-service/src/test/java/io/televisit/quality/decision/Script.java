package io.televisit.quality.decision;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.config.QualitySettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scripted sample streams for decision tests: a participant reports inbound audio and video every 2 s with the
 * network figures of the current phase. Shared by the unit tests and the Kafka/PostgreSQL integration test.
 */
public final class Script {

    public static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    public static QualitySettings defaults() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(QualitySettings.class).build();
        return config.getConfigMapping(QualitySettings.class);
    }

    /** A network condition held for {@code seconds}. */
    public record Phase(int seconds, double lossPct, double jitterMs, double rttMs, long freezesPerSample) {
        public static Phase good(int seconds) {
            return new Phase(seconds, 0, 5, 60, 0);
        }

        public static Phase loss(int seconds, double lossPct) {
            return new Phase(seconds, lossPct, 10, 80, 0);
        }
    }

    /**
     * Samples of one participant through the phases, starting at {@code T0 + offsetMs}: per 2 s one inbound audio and
     * one inbound video sample, with the given candidate type.
     */
    public static List<QualitySampleReported> stream(UUID visit, UUID participant, String role, String candidateType,
                                                     long offsetMs, Phase... phases) {
        List<QualitySampleReported> samples = new ArrayList<>();
        long t = offsetMs;
        long freezes = 0;
        for (Phase phase : phases) {
            for (int s = 0; s < phase.seconds(); s += 2, t += 2000) {
                Instant at = T0.plusMillis(t);
                freezes += phase.freezesPerSample();
                samples.add(new QualitySampleReported(UUID.randomUUID(), visit, participant, role, at, "INBOUND", "AUDIO",
                        phase.lossPct(), phase.jitterMs(), phase.rttMs(), 32.0, null, null, null, null, null,
                        phase.lossPct() / 2, null, candidateType, "UDP"));
                samples.add(new QualitySampleReported(UUID.randomUUID(), visit, participant, role, at.plusMillis(1),
                        "INBOUND", "VIDEO", phase.lossPct(), phase.jitterMs(), phase.rttMs(), 1200.0, 30.0, 720,
                        t / 2000 * 60, 0L, freezes, null, "NONE", candidateType, "UDP"));
            }
        }
        return samples;
    }

    /** Two streams merged by measurement time, as they would arrive. */
    public static List<QualitySampleReported> merge(List<QualitySampleReported> a, List<QualitySampleReported> b) {
        List<QualitySampleReported> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort((x, y) -> x.measuredAt().compareTo(y.measuredAt()));
        return all;
    }

    /** The script of a patient whose network goes good → degrading (3 % loss) → bad (12 %) → recovering. */
    public static List<String> degradingPatientDecisions() {
        return List.of(
                "+24s CLINICIAN PROFILE MEDIUM PEER_PACKET_LOSS",
                "+44s CLINICIAN PROFILE AUDIO_ONLY AUDIO_PROTECTION",
                "+44s PATIENT PROFILE AUDIO_ONLY AUDIO_PROTECTION",
                "+44s PATIENT WARNING CRITICAL PACKET_LOSS",
                "+74s PATIENT PHONE_FALLBACK AUDIO_BAD AUDIO_BAD",
                "+104s PATIENT PROFILE LOW RECOVERED",
                "+104s CLINICIAN PROFILE LOW RECOVERED",
                "+104s PATIENT WARNING CLEARED PACKET_LOSS",
                "+124s PATIENT PROFILE MEDIUM RECOVERED",
                "+124s CLINICIAN PROFILE MEDIUM RECOVERED",
                "+144s PATIENT PROFILE HIGH RECOVERED",
                "+144s CLINICIAN PROFILE HIGH RECOVERED");
    }

    public static List<QualitySampleReported> degradingPatient(UUID visit, UUID clinician, UUID patient) {
        return merge(
                stream(visit, clinician, "CLINICIAN", "HOST", 0, Phase.good(150)),
                stream(visit, patient, "PATIENT", "HOST", 500, Phase.good(20), Phase.loss(20, 3),
                        Phase.loss(40, 12), Phase.good(70)));
    }

    /** A decision in the short form the tests compare: "+40s PATIENT PROFILE AUDIO_ONLY AUDIO_PROTECTION". */
    public static String brief(Decision d) {
        long seconds = (d.at().toEpochMilli() - T0.toEpochMilli()) / 1000;
        return "+" + seconds + "s " + d.role() + " " + d.kind() + " " + d.value() + " " + d.code();
    }

    private Script() {
    }
}
