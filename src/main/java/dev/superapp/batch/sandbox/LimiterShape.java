package dev.superapp.batch.sandbox;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How the sandbox counts requests against its capacity, as real platforms do in one of three ways.
 * Each lets through at most {@code perSecond} requests in any window it looks at, and answers the rest 429.
 */
public enum LimiterShape {

    /** A count per calendar second, reset when the second turns: a burst at the turn can pass twice the rate. */
    FIXED,
    /** The requests of the last second, whenever it started: never more than the rate in any second. */
    SLIDING,
    /** A token bucket holding one second's worth, refilled evenly: short bursts pass, the average holds. */
    BUCKET;

    /** A limiter of this shape; {@code perSecond} 0 lets everything through. */
    public CapacityLimiter limiter(double perSecond, LongSupplier epochNanos) {
        if (perSecond == 0) {
            return () -> true;
        }
        return switch (this) {
            case FIXED -> new FixedWindowLimiter(perSecond, epochNanos);
            case SLIDING -> new SlidingWindowLimiter(perSecond, epochNanos);
            case BUCKET -> new TokenBucketLimiter(perSecond, epochNanos);
        };
    }

    /** {@code fixed}, {@code sliding} or {@code bucket}, as the command line spells them. */
    public static LimiterShape parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a limiter: " + name + " (fixed, sliding or bucket)");
        }
    }
}
