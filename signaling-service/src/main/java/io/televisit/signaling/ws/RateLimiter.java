package io.televisit.signaling.ws;

/**
 * A token bucket for one connection: {@code rate} messages per second sustained, {@code burst} at once. Not shared
 * between connections, so one client's flood never slows another.
 */
final class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();
    private int refusals;

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
        refusals++;
        return false;
    }

    synchronized int refusals() {
        return refusals;
    }
}
