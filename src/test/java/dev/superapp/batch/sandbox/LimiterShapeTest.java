package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The three ways the sandbox counts requests, on a fake clock. */
class LimiterShapeTest {

    private final AtomicLong nanos = new AtomicLong(Duration.ofMillis(10_900).toNanos());

    @Test
    void aFixedWindowResetsWhenTheCalendarSecondTurnsSoABurstAtTheTurnPassesTwice() {
        CapacityLimiter fixed = LimiterShape.FIXED.limiter(5, nanos::get);

        assertThat(served(fixed, 7)).isEqualTo(5);
        advance(100);
        assertThat(served(fixed, 7)).as("a new second, 100 ms later").isEqualTo(5);
    }

    @Test
    void aSlidingWindowNeverServesMoreThanTheRateInAnySecond() {
        CapacityLimiter sliding = LimiterShape.SLIDING.limiter(5, nanos::get);

        assertThat(served(sliding, 7)).isEqualTo(5);
        advance(100);
        assertThat(served(sliding, 7)).isZero();
        advance(900);
        assertThat(served(sliding, 7)).isEqualTo(5);
    }

    @Test
    void aTokenBucketServesABurstOfOneSecondsWorthThenRefillsEvenly() {
        CapacityLimiter bucket = LimiterShape.BUCKET.limiter(5, nanos::get);

        assertThat(served(bucket, 7)).isEqualTo(5);
        advance(400);
        assertThat(served(bucket, 7)).isEqualTo(2);
    }

    @Test
    void zeroCapacityServesEverything() {
        assertThat(served(LimiterShape.FIXED.limiter(0, nanos::get), 1000)).isEqualTo(1000);
    }

    @Test
    void parsesTheCommandLineNames() {
        assertThat(LimiterShape.parse("sliding")).isEqualTo(LimiterShape.SLIDING);
        assertThatIllegalArgumentException().isThrownBy(() -> LimiterShape.parse("leaky"))
                .withMessage("not a limiter: leaky (fixed, sliding or bucket)");
    }

    private void advance(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    private static int served(CapacityLimiter limiter, int requests) {
        int served = 0;
        for (int i = 0; i < requests; i++) {
            served += limiter.tryAcquire() ? 1 : 0;
        }
        return served;
    }
}
