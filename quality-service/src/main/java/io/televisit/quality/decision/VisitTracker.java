package io.televisit.quality.decision;

import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.scoring.Level;
import io.televisit.quality.scoring.SampleScore;
import io.televisit.quality.scoring.SampleScorer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The participants of one visit and the role-aware choice of each sender's profile. In a visit, media a participant
 * sends crosses its own link and the others', so a sender's target follows the worst of all levels; with the same
 * network, the protected sender (the patient: the clinician's view of the patient) keeps a better profile than the
 * others, and when audio suffers every sender gives up video first.
 */
public final class VisitTracker {

    private final UUID visitId;
    private final Map<UUID, ParticipantTracker> participants = new LinkedHashMap<>();

    public VisitTracker(UUID visitId) {
        this.visitId = visitId;
    }

    public UUID visitId() {
        return visitId;
    }

    public Optional<ParticipantTracker> find(UUID participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    public void add(ParticipantTracker participant) {
        participants.put(participant.participantId(), participant);
    }

    public Collection<ParticipantTracker> participants() {
        return participants.values();
    }

    /** A scored sample and the decisions it caused, in order. */
    public record Outcome(SampleScore score, List<Decision> decisions) {
    }

    /** Feeds a new sample of a known participant and steers everyone in the visit. */
    public Outcome accept(QualitySampleReported sample, SampleScorer scorer, DecisionRules rules) {
        ParticipantTracker reporter = participants.get(sample.participantId());
        SampleScore score = reporter.accept(sample, scorer, rules);
        List<Decision> decisions = new ArrayList<>();
        for (ParticipantTracker participant : participants.values()) {
            if (participant.level(rules).isEmpty()) {
                continue;
            }
            Target target = target(participant, rules);
            participant.steerProfile(target.profile(), target.reason(), sample.measuredAt(), rules, decisions::add);
        }
        reporter.steerWarning(sample.measuredAt(), rules, decisions::add);
        reporter.steerFallback(sample.measuredAt(), rules, decisions::add);
        return new Outcome(score, decisions);
    }

    private record Target(Profile profile, String reason) {
    }

    private Target target(ParticipantTracker sender, DecisionRules rules) {
        Level path = Level.GOOD;
        Level audioPath = Level.GOOD;
        ParticipantTracker worst = sender;
        for (ParticipantTracker p : participants.values()) {
            Level level = p.level(rules).orElse(Level.GOOD);
            if (level.ordinal() > path.ordinal()) {
                path = level;
                worst = p;
            }
            audioPath = audioPath.worse(p.audioLevel(rules).orElse(Level.GOOD));
        }
        boolean protectedSender = rules.protectedSenderRole().equals(sender.role());
        if (audioPath == Level.BAD) {
            return new Target(Profile.AUDIO_ONLY, "AUDIO_PROTECTION");
        }
        if (audioPath == Level.POOR) {
            return new Target(protectedSender ? Profile.LOW : Profile.AUDIO_ONLY, "AUDIO_PROTECTION");
        }
        Profile profile = switch (path) {
            case GOOD -> Profile.HIGH;
            case FAIR -> protectedSender ? Profile.HIGH : Profile.MEDIUM;
            case POOR -> protectedSender ? Profile.MEDIUM : Profile.LOW;
            case BAD -> protectedSender ? Profile.LOW : Profile.AUDIO_ONLY;
        };
        String reason = worst.cause(rules).name();
        return new Target(profile, worst == sender ? reason : "PEER_" + reason);
    }
}
