package io.televisit.signaling.ws;

/**
 * A token bucket for one connection: {@code rate} messages per second sustained, {@code burst} at once. Not shared
 * between connections, so one client's flood never slows another. Refusals count towards closing the connection only
 * while they keep coming: after {@link #QUIET_NANOS} without one, the count starts again.
 */
final class RateLimiter {

    private static final long QUIET_NANOS = 10_000_000_000L;

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();
    private int refusals;
    private long lastRefusal;

    RateLimiter(int perSecond, int burst) {
        this.ratePerNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes a token if one is there; otherwise counts a refusal. */
    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        if (now - lastRefusal > QUIET_NANOS) {
            refusals = 0;
        }
        lastRefusal = now;
        refusals++;
        return false;
    }

    synchronized int refusals() {
        return refusals;
    }
}
