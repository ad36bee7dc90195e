package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.PlatformAllowanceSimulation.Result;
import dev.superapp.batch.sandbox.LimiterShape;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The limiter against each way platforms count requests, on simulated time: 32 senders, 50 ms per answer, a
 * platform allowing 200 requests/s, 24,000 requests (two minutes of sending, 1.2 M recipients).
 */
class AdaptiveRateLimiterAgainstPlatformsTest {

    private static final double ALLOWANCE = 200;

    @ParameterizedTest
    @EnumSource(LimiterShape.class)
    void findsTheAllowanceItselfAndHoldsJustUnderIt(LimiterShape shape) {
        Result result = new PlatformAllowanceSimulation(AdaptiveRateLimiter::finding, shape, ALLOWANCE,
                Duration.ofMillis(50)).run(32, 24_000);

        String figures = "%s: %.1f/s, %.2f %% throttled, peak %.0f/s".formatted(shape, result.acceptedPerSecond(),
                100 * result.throttledShare(), result.peakRate());
        // Printed as well as asserted: the README's table of simulated figures is copied from here.
        System.out.println("simulated against the platform's limiter, " + figures);
        assertThat(result.acceptedPerSecond()).as(figures).isGreaterThan(0.95 * ALLOWANCE);
        assertThat(result.throttledShare()).as(figures).isLessThan(0.01);
    }

    @ParameterizedTest
    @EnumSource(LimiterShape.class)
    void neverExceedsAConfiguredRateLimitThatThePlatformWouldAccept(LimiterShape shape) {
        Result result = new PlatformAllowanceSimulation(time -> new AdaptiveRateLimiter(150, time), shape, ALLOWANCE,
                Duration.ofMillis(50)).run(32, 6_000);

        assertThat(result.peakRate()).isEqualTo(150);
        assertThat(result.throttled()).isZero();
        assertThat(result.acceptedPerSecond()).isGreaterThan(0.99 * 150).isLessThanOrEqualTo(150);
    }
}
