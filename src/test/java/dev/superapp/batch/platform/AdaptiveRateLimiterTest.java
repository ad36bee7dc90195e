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
    void slowsToNineTenthsOfTheRateThePlatformAcceptedInTheLastSecond() {
        time.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 8; i++) {
            limiter.onSuccess();
        }
        time.advance(Duration.ofSeconds(1));

        limiter.onThrottled();

        assertThat(limiter.currentRate()).isCloseTo(7.2, within(1e-9));
        limiter.reserve();
        assertThat(limiter.reserve().toNanos()).isCloseTo(Duration.ofMillis(139).toNanos(), within(1_000_000L));
    }

    @Test
    void slowsToNineTenthsOfTheCurrentRateWhenNothingSucceededLately() {
        limiter.onThrottled();

        assertThat(limiter.currentRate()).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void leavesRetryAfterToTheThrottledCall() {
        limiter.onThrottled();

        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
    }

    @Test
    void countsABurstOfThrottledAnswersAsOneDecrease() {
        limiter.onThrottled();
        limiter.onThrottled();
        time.advance(Duration.ofMillis(249));
        limiter.onThrottled();
        assertThat(limiter.currentRate()).isCloseTo(9.0, within(1e-9));

        time.advance(Duration.ofMillis(1));
        limiter.onThrottled();
        assertThat(limiter.currentRate()).isCloseTo(8.1, within(1e-9));
    }

    @Test
    void neverSlowsBelowOneThirtySecondOfTheCap() {
        for (int i = 0; i < 100; i++) {
            limiter.onThrottled();
            time.advance(Duration.ofSeconds(2));
        }

        assertThat(limiter.currentRate()).isEqualTo(10.0 / 32);
    }

    @Test
    void recoversQuicklyToNearTheCeilingThenProbesSlowly() {
        time.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            limiter.onSuccess();
        }
        time.advance(Duration.ofSeconds(1));
        limiter.onThrottled();
        assertThat(limiter.currentRate()).isCloseTo(4.5, within(1e-9));

        assertThat(limiter.allowanceEstimate()).isCloseTo(5.0, within(1e-9));

        limiter.onSuccess();
        assertThat(limiter.currentRate()).as("a fast step of allowance/50").isCloseTo(4.6, within(1e-9));
        limiter.onSuccess();
        limiter.onSuccess();
        assertThat(limiter.currentRate()).as("at 97 %% of the allowance of 5").isCloseTo(4.8, within(1e-9));
        limiter.onSuccess();
        limiter.onSuccess();
        assertThat(limiter.currentRate()).as("then 1 %% of the allowance per second, one success at a time")
                .isCloseTo(4.9 + 0.05 / 4.9, within(1e-9));
    }

    @Test
    void withoutARateLimitStartsLowAndGrowsFourfoldPerSecondOfSuccesses() {
        AdaptiveRateLimiter finding = AdaptiveRateLimiter.finding(time);
        assertThat(finding.currentRate()).isEqualTo(AdaptiveRateLimiter.START_RATE);
        assertThat(finding.allowanceEstimate()).isNaN();

        // One second of successes at the pace it sets: each adds ln 4, so the rate quadruples.
        long sent = 0;
        while (time.elapsed().compareTo(Duration.ofSeconds(1)) < 0) {
            time.advance(finding.reserve());
            finding.onSuccess();
            sent++;
        }

        assertThat(finding.currentRate()).isBetween(3.5 * AdaptiveRateLimiter.START_RATE, 4.5 * AdaptiveRateLimiter.START_RATE);
        assertThat(sent).isGreaterThan(35);
    }

    @Test
    void withoutARateLimitDoesNotGrowWhileTheSendersDoNotKeepUp() {
        AdaptiveRateLimiter finding = AdaptiveRateLimiter.finding(time);
        time.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            time.advance(Duration.ofMillis(200));
            finding.onSuccess();
        }

        assertThat(finding.currentRate()).isEqualTo(AdaptiveRateLimiter.START_RATE);
    }

    @Test
    void withoutARateLimitGrowsWhileSendersWaitForItEvenInBurstsThatAverageLessThanHalfTheRate() {
        AdaptiveRateLimiter finding = AdaptiveRateLimiter.finding(time);
        for (int burst = 0; burst < 10; burst++) {
            time.advance(Duration.ofSeconds(1));
            // Eight senders released together (8/s, under half the starting 20/s): the last of them waits for its slot.
            Duration lastWait = Duration.ZERO;
            for (int sender = 0; sender < 8; sender++) {
                lastWait = finding.reserve();
            }
            assertThat(lastWait).isPositive();
            time.advance(lastWait);
            for (int sender = 0; sender < 8; sender++) {
                finding.onSuccess();
            }
        }

        assertThat(finding.currentRate()).as("grown, but within four times the 8 successes a second, plus the start")
                .isGreaterThan(2 * AdaptiveRateLimiter.START_RATE)
                .isLessThanOrEqualTo(4 * 16 + AdaptiveRateLimiter.START_RATE);
    }

    @Test
    void withoutARateLimitTheFirstThrottleSetsTheAllowanceToWhatThePlatformAccepted() {
        AdaptiveRateLimiter finding = AdaptiveRateLimiter.finding(time);
        time.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 15; i++) {
            finding.onSuccess();
        }
        time.advance(Duration.ofSeconds(1));

        finding.onThrottled();

        assertThat(finding.allowanceEstimate()).isCloseTo(15, within(1e-9));
        assertThat(finding.currentRate()).isCloseTo(13.5, within(1e-9));
    }

    @Test
    void aConfiguredRateLimitIsNeverExceededWhateverThePlatformAccepts() {
        for (int i = 0; i < 10_000; i++) {
            time.advance(Duration.ofMillis(1));
            limiter.onSuccess();
        }

        assertThat(limiter.currentRate()).isEqualTo(10.0);
        assertThat(limiter.allowanceEstimate()).isEqualTo(10.0);
    }

    @Test
    void probesBackUpToTheCapWhileNothingIsThrottled() {
        limiter.onThrottled();
        for (int i = 0; i < 10_000; i++) {
            limiter.onSuccess();
        }

        assertThat(limiter.currentRate()).isEqualTo(10.0);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdaptiveRateLimiter(0, time));
    }
}
