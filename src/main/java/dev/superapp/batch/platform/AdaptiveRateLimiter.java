package dev.superapp.batch.platform;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the requests toward one platform and finds the rate it accepts: its <i>allowance</i>, which
 * platforms enforce with fixed windows (a count per calendar second), sliding windows or token buckets.
 *
 * <p>Policy:
 * <ul>
 *   <li><b>Pacing.</b> Requests start at least {@code 1/rate} seconds apart; an idle limiter lets the next
 *       request go at once (no burst credit is saved up), so no window ever sees more than the rate.</li>
 *   <li><b>Finding the allowance</b> (no {@code platform.rate-limit}). Start at {@value #START_RATE}/s and grow
 *       fourfold per second of successes, while the requests actually keep up with the rate or wait for
 *       it (a sender short of work proves nothing about the platform), up to four times the successes of the
 *       last second, until the first throttle.</li>
 *   <li><b>Decrease.</b> A throttled answer (429, or the card form's code 2) sets the allowance estimate to
 *       what the platform was accepting — the lower of the current rate and the successes of about the
 *       last second — and the rate to 90 % of it. The requests in flight tend to be throttled together,
 *       so further throttled answers within 250 ms do not decrease it again.</li>
 *   <li><b>Holding just under it.</b> Below 97 % of the estimate each success adds 1/50 of it: back quickly
 *       to where the platform coped. Above, the rate creeps up by 1 % of the estimate per second, probing
 *       for more, so overshooting again costs few throttled requests; successes above the estimate raise it.</li>
 *   <li><b>A configured {@code platform.rate-limit}</b> is a hard ceiling: the rate starts there and never
 *       exceeds it, whatever the platform accepts.</li>
 *   <li><b>Retry-After</b> is the wait of the throttled call itself ({@link ResilientCaller}), not a pause of
 *       every request: against a token bucket a pause for everyone let the bucket refill and the sender
 *       overshoot again.</li>
 * </ul>
 * Time comes from an injected nanosecond ticker so the policy can be tested without sleeping.
 */
final class AdaptiveRateLimiter {

    /** Where a limiter without a configured rate starts: low enough for any platform that takes pushes at all. */
    static final double START_RATE = 20;

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long DECREASE_QUIET_NANOS = Duration.ofMillis(250).toNanos();
    private static final double DECREASE = 0.9;
    private static final double NEAR_ALLOWANCE = 0.97;
    private static final double PROBE_PER_SECOND = 0.01;
    /** Added per success before the first throttle: at r successes a second, a growth of e^(ln 4) = 4 a second. */
    private static final double SEARCH_STEP = Math.log(4);
    /** How far above the successes of the last second the search may go while senders wait for it. */
    private static final double SEARCH_HEADROOM = 4;

    private final double ceiling;
    private final double minRate;
    private final LongSupplier nanoTicker;
    private final AcceptedRate accepted;
    private double rate;
    private double allowance;
    private long nextStart;
    private long lastDecrease;
    private boolean lastSenderWaited;

    /**
     * A limiter that never exceeds {@code maxRate}, starting there.
     *
     * @param maxRate    the configured {@code platform.rate-limit}
     * @param nanoTicker monotonic time in nanoseconds, {@code System::nanoTime} in production
     */
    AdaptiveRateLimiter(double maxRate, LongSupplier nanoTicker) {
        this(maxRate, maxRate, maxRate / 32, maxRate, nanoTicker);
        if (!(maxRate > 0)) {
            throw new IllegalArgumentException("platform.rate-limit must be positive, was " + maxRate);
        }
    }

    private AdaptiveRateLimiter(double ceiling, double startRate, double minRate, double allowance,
                                LongSupplier nanoTicker) {
        this.ceiling = ceiling;
        this.minRate = minRate;
        this.nanoTicker = nanoTicker;
        this.rate = startRate;
        this.allowance = allowance;
        long now = nanoTicker.getAsLong();
        this.accepted = new AcceptedRate(now);
        this.nextStart = now;
        this.lastDecrease = now - DECREASE_QUIET_NANOS;
    }

    /** A limiter that finds the platform's allowance itself, with no ceiling of ours. */
    static AdaptiveRateLimiter finding(LongSupplier nanoTicker) {
        return new AdaptiveRateLimiter(Double.POSITIVE_INFINITY, START_RATE, 1, Double.POSITIVE_INFINITY, nanoTicker);
    }

    /** @param rateLimit the configured {@code platform.rate-limit}, or null to find the allowance */
    static AdaptiveRateLimiter forRateLimit(Double rateLimit, LongSupplier nanoTicker) {
        return rateLimit == null ? finding(nanoTicker) : new AdaptiveRateLimiter(rateLimit, nanoTicker);
    }

    /** Reserves the next start slot; the caller must wait the returned time before sending. */
    synchronized Duration reserve() {
        long now = nanoTicker.getAsLong();
        long start = Math.max(now, nextStart);
        lastSenderWaited = start > now;
        nextStart = start + (long) (SECOND / rate);
        return Duration.ofNanos(start - now);
    }

    /** The platform answered that it is throttling. */
    synchronized void onThrottled() {
        long now = nanoTicker.getAsLong();
        if (now - lastDecrease >= DECREASE_QUIET_NANOS) {
            double acceptedPerSecond = accepted.perSecond(now);
            allowance = acceptedPerSecond > 0 ? Math.min(rate, acceptedPerSecond) : rate;
            rate = Math.max(minRate, allowance * DECREASE);
            lastDecrease = now;
        }
    }

    /** The platform answered without throttling. */
    synchronized void onSuccess() {
        long now = nanoTicker.getAsLong();
        accepted.count(now);
        double acceptedPerSecond = accepted.perSecond(now);
        if (allowance == Double.POSITIVE_INFINITY) {
            // The latest sender waited for its slot: senders are held by this limiter, not by a lack of work, even
            // when they come in bursts (records committed in groups release them together) that average less than
            // half the rate. The headroom keeps a rate found that way within reach of what the platform took.
            boolean heldBySelf = lastSenderWaited || acceptedPerSecond >= rate / 2;
            double headroom = SEARCH_HEADROOM * acceptedPerSecond + START_RATE;
            if (heldBySelf && rate < headroom) {
                rate = Math.min(ceiling, Math.min(headroom, rate + SEARCH_STEP));
            }
            return;
        }
        // Accepted while probing above the estimate: the platform takes more than it was thought to.
        allowance = Math.min(ceiling, Math.max(allowance, Math.min(rate, acceptedPerSecond)));
        double step = rate < NEAR_ALLOWANCE * allowance ? allowance / 50 : PROBE_PER_SECOND * allowance / rate;
        rate = Math.min(ceiling, rate + step);
    }

    /** Requests per second currently allowed. */
    synchronized double currentRate() {
        return rate;
    }

    /** What the platform is thought to accept per second: NaN while still searching for it without a ceiling. */
    synchronized double allowanceEstimate() {
        return allowance == Double.POSITIVE_INFINITY ? Double.NaN : allowance;
    }
}
