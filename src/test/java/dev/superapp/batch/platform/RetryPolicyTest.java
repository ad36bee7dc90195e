package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsFollowTheContract() {
        RetryPolicy policy = RetryPolicy.defaults(Duration.ofSeconds(60));

        assertThat(policy.maxAttempts()).isGreaterThanOrEqualTo(5);
        assertThat(policy.baseBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.callDeadline()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void backoffCeilingDoublesFromTheBaseUpToTheCap() {
        RetryPolicy policy = RetryPolicy.defaults(Duration.ofSeconds(60));

        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffCeiling(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(policy.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoffCeiling(1000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesABudgetThatCannotWork() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(5, Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(60)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ZERO));
    }
}
