package dev.superapp.batch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** batch.lease.* with their defaults, and batch.orphan-after still read as a deprecated alias of the timeout. */
class LeaseConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LeaseConfiguration.class);

    @Test
    void defaultsToAFiveSecondHeartbeatAndAThirtySecondTimeout() {
        context.run(leases -> assertThat(leases.getBean(LeaseSettings.class))
                .isEqualTo(new LeaseSettings(Duration.ofSeconds(5), Duration.ofSeconds(30))));
    }

    @Test
    void theDeprecatedOrphanAfterSetsTheTimeoutUnlessTheTimeoutIsSet() {
        context.withPropertyValues("batch.orphan-after=10m").run(leases ->
                assertThat(leases.getBean(LeaseSettings.class).timeout()).isEqualTo(Duration.ofMinutes(10)));
        context.withPropertyValues("batch.orphan-after=10m", "batch.lease.timeout=45s").run(leases ->
                assertThat(leases.getBean(LeaseSettings.class).timeout()).isEqualTo(Duration.ofSeconds(45)));
    }

    @Test
    void anOldOrphanAfterOfZeroBecomesTheShortestSafeTimeoutInsteadOfTakingOverLiveRuns() {
        context.withPropertyValues("batch.orphan-after=0s", "batch.lease.heartbeat=2s").run(leases ->
                assertThat(leases.getBean(LeaseSettings.class).timeout()).isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void aTimeoutNotAboveTheHeartbeatIsRefusedAtStartup() {
        context.withPropertyValues("batch.lease.timeout=5s").run(leases ->
                assertThat(leases).getFailure().rootCause().hasMessageContaining("batch.lease.timeout (PT5S) must be longer"));
    }
}
