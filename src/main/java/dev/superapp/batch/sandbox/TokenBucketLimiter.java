package dev.superapp.batch.sandbox;

import java.util.function.LongSupplier;

/** A token bucket holding one second's worth of requests (bursts up to that), refilled at the rate. */
final class TokenBucketLimiter implements CapacityLimiter {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long refilledAt;

    TokenBucketLimiter(double perSecond, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.nanos = nanos;
        this.tokens = burst;
        this.refilledAt = nanos.getAsLong();
    }

    @Override
    public synchronized boolean tryAcquire() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
