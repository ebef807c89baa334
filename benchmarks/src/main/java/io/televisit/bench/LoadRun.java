package io.televisit.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What one pass (warm-up or measured) recorded; written from the event loops. */
final class LoadRun {
    final Percentiles connect = new Percentiles("connect (upgrade)");
    final Percentiles join = new Percentiles("join -> joined");
    final Percentiles admission = new Percentiles("admission event -> admitted");
    final Percentiles offerAnswer = new Percentiles("offer -> answer (2 relays)");
    final Percentiles relayPaced = new Percentiles("relay, paced");
    final Percentiles relaySaturated = new Percentiles("relay, at saturation");
    final LongAdder relays = new LongAdder();
    final LongAdder pings = new LongAdder();
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();
    private final AtomicInteger problems = new AtomicInteger();
    volatile Percentiles relayInto;
    volatile boolean closing;
    volatile String admissionSummary = "admission: not reached";
    volatile Phase joinPhase;
    // Figures of the measured pass, set by the main thread.
    Phase idle;
    Phase paced;
    Phase saturated;
    long rssBefore;
    long rssAfter;
    long heapBefore;
    long heapAfter;
    Map<String, Long> classesBefore = Map.of();
    Map<String, Long> classesAfter = Map.of();
    int joined;
    int lost;

    /** A relayed frame arrived; {@code nanos} is its latency, or negative when unknown. */
    void relayed(long nanos) {
        relays.increment();
        Percentiles into = relayInto;
        if (nanos >= 0 && into != null) {
            into.add(nanos);
        }
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    }

    void closed(Participant participant, Short code) {
        if (!closing) {
            participant.failed = true;
            closes.computeIfAbsent(String.valueOf(code), c -> new AtomicInteger()).incrementAndGet();
        }
    }

    void problem(String message) {
        if (problems.incrementAndGet() <= 20) {
            System.err.println(message);
        }
    }
}
