package dev.superapp.batch.sandbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/** At most the rate in each calendar second, counted from zero when the second turns. */
final class FixedWindowLimiter implements CapacityLimiter {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final long perWindow;
    private final LongSupplier nanos;
    private long window = Long.MIN_VALUE;
    private long served;

    FixedWindowLimiter(double perSecond, LongSupplier nanos) {
        this.perWindow = Math.max(1, (long) perSecond);
        this.nanos = nanos;
    }

    @Override
    public synchronized boolean tryAcquire() {
        long now = Math.floorDiv(nanos.getAsLong(), SECOND);
        if (now != window) {
            window = now;
            served = 0;
        }
        if (served >= perWindow) {
            return false;
        }
        served++;
        return true;
    }
}
