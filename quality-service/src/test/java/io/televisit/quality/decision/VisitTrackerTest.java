package io.televisit.quality.decision;

import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.config.QualitySettings;
import io.televisit.quality.decision.Script.Phase;
import io.televisit.quality.scoring.SampleScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scripted streams through the trackers alone (the same scripts run through Kafka and PostgreSQL in QualityPipelineTest). */
class VisitTrackerTest {

    private final QualitySettings settings = Script.defaults();
    private final SampleScorer scorer = new SampleScorer(settings);
    private final DecisionRules rules = DecisionRules.of(settings);
    private final UUID visit = UUID.randomUUID();
    private final UUID clinician = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();

    private List<String> run(List<QualitySampleReported> samples) {
        VisitTracker tracker = new VisitTracker(visit);
        List<String> out = new ArrayList<>();
        for (QualitySampleReported sample : samples) {
            if (tracker.find(sample.participantId()).isEmpty()) {
                tracker.add(new ParticipantTracker(visit, sample.participantId(), sample.role(), HysteresisState.INITIAL));
            }
            if (tracker.find(sample.participantId()).orElseThrow().isNew(sample)) {
                tracker.accept(sample, scorer, rules).decisions().forEach(d -> out.add(Script.brief(d)));
            }
        }
        return out;
    }

    @Test
    void downFastUpSlowlyAudioFirstAndTheClinicianViewOfThePatientLast() {
        // 3 % loss on the patient's side: only the clinician's outgoing video steps down (the patient's view of the
        // clinician); 12 %: audio suffers, both go audio-only, the patient is warned and, 30 s on, offered the phone;
        // recovery: one step per 20 s.
        assertEquals(Script.degradingPatientDecisions(), run(Script.degradingPatient(visit, clinician, patient)));
    }

    @Test
    void aSingleBadSampleChangesNothing() {
        List<QualitySampleReported> samples = Script.merge(
                Script.stream(visit, clinician, "CLINICIAN", "HOST", 0, Phase.good(60)),
                Script.stream(visit, patient, "PATIENT", "HOST", 500, Phase.good(20), Phase.loss(2, 30),
                        Phase.good(38)));
        assertEquals(List.of(), run(samples));
    }

    @Test
    void oneBadSampleInThreeNeverFlaps() {
        List<QualitySampleReported> samples = Script.merge(
                Script.stream(visit, clinician, "CLINICIAN", "HOST", 0, Phase.good(120)),
                Script.stream(visit, patient, "PATIENT", "HOST", 500, Phase.good(10),
                        Phase.loss(2, 15), Phase.good(4), Phase.loss(2, 15), Phase.good(4), Phase.loss(2, 15),
                        Phase.good(4), Phase.loss(2, 15), Phase.good(4), Phase.loss(2, 15), Phase.good(4),
                        Phase.loss(2, 15), Phase.good(4), Phase.loss(2, 15), Phase.good(4), Phase.good(60)));
        assertEquals(List.of(), run(samples));
    }

    @Test
    void aRelayOnlyPatientOnAGoodRelayIsNotPenalised() {
        Phase relay = new Phase(90, 0.3, 8, 140, 0);
        List<QualitySampleReported> samples = Script.merge(
                Script.stream(visit, clinician, "CLINICIAN", "HOST", 0, Phase.good(90)),
                Script.stream(visit, patient, "PATIENT", "RELAY", 500, relay));
        assertEquals(List.of(), run(samples));
    }

    @Test
    void duplicateAndLateSamplesDoNotChangeTheResult() {
        List<QualitySampleReported> samples = new ArrayList<>(Script.degradingPatient(visit, clinician, patient));
        List<QualitySampleReported> disturbed = new ArrayList<>(samples);
        // The same sample delivered again, and an old good sample arriving in the middle of the bad phase.
        disturbed.add(60, samples.get(59));
        QualitySampleReported old = samples.get(10);
        disturbed.add(120, new QualitySampleReported(UUID.randomUUID(), old.visitId(), old.participantId(), old.role(),
                old.measuredAt(), old.direction(), old.kind(), 0.0, 1.0, 20.0, old.bitrateKbps(), old.framesPerSecond(),
                old.frameHeight(), old.framesDecoded(), old.framesDropped(), old.freezeCount(), 0.0,
                old.qualityLimitationReason(), old.candidateType(), old.protocol()));
        assertEquals(Script.degradingPatientDecisions(), run(disturbed));
    }
}
