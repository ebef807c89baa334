package io.televisit.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds and their percentiles; cheap enough for hundreds of thousands of samples recorded
 * from event loops.
 */
final class Percentiles {

    private final String name;
    private long[] samples = new long[4096];
    private int count;

    Percentiles(String name) {
        this.name = name;
    }

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    synchronized String report() {
        if (count == 0) {
            return String.format("%-24s no samples", name);
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format("%-24s n=%7d  p50=%8.2f ms  p90=%8.2f ms  p95=%8.2f ms  p99=%8.2f ms  max=%8.2f ms", name,
                count, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.95), ms(sorted, 0.99), sorted[count - 1] / 1e6);
    }

    private static double ms(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
