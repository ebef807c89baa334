package io.televisit.bench;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Collected latencies of one kind of call, in microseconds, and their percentiles. */
final class Latencies {

    private final String name;
    private final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();

    Latencies(String name) {
        this.name = name;
    }

    void add(long nanos) {
        micros.add(nanos / 1_000);
    }

    String report() {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return String.format("%-10s no samples", name);
        }
        return String.format("%-10s n=%6d  p50=%7.2f ms  p90=%7.2f ms  p99=%7.2f ms  max=%7.2f ms", name,
                sorted.length, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
