package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The waits of {@link SignInThrottle}, on a clock the test moves. */
class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theFirstFourFailuresCostNothingAndTheFifthAWaitThatDoublesUpToFifteenMinutes() {
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(throttle.failed("ada", "10.0.0.1")).as("failure %d", failure).isZero();
        }
        assertThat(throttle.failed("ada", "10.0.0.1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("ada", "10.0.0.9")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("bob", "10.0.0.1")).as("the address waits too").isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("ada", "10.0.0.1")).isZero();
        assertThat(throttle.failed("ada", "10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.waitAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInThrottle.waitAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.waitAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void oneNameGuessedFromManyAddressesWaitsAndSoDoesOneAddressGuessingManyNames() {
        for (int address = 1; address <= 5; address++) {
            throttle.failed("ada", "10.0.1." + address);
        }
        for (int name = 1; name <= 5; name++) {
            throttle.failed("user" + name, "10.0.2.1");
        }

        assertThat(throttle.waitBefore("ADA", "10.0.9.9")).as("names compare in lower case").isPositive();
        assertThat(throttle.waitBefore("someone", "10.0.2.1")).isPositive();
        assertThat(throttle.waitBefore("someone", "10.0.9.9")).isZero();
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddressAndOldFailuresAreForgotten() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed("ada", "10.0.0.1");
        }
        throttle.succeeded("ada");
        assertThat(throttle.waitBefore("ada", "10.0.0.2")).isZero();
        assertThat(throttle.waitBefore("ada", "10.0.0.1")).isPositive();

        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed("ada", "10.0.0.1")).as("counting starts again").isZero();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
