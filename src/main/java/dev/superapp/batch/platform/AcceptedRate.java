package dev.superapp.batch.platform;

import java.time.Duration;

/**
 * Successes per second over about the last second: the previous whole second weighted by how much of it
 * still lies within the last second, plus the current one. Not thread-safe; {@link AdaptiveRateLimiter} guards it.
 */
final class AcceptedRate {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final long since;
    private long windowStart;
    private long current;
    private long previous;

    AcceptedRate(long now) {
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
