package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResilientCallerTest {

    private final FakeTime time = new FakeTime();
    private final AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(1000, time);

    @Test
    void throttledAnswersUseUpNoAttempts() {
        Script script = new Script(throttled(null), throttled(null), throttled(null), throttled(null), "ok");

        String answer = caller(policy(2, Duration.ofSeconds(60)), 1.0).call("test", CallKind.READ, script);

        assertThat(answer).isEqualTo("ok");
        assertThat(script.sends).isEqualTo(5);
    }

    @Test
    void waitsAFullJitterBackoffBetweenRetries() {
        Script script = new Script(fault(), fault(), fault(), "ok");

        caller(policy(5, Duration.ofSeconds(60)), 0.5).call("test", CallKind.READ, script);

        assertThat(time.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void givesUpWhenTheAttemptsAreUsedUp() {
        Script script = new Script(fault());

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(60)), 1.0).call("test", CallKind.READ, script))
                .isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(5);
                    assertThat(e.rawAnswer()).isEqualTo("fault body");
                    assertThat(e.getMessage()).contains("test", "5 attempt(s)", "server fault");
                });
        assertThat(script.sends).isEqualTo(5);
    }

    @Test
    void givesUpBeforeAWaitWouldPassTheCallDeadline() {
        Script script = new Script(throttled("4"));

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(10)), 1.0).call("test", CallKind.READ, script))
                .isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("call deadline");
        assertThat(script.sends).isEqualTo(3);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void slowsTheLimiterDownOnThrottlingAndRecoversOnSuccess() {
        Script script = new Script(throttled(null), "ok");
        ResilientCaller caller = caller(policy(5, Duration.ofSeconds(60)), 1.0);

        caller.call("test", CallKind.READ, script);

        assertThat(limiter.currentRate()).isGreaterThan(500).isLessThan(1000);
    }

    @Test
    void aCallHeldBackBeforeItsFirstAttemptSendsNothing() {
        Script script = new Script("ok");

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(60)), 1.0)
                .call("test", CallKind.UNREPEATABLE_WRITE, () -> false, script))
                .isInstanceOf(PlatformNotSentException.class).hasMessage("test was not sent: held back before it left");
        assertThat(script.sends).isZero();
    }

    @Test
    void aCallHeldBackAfterThrottledAttemptsOnlyWasNotActedOn() {
        Script script = new Script(throttled(null), throttled(null), "ok");
        int[] asked = {0};

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(60)), 1.0)
                .call("test", CallKind.REPEATABLE_WRITE, () -> ++asked[0] < 3, script))
                .isInstanceOf(PlatformNotSentException.class);
        assertThat(script.sends).isEqualTo(2);
    }

    @Test
    void aCallHeldBackBeforeRetryingAnAttemptThatMayHaveActedIsAmbiguous() {
        Script script = new Script(fault(), "ok");
        int[] asked = {0};

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(60)), 1.0)
                .call("test", CallKind.REPEATABLE_WRITE, () -> ++asked[0] < 2, script))
                .isInstanceOf(AmbiguousOutcomeException.class).hasMessageContaining("held back before trying again");
        assertThat(script.sends).isEqualTo(1);
    }

    @Test
    void passesARefusalThroughWithoutRetrying() {
        PlatformRejectedException refusal = new PlatformRejectedException("test", 401, "bad sign", "{}");
        Script script = new Script(refusal, "ok");

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(60)), 1.0).call("test", CallKind.READ, script))
                .isSameAs(refusal);
        assertThat(script.sends).isEqualTo(1);
    }

    @Test
    void reportsAnUnrepeatableWriteThatTimedOutAsAmbiguous() {
        Script script = new Script(new SocketTimeoutException("timeout"), "ok");

        assertThatThrownBy(() -> caller(policy(5, Duration.ofSeconds(60)), 1.0).call("test", CallKind.UNREPEATABLE_WRITE, script))
                .isInstanceOf(AmbiguousOutcomeException.class);
        assertThat(script.sends).isEqualTo(1);
    }

    @Test
    void retriesAnUnrepeatableWriteThatCouldNotConnect() {
        Script script = new Script(new ConnectException("refused"), "ok");

        assertThat(caller(policy(5, Duration.ofSeconds(60)), 1.0).call("test", CallKind.UNREPEATABLE_WRITE, script))
                .isEqualTo("ok");
        assertThat(script.sends).isEqualTo(2);
    }

    @Test
    void retriesAnUnreadableAnswerToARepeatableWriteSinceDoingItAgainIsSafe() throws Exception {
        Script script = new Script(UnusableAnswer.malformed("garbage", "<html>", null), "ok");

        assertThat(caller(policy(5, Duration.ofSeconds(60)), 1.0).call("test", CallKind.REPEATABLE_WRITE, script))
                .isEqualTo("ok");
        assertThat(script.sends).isEqualTo(2);
    }

    private ResilientCaller caller(RetryPolicy policy, double jitter) {
        return new ResilientCaller(4, limiter, policy, time, time, () -> jitter);
    }

    private static RetryPolicy policy(int attempts, Duration deadline) {
        return new RetryPolicy(attempts, Duration.ofMillis(200), Duration.ofSeconds(5), deadline);
    }

    private static UnusableAnswer throttled(String retryAfter) {
        return UnusableAnswer.throttled("throttled", retryAfter, "throttled body");
    }

    private static UnusableAnswer fault() {
        return UnusableAnswer.serverFault("server fault", "fault body");
    }

    /** Answers each send with the next outcome; the last one repeats. */
    private static final class Script implements ResilientCaller.Attempt<String> {
        private final List<Object> outcomes;
        private int sends;

        Script(Object... outcomes) {
            this.outcomes = new ArrayList<>(List.of(outcomes));
        }

        @Override
        public String send() throws IOException, UnusableAnswer {
            Object outcome = outcomes.get(Math.min(sends++, outcomes.size() - 1));
            if (outcome instanceof IOException e) {
                throw e;
            }
            if (outcome instanceof UnusableAnswer e) {
                throw e;
            }
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return (String) outcome;
        }
    }
}
