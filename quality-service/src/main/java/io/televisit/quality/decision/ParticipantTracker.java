package io.televisit.quality.decision;

import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.scoring.Cause;
import io.televisit.quality.scoring.Level;
import io.televisit.quality.scoring.SampleScore;
import io.televisit.quality.scoring.SampleScorer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One participant's windows and hysteresis. Its level is the worst of its streams' levels (each the median of its
 * window); profile and warning go down at once and come back up only after {@link DecisionRules#upgradeHold()}.
 */
public final class ParticipantTracker {

    private final UUID visitId;
    private final UUID participantId;
    private final String role;
    private final Map<StreamKey, StreamWindow> streams = new HashMap<>();
    private HysteresisState state;
    private Double lastRttMs;
    private Double lastAudioMos;

    public ParticipantTracker(UUID visitId, UUID participantId, String role, HysteresisState state) {
        this.visitId = visitId;
        this.participantId = participantId;
        this.role = role;
        this.state = state;
    }

    public UUID participantId() {
        return participantId;
    }

    public String role() {
        return role;
    }

    public HysteresisState state() {
        return state;
    }

    /** False if the sample is not newer than its stream's last one (late, or a repeat under a new id). */
    public boolean isNew(QualitySampleReported sample) {
        StreamWindow window = streams.get(new StreamKey(sample.direction(), sample.kind()));
        return window == null || window.isNew(sample.measuredAt());
    }

    /** Scores a new sample and adds it to its stream's window. */
    public SampleScore accept(QualitySampleReported sample, SampleScorer scorer, DecisionRules rules) {
        StreamWindow window = windowOf(sample);
        SampleScore score = scorer.score(sample, lastRttMs == null ? 0 : lastRttMs,
                window.newFreezes(sample.freezeCount()));
        window.add(sample.measuredAt(), score.level(), score.cause(), rules.window());
        if (score.audioMos() != null) {
            lastAudioMos = score.audioMos();
        }
        return score;
    }

    /** Replays a stored sample into the windows (state rebuilt on another instance), without decisions. */
    public void replay(QualitySampleReported sample, Level level, Cause cause, DecisionRules rules) {
        StreamWindow window = windowOf(sample);
        window.newFreezes(sample.freezeCount());
        window.add(sample.measuredAt(), level, cause, rules.window());
    }

    /** The sample's stream window; also remembers the participant's last known round trip. */
    private StreamWindow windowOf(QualitySampleReported sample) {
        if (sample.rttMs() != null) {
            lastRttMs = sample.rttMs();
        }
        return streams.computeIfAbsent(new StreamKey(sample.direction(), sample.kind()), key -> new StreamWindow());
    }

    /** The worst of the levels of its streams that have enough samples; empty before any has. */
    public Optional<Level> level(DecisionRules rules) {
        return worst(rules, false);
    }

    public Optional<Level> audioLevel(DecisionRules rules) {
        return worst(rules, true);
    }

    /** The dominant cause behind its current level. */
    public Cause cause(DecisionRules rules) {
        Level level = level(rules).orElse(Level.GOOD);
        return streams.entrySet().stream()
                .filter(e -> e.getValue().level(rules.minSamples()).orElse(Level.GOOD) == level)
                .map(e -> e.getValue().cause(level)).filter(c -> c != Cause.NONE).findFirst().orElse(Cause.NONE);
    }

    private Optional<Level> worst(DecisionRules rules, boolean audioOnly) {
        return streams.entrySet().stream().filter(e -> !audioOnly || e.getKey().audio())
                .map(e -> e.getValue().level(rules.minSamples())).flatMap(Optional::stream)
                .reduce(Level::worse);
    }

    /** Moves the profile toward {@code target}: down at once, up one step after the hold. */
    void steerProfile(Profile target, String reason, Instant at, DecisionRules rules, Consumer<Decision> out) {
        Profile current = state.profile();
        if (target.worseThan(current)) {
            update(target, null);
            out.accept(decision(Decision.Kind.PROFILE, at, target.name(), reason, null));
        } else if (current.worseThan(target)) {
            if (state.upgradeSince() == null) {
                update(current, at);
            } else if (held(state.upgradeSince(), at, rules.upgradeHold())) {
                Profile better = current.oneBetter();
                update(better, better.worseThan(target) ? at : null);
                out.accept(decision(Decision.Kind.PROFILE, at, better.name(), "RECOVERED", null));
            }
        } else if (state.upgradeSince() != null) {
            update(current, null);
        }
    }

    /** Warns about its own connection: raised at once, lowered or cleared after the hold. */
    void steerWarning(Instant at, DecisionRules rules, Consumer<Decision> out) {
        Level level = level(rules).orElse(null);
        if (level == null) {
            return;
        }
        WarningLevel wanted = level == Level.BAD ? WarningLevel.CRITICAL
                : level == Level.POOR ? WarningLevel.WARNING : WarningLevel.NONE;
        WarningLevel current = state.warning();
        if (wanted.ordinal() > current.ordinal()) {
            String code = cause(rules).name();
            state = state.withWarning(wanted, code, null);
            out.accept(decision(Decision.Kind.WARNING, at, wanted.name(), code, null));
        } else if (wanted.ordinal() < current.ordinal()) {
            if (state.calmSince() == null) {
                state = state.withWarning(current, state.warningCode(), at);
            } else if (held(state.calmSince(), at, rules.upgradeHold())) {
                String code = state.warningCode();
                boolean cleared = wanted == WarningLevel.NONE;
                state = state.withWarning(wanted, cleared ? null : code, cleared ? null : at);
                out.accept(decision(Decision.Kind.WARNING, at, cleared ? "CLEARED" : wanted.name(), code, null));
            }
        } else if (state.calmSince() != null) {
            state = state.withWarning(current, state.warningCode(), null);
        }
    }

    /** Audio BAD without a break for the configured time: once per participant, recommend the phone. */
    void steerFallback(Instant at, DecisionRules rules, Consumer<Decision> out) {
        if (state.fallbackAt() != null) {
            return;
        }
        boolean bad = audioLevel(rules).orElse(Level.GOOD) == Level.BAD;
        Instant since = bad ? (state.audioBadSince() == null ? at : state.audioBadSince()) : null;
        if (since != null && held(since, at, rules.audioBadFor())) {
            state = state.withAudioBad(since, at);
            out.accept(decision(Decision.Kind.PHONE_FALLBACK, at, "AUDIO_BAD", "AUDIO_BAD", lastAudioMos));
        } else if (!Objects.equals(since, state.audioBadSince())) {
            state = state.withAudioBad(since, state.fallbackAt());
        }
    }

    /** A phone fallback decided elsewhere (repeated media failures) counts as this participant's one. */
    private void update(Profile profile, Instant upgradeSince) {
        state = state.withProfile(profile, upgradeSince);
    }

    private static boolean held(Instant since, Instant now, Duration hold) {
        return !now.isBefore(since.plus(hold));
    }

    private Decision decision(Decision.Kind kind, Instant at, String value, String code, Double audioMos) {
        return new Decision(kind, visitId, participantId, role, at, value, code, audioMos);
    }
}
