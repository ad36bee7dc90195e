package dev.superapp.batch.platform;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the requests toward one platform and finds the rate it accepts: slower when it throttles,
 * faster again while it does not.
 *
 * <p>Policy:
 * <ul>
 *   <li><b>Pacing.</b> Requests start at least {@code 1/rate} seconds apart; an idle limiter lets
 *       the next request go at once (no burst credit is saved up).</li>
 *   <li><b>Decrease.</b> A throttled answer (429, or the card form's code 2) sets the <i>ceiling</i> to
 *       the rate the platform was accepting — the lower of the current rate and the successes of about
 *       the last second — and the rate to 90 % of that, never below {@code maxRate/32}. The requests in
 *       flight tend to be throttled together, so further throttled answers within 250 ms do not
 *       decrease it again.</li>
 *   <li><b>Recovery.</b> Below 97 % of the ceiling each success adds {@code maxRate/50}: back quickly to
 *       where the platform coped. Above it the rate creeps up by 1 % of the ceiling per second, probing
 *       for more capacity, so overshooting the platform's limit again costs few throttled requests.</li>
 *   <li><b>Retry-After</b> is the wait of the throttled call itself ({@link ResilientCaller}), not a pause
 *       of every request. Measured against a platform that meters requests with a token bucket, a pause
 *       for everyone let the bucket refill, the sender overshoot again, and 3 to 4 % of requests came back
 *       throttled; halving the rate instead of learning the accepted rate did the same.</li>
 * </ul>
 * Time comes from an injected nanosecond ticker so the policy can be tested without sleeping.
 */
final class AdaptiveRateLimiter {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long DECREASE_QUIET_NANOS = Duration.ofMillis(250).toNanos();
    private static final double DECREASE = 0.9;
    private static final double NEAR_CEILING = 0.97;
    private static final double PROBE_PER_SECOND = 0.01;

    private final double maxRate;
    private final double minRate;
    private final double recoveryStep;
    private final LongSupplier nanoTicker;
    private final SuccessRate accepted;
    private double rate;
    private double ceiling;
    private long nextStart;
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
        this.ceiling = maxRate;
        long now = nanoTicker.getAsLong();
        this.accepted = new SuccessRate(now);
        this.nextStart = now;
        this.lastDecrease = now - DECREASE_QUIET_NANOS;
    }

    /** Reserves the next start slot; the caller must wait the returned time before sending. */
    synchronized Duration reserve() {
        long now = nanoTicker.getAsLong();
        long start = Math.max(now, nextStart);
        nextStart = start + (long) (SECOND / rate);
        return Duration.ofNanos(start - now);
    }

    /** The platform answered that it is throttling. */
    synchronized void onThrottled() {
        long now = nanoTicker.getAsLong();
        if (now - lastDecrease >= DECREASE_QUIET_NANOS) {
            double acceptedPerSecond = accepted.perSecond(now);
            ceiling = acceptedPerSecond > 0 ? Math.min(rate, acceptedPerSecond) : rate;
            rate = Math.max(minRate, ceiling * DECREASE);
            lastDecrease = now;
        }
    }

    /** The platform answered without throttling. */
    synchronized void onSuccess() {
        accepted.count(nanoTicker.getAsLong());
        double step = rate < NEAR_CEILING * ceiling ? recoveryStep : PROBE_PER_SECOND * ceiling / rate;
        rate = Math.min(maxRate, rate + step);
    }

    /** Requests per second currently allowed. */
    synchronized double currentRate() {
        return rate;
    }

    /**
     * Successes per second over about the last second: the previous whole second weighted by how much of it
     * still lies within the last second, plus the current one. Not thread-safe; the limiter guards it.
     */
    private static final class SuccessRate {

        private final long since;
        private long windowStart;
        private long current;
        private long previous;

        SuccessRate(long now) {
            this.since = now;
            this.windowStart = now;
        }

        void count(long now) {
            roll(now);
            current++;
        }

        double perSecond(long now) {
            roll(now);
            double intoWindow = (double) (now - windowStart) / SECOND;
            if (now - since < SECOND) {
                // Younger than a second: the successes so far, over the time so far.
                return intoWindow == 0 ? 0 : current / intoWindow;
            }
            return previous * (1 - intoWindow) + current;
        }

        private void roll(long now) {
            long windows = (now - windowStart) / SECOND;
            if (windows > 0) {
                previous = windows == 1 ? current : 0;
                current = 0;
                windowStart += windows * SECOND;
            }
        }
    }
}
