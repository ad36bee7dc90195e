package dev.superapp.batch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link ResilientCaller} reports to Micrometer: requests by endpoint and outcome, retries, throttles, in flight. */
class CallMetricsTest {

    private final FakeTime time = new FakeTime();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ResilientCaller caller = new ResilientCaller(4, new AdaptiveRateLimiter(1000, time),
            new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60)), time, time, () -> 1.0,
            new MicrometerCallMetrics(registry));

    @Test
    void countsEveryRequestByEndpointAndOutcomeWithRetriesAndThrottles() {
        Deque<Object> outcomes = new ArrayDeque<>(List.of(UnusableAnswer.throttled("slow down", null, "{}"),
                UnusableAnswer.serverFault("fault", "{}"), new ConnectException("refused"), "ok"));

        caller.call("SuperApp tradedetail", CallKind.READ, () -> next(outcomes));

        assertThat(requests("SuperApp tradedetail", "throttled")).isEqualTo(1);
        assertThat(requests("SuperApp tradedetail", "server_fault")).isEqualTo(1);
        assertThat(requests("SuperApp tradedetail", "no_answer")).isEqualTo(1);
        assertThat(requests("SuperApp tradedetail", "success")).isEqualTo(1);
        assertThat(registry.get("platform.retries").tag("endpoint", "SuperApp tradedetail").counter().count()).isEqualTo(2);
        assertThat(registry.get("platform.throttles").tag("endpoint", "SuperApp tradedetail").counter().count()).isEqualTo(1);
        assertThat(registry.get("platform.requests.in.flight").gauge().value()).isZero();
    }

    @Test
    void countsARefusalAndShowsARequestInFlightWhileItIsSent() {
        double[] inFlightDuringSend = new double[1];

        assertThatThrownBy(() -> caller.call("SuperApp sendNotify", CallKind.UNREPEATABLE_WRITE, () -> {
            inFlightDuringSend[0] = registry.get("platform.requests.in.flight").gauge().value();
            throw new PlatformRejectedException("SuperApp sendNotify", 401, "bad sign", "{}");
        })).isInstanceOf(PlatformRejectedException.class);

        assertThat(inFlightDuringSend[0]).isEqualTo(1);
        assertThat(requests("SuperApp sendNotify", "refused")).isEqualTo(1);
        assertThat(registry.get("platform.requests.in.flight").gauge().value()).isZero();
    }

    @Test
    void showsEachPlatformsLimiterRateAndAllowanceEstimateAsGauges() {
        MicrometerCallMetrics metrics = new MicrometerCallMetrics(registry);
        ResilientCaller.forPlatform("superapp", limits(null), metrics);
        ResilientCaller.forPlatform("cardform", limits(50.0), metrics);

        assertThat(gauge("platform.rate.limit", "superapp")).isEqualTo(AdaptiveRateLimiter.START_RATE);
        assertThat(gauge("platform.rate.allowance.estimate", "superapp")).as("still searching").isNaN();
        assertThat(gauge("platform.rate.limit", "cardform")).isEqualTo(50.0);
        assertThat(gauge("platform.rate.allowance.estimate", "cardform")).isEqualTo(50.0);
    }

    private static PlatformProperties limits(Double rateLimit) {
        return new PlatformProperties(4, rateLimit, Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(8),
                Duration.ofSeconds(10));
    }

    private double gauge(String name, String platform) {
        return registry.get(name).tag("platform", platform).gauge().value();
    }

    private double requests(String endpoint, String outcome) {
        return registry.get("platform.requests").tag("endpoint", endpoint).tag("outcome", outcome).counter().count();
    }

    private static String next(Deque<Object> outcomes) throws IOException, UnusableAnswer {
        Object outcome = outcomes.pop();
        if (outcome instanceof IOException e) {
            throw e;
        }
        if (outcome instanceof UnusableAnswer e) {
            throw e;
        }
        return (String) outcome;
    }
}
