package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {

    private final FakeTime time = new FakeTime();
    private final AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, time);

    @Test
    void spacesRequestsAtTheConfiguredRate() {
        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void letsTheNextRequestGoAtOnceAfterIdleTimeWithoutSavingUpABurst() {
        limiter.reserve();
        time.advance(Duration.ofSeconds(10));

        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void halvesTheRateWhenThrottled() {
        limiter.onThrottled(null);

        assertThat(limiter.currentRate()).isEqualTo(5.0);
        limiter.reserve();
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void pausesEveryRequestUntilRetryAfterHasPassed() {
        limiter.onThrottled(Duration.ofSeconds(3));

        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(3));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(3200));
    }

    @Test
    void countsABurstOfThrottledAnswersAsOneDecrease() {
        limiter.onThrottled(null);
        limiter.onThrottled(null);
        time.advance(Duration.ofMillis(999));
        limiter.onThrottled(null);
        assertThat(limiter.currentRate()).isEqualTo(5.0);

        time.advance(Duration.ofMillis(1));
        limiter.onThrottled(null);
        assertThat(limiter.currentRate()).isEqualTo(2.5);
    }

    @Test
    void neverSlowsBelowOneThirtySecondOfTheCap() {
        for (int i = 0; i < 20; i++) {
            limiter.onThrottled(null);
            time.advance(Duration.ofSeconds(1));
        }

        assertThat(limiter.currentRate()).isEqualTo(10.0 / 32);
    }

    @Test
    void recoversAdditivelyAfterSuccessesUpToTheCap() {
        limiter.onThrottled(null);

        limiter.onSuccess();
        assertThat(limiter.currentRate()).isCloseTo(5.2, within(1e-9));
        for (int i = 0; i < 23; i++) {
            limiter.onSuccess();
        }
        assertThat(limiter.currentRate()).isLessThan(10.0);
        limiter.onSuccess();
        assertThat(limiter.currentRate()).isCloseTo(10.0, within(1e-9));
        limiter.onSuccess();
        assertThat(limiter.currentRate()).isEqualTo(10.0);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdaptiveRateLimiter(0, time));
    }
}
