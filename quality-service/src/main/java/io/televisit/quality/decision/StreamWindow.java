package io.televisit.quality.decision;

import io.televisit.quality.scoring.Cause;
import io.televisit.quality.scoring.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The recent samples of one stream. Its level is the median of their levels: one spike among good samples changes
 * nothing, a majority of bad ones does. Counters of getStats are cumulative, so the window keeps the last value to
 * turn them into per-interval deltas.
 */
final class StreamWindow {

    private record Entry(Instant at, Level level, Cause cause) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private Instant lastMeasured;
    private Long lastFreezeCount;

    /** False for a sample not newer than the last one: late or repeated, it is kept out of decisions. */
    boolean isNew(Instant measuredAt) {
        return lastMeasured == null || measuredAt.isAfter(lastMeasured);
    }

    /** Freezes since the previous sample; a counter that went down means a new stream (after an ICE restart). */
    long newFreezes(Long freezeCount) {
        if (freezeCount == null) {
            return 0;
        }
        long delta = lastFreezeCount == null || freezeCount < lastFreezeCount ? 0 : freezeCount - lastFreezeCount;
        lastFreezeCount = freezeCount;
        return delta;
    }

    void add(Instant at, Level level, Cause cause, Duration window) {
        lastMeasured = at;
        entries.addLast(new Entry(at, level, cause));
        Instant oldest = at.minus(window);
        while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(oldest)) {
            entries.removeFirst();
        }
    }

    /** The median level, once the window holds {@code minSamples}. */
    Optional<Level> level(int minSamples) {
        if (entries.size() < minSamples) {
            return Optional.empty();
        }
        Level[] levels = entries.stream().map(Entry::level).sorted().toArray(Level[]::new);
        // The upper median: with an even count, a tie goes to the worse level (down fast).
        return Optional.of(levels[levels.length / 2]);
    }

    /** The most frequent cause among the window's samples at or below {@code level}. */
    Cause cause(Level level) {
        int[] counts = new int[Cause.values().length];
        entries.stream().filter(e -> e.level().atLeastAsBadAs(level) && e.cause() != Cause.NONE)
                .forEach(e -> counts[e.cause().ordinal()]++);
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return counts[best] == 0 ? Cause.NONE : Cause.values()[best];
    }
}
