package io.televisit.quality.ingest;

import io.televisit.quality.decision.VisitTracker;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trackers of the visits whose samples this instance consumes. Only a cache: the database has everything to
 * rebuild a visit's trackers, so an entry is dropped when its visit ends, goes quiet, fails to commit, or its
 * partition moves to another instance.
 */
@Singleton
public class TrackerCache {

    private record Entry(VisitTracker tracker, long lastUsedNanos) {
    }

    private final Map<UUID, Entry> visits = new ConcurrentHashMap<>();

    public VisitTracker get(UUID visitId) {
        Entry entry = visits.get(visitId);
        if (entry == null) {
            return null;
        }
        visits.put(visitId, new Entry(entry.tracker(), System.nanoTime()));
        return entry.tracker();
    }

    public void put(VisitTracker tracker) {
        visits.put(tracker.visitId(), new Entry(tracker, System.nanoTime()));
    }

    public void evict(UUID visitId) {
        visits.remove(visitId);
    }

    public void clear() {
        visits.clear();
    }

    public int size() {
        return visits.size();
    }

    /** Drops visits without samples for {@code idle}. */
    public void evictIdle(Duration idle) {
        long cutoff = System.nanoTime() - idle.toNanos();
        visits.values().removeIf(entry -> entry.lastUsedNanos() < cutoff);
    }
}
