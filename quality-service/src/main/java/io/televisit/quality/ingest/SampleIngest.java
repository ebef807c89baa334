package io.televisit.quality.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.televisit.events.outbox.Outbox;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.quality.config.QualitySettings;
import io.televisit.quality.decision.Decision;
import io.televisit.quality.decision.DecisionRules;
import io.televisit.quality.decision.HysteresisState;
import io.televisit.quality.decision.ParticipantTracker;
import io.televisit.quality.decision.VisitTracker;
import io.televisit.quality.repository.DecisionRows;
import io.televisit.quality.repository.SampleRows;
import io.televisit.quality.repository.TrackerRows;
import io.televisit.quality.scoring.SampleScorer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One batch of samples in one transaction: the samples are stored with their scores, the trackers decide, and the
 * decisions, their outbox events and the changed hysteresis commit together. A redelivered batch finds its samples
 * already stored (and, after a restart, already in the rebuilt windows), so it decides nothing twice.
 */
@Singleton
public class SampleIngest {

    private final Pool pool;
    private final TrackerCache cache;
    private final SampleRows samples;
    private final TrackerRows trackers;
    private final DecisionRows decisions;
    private final DecisionEvents events;
    private final Outbox outbox;
    private final SampleScorer scorer;
    private final DecisionRules rules;
    private final Counter scored;
    private final Counter late;
    private final Counter duplicate;
    private final MeterRegistry registry;

    public SampleIngest(Pool pool, TrackerCache cache, SampleRows samples, TrackerRows trackers,
                        DecisionRows decisions, DecisionEvents events, Outbox outbox, SampleScorer scorer,
                        QualitySettings settings, MeterRegistry registry) {
        this.pool = pool;
        this.cache = cache;
        this.samples = samples;
        this.trackers = trackers;
        this.decisions = decisions;
        this.events = events;
        this.outbox = outbox;
        this.scorer = scorer;
        this.rules = DecisionRules.of(settings);
        this.registry = registry;
        this.scored = counter(registry, "scored");
        this.late = counter(registry, "late");
        this.duplicate = counter(registry, "duplicate");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("televisit.quality.samples").description("Quality samples consumed, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    public Uni<Void> ingest(List<QualitySampleReported> batch) {
        Set<UUID> visits = new LinkedHashSet<>();
        batch.forEach(sample -> visits.add(sample.visitId()));
        return pool.withTransaction(tx -> load(tx, visits).chain(() -> apply(tx, batch)))
                .onFailure().invoke(() -> visits.forEach(cache::evict));
    }

    private Uni<Void> apply(SqlConnection tx, List<QualitySampleReported> batch) {
        List<SampleRows.Scored> rows = new ArrayList<>(batch.size());
        List<DecisionRows.Identified> made = new ArrayList<>();
        Map<UUID, TrackerRows.Change> changed = new LinkedHashMap<>();
        int lateCount = 0;
        for (QualitySampleReported sample : batch) {
            VisitTracker visit = cache.get(sample.visitId());
            ParticipantTracker reporter = visit.find(sample.participantId()).orElse(null);
            if (reporter == null) {
                reporter = new ParticipantTracker(sample.visitId(), sample.participantId(), sample.role(),
                        HysteresisState.INITIAL);
                visit.add(reporter);
                changed.put(sample.participantId(), change(sample.visitId(), reporter));
            }
            if (!reporter.isNew(sample)) {
                lateCount++;
                rows.add(new SampleRows.Scored(sample, scorer.score(sample, orZero(sample.rttMs()), 0), true));
                continue;
            }
            Map<UUID, HysteresisState> before = new HashMap<>();
            visit.participants().forEach(p -> before.put(p.participantId(), p.state()));
            VisitTracker.Outcome outcome = visit.accept(sample, scorer, rules);
            rows.add(new SampleRows.Scored(sample, outcome.score(), false));
            outcome.decisions().forEach(d -> made.add(new DecisionRows.Identified(UUID.randomUUID(), d)));
            for (ParticipantTracker p : visit.participants()) {
                if (!p.state().equals(before.get(p.participantId()))) {
                    changed.put(p.participantId(), change(sample.visitId(), p));
                }
            }
        }
        int newSamples = rows.size() - lateCount;
        return samples.insert(tx, rows)
                .chain(stored -> decisions.insert(tx, made)
                        .chain(inserted -> {
                            List<Decision> publish = made.stream().filter(d -> inserted.contains(d.decisionId()))
                                    .map(DecisionRows.Identified::decision).toList();
                            return outbox.appendAll(tx, publish.stream().map(events::toEvent).toList())
                                    .chain(() -> trackers.upsert(tx, List.copyOf(changed.values())))
                                    .invoke(() -> count(stored, newSamples, rows.size(), publish));
                        }));
    }

    /**
     * New samples are always stored (their id cannot have been seen: a stored sample is never newer than its stream's
     * window); of the others, those the insert skipped were duplicates and the rest came late.
     */
    private void count(int stored, int newSamples, int total, List<Decision> published) {
        scored.increment(newSamples);
        late.increment(stored - newSamples);
        duplicate.increment(total - stored);
        published.forEach(d -> registry.counter("televisit.quality.decisions", "kind", d.kind().name(),
                "value", d.value()).increment());
    }

    private static TrackerRows.Change change(UUID visitId, ParticipantTracker p) {
        return new TrackerRows.Change(visitId, p.participantId(), p.role(), p.state());
    }

    /** Rebuilds the trackers of visits not in the cache from their stored hysteresis and last windows. */
    private Uni<Void> load(SqlConnection tx, Set<UUID> visits) {
        UUID[] missing = visits.stream().filter(v -> cache.get(v) == null).toArray(UUID[]::new);
        if (missing.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return trackers.load(tx, missing).chain(states -> samples.recent(tx, missing, rules.window()).map(recent -> {
            Map<UUID, VisitTracker> built = new HashMap<>();
            for (UUID v : missing) {
                built.put(v, new VisitTracker(v));
            }
            states.forEach(s -> built.get(s.visitId()).add(new ParticipantTracker(s.visitId(), s.participantId(),
                    s.role(), s.state())));
            for (SampleRows.Stored stored : recent) {
                QualitySampleReported sample = stored.sample();
                built.get(sample.visitId()).find(sample.participantId())
                        .ifPresent(p -> p.replay(sample, stored.level(), stored.cause(), rules));
            }
            built.values().forEach(cache::put);
            return null;
        })).replaceWithVoid();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
