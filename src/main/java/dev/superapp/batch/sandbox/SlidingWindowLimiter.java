package dev.superapp.batch.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/** At most the rate in any second: the times of the requests served in the last second are kept and counted. */
final class SlidingWindowLimiter implements CapacityLimiter {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final int perWindow;
    private final LongSupplier nanos;
    private final Deque<Long> served = new ArrayDeque<>();

    SlidingWindowLimiter(double perSecond, LongSupplier nanos) {
        this.perWindow = (int) Math.max(1, perSecond);
        this.nanos = nanos;
    }

    @Override
    public synchronized boolean tryAcquire() {
        long now = nanos.getAsLong();
        while (!served.isEmpty() && now - served.peekFirst() >= SECOND) {
            served.removeFirst();
        }
        if (served.size() >= perWindow) {
            return false;
        }
        served.addLast(now);
        return true;
    }
}
