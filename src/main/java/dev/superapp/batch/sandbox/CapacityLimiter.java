package dev.superapp.batch.sandbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides whether the platform serves one more request now or answers 429, so benchmarks and tests can
 * see how a client behaves against a throttling platform. Thread-safe; see {@link LimiterShape}.
 */
@FunctionalInterface
public interface CapacityLimiter {

    /** Wall-clock time in nanoseconds, so that fixed windows turn with the calendar second. */
    LongSupplier EPOCH_NANOS = () -> System.currentTimeMillis() * Duration.ofMillis(1).toNanos();

    boolean tryAcquire();
}
