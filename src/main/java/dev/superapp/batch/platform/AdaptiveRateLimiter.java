package dev.superapp.batch.platform;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the requests toward one platform and slows down when the platform says it is
 * overloaded (additive increase, multiplicative decrease, as TCP does).
 *
 * <p>Policy:
 * <ul>
 *   <li><b>Pacing.</b> Requests start at least {@code 1/rate} seconds apart; an idle limiter lets
 *       the next request go at once (no burst credit is saved up).</li>
 *   <li><b>Decrease.</b> A throttled answer (429) halves the rate, never below {@code maxRate/32}
 *       (five halvings), so the sender always keeps probing. The requests in flight tend to be
 *       throttled together, so after a decrease further 429s within one second do not halve
 *       the rate again.</li>
 *   <li><b>Pause.</b> A {@code Retry-After} stops every request until it has passed.</li>
 *   <li><b>Recovery.</b> Each success adds {@code maxRate/50} back, up to {@code maxRate}: one
 *       halving is regained after 25 successes.</li>
 * </ul>
 * Time comes from an injected nanosecond ticker so the policy can be tested without sleeping.
 */
final class AdaptiveRateLimiter {

    private static final long DECREASE_QUIET_NANOS = Duration.ofSeconds(1).toNanos();

    private final double maxRate;
    private final double minRate;
    private final double recoveryStep;
    private final LongSupplier nanoTicker;
    private double rate;
    private long nextStart;
    private long pausedUntil;
    private long lastDecrease;

    /**
     * @param maxRate    requests per second when the platform is not throttling (the configured cap)
     * @param nanoTicker monotonic time in nanoseconds, {@code System::nanoTime} in production
     */
    AdaptiveRateLimiter(double maxRate, LongSupplier nanoTicker) {
        if (!(maxRate > 0)) {
            throw new IllegalArgumentException("platform.rate-limit must be positive, was " + maxRate);
        }
        this.maxRate = maxRate;
        this.minRate = maxRate / 32;
        this.recoveryStep = maxRate / 50;
        this.nanoTicker = nanoTicker;
        this.rate = maxRate;
        long now = nanoTicker.getAsLong();
        this.nextStart = now;
        this.pausedUntil = now;
        this.lastDecrease = now - DECREASE_QUIET_NANOS;
    }

    /** Reserves the next start slot; the caller must wait the returned time before sending. */
    synchronized Duration reserve() {
        long now = nanoTicker.getAsLong();
        long start = Math.max(now, Math.max(nextStart, pausedUntil));
        nextStart = start + (long) (1_000_000_000L / rate);
        return Duration.ofNanos(start - now);
    }

    /** The platform answered 429; {@code retryAfter} is null when it did not say how long to wait. */
    synchronized void onThrottled(Duration retryAfter) {
        long now = nanoTicker.getAsLong();
        if (now - lastDecrease >= DECREASE_QUIET_NANOS) {
            rate = Math.max(minRate, rate / 2);
            lastDecrease = now;
        }
        if (retryAfter != null) {
            pausedUntil = Math.max(pausedUntil, now + retryAfter.toNanos());
        }
    }

    /** The platform answered without throttling. */
    synchronized void onSuccess() {
        rate = Math.min(maxRate, rate + recoveryStep);
    }

    /** Requests per second currently allowed. */
    synchronized double currentRate() {
        return rate;
    }
}
