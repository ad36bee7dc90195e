package dev.superapp.batch.sandbox;

/**
 * A token bucket that lets through at most the configured requests per second (bursts up to
 * one second's worth), so benchmarks can see how a client behaves against a throttling platform.
 */
final class CapacityLimiter {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAtNanos;

    /** @param perSecond requests per second; 0 lets everything through */
    CapacityLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.tokens = burst;
        this.refilledAtNanos = System.nanoTime();
    }

    synchronized boolean tryAcquire() {
        if (perSecond == 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAtNanos) / 1e9 * perSecond);
        refilledAtNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
