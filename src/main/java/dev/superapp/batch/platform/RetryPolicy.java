package dev.superapp.batch.platform;

import java.time.Duration;

/**
 * How long one platform call may keep trying.
 *
 * <p>Timeouts, connection failures, server faults and (on reads) unreadable answers use up one of
 * {@code maxAttempts}; a throttled answer (429) does not, but every wait counts against
 * {@code callDeadline}. Between attempts the caller waits a random time between zero and
 * {@code baseBackoff * 2^(n-1)} after the n-th failure, capped at {@code maxBackoff}
 * ("full jitter"), so that many callers that failed together do not come back together.
 *
 * @param maxAttempts  requests sent at most for failures that use up attempts
 * @param baseBackoff  the ceiling of the first wait
 * @param maxBackoff   the ceiling of any wait
 * @param callDeadline how long one call may take in total, waits included
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration callDeadline) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseBackoff.isNegative() || baseBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("need 0 <= baseBackoff <= maxBackoff");
        }
        if (callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("callDeadline must be positive");
        }
    }

    /** Five attempts, waits from 200 ms capped at 5 s (the contract of DESIGN.md), within {@code callDeadline}. */
    public static RetryPolicy defaults(Duration callDeadline) {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), callDeadline);
    }

    /** The longest wait after the {@code failures}-th consecutive failure (1 for the first). */
    Duration backoffCeiling(int failures) {
        // Past 2^20 the cap has long been reached; stopping there keeps the shift from overflowing.
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
        long nanos = baseBackoff.toNanos() > maxBackoff.toNanos() / factor
                ? maxBackoff.toNanos()
                : baseBackoff.toNanos() * factor;
        return Duration.ofNanos(nanos);
    }
}
