package dev.superapp.batch.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * {@link CallMetrics} as Micrometer meters, scraped at {@code /actuator/prometheus}:
 * {@code platform_requests_total{endpoint,outcome}}, {@code platform_retries_total{endpoint}},
 * {@code platform_throttles_total{endpoint}}, and the gauges {@code platform_requests_in_flight},
 * {@code platform_rate_limit{platform}} and {@code platform_rate_allowance_estimate{platform}}.
 */
final class MicrometerCallMetrics implements CallMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight;

    MicrometerCallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inFlight = registry.gauge("platform.requests.in.flight", new AtomicInteger());
    }

    @Override
    public void requestEnded(String endpoint, String outcome) {
        Counter.builder("platform.requests").description("Requests sent to the platform, by how they ended")
                .tag("endpoint", endpoint).tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void retried(String endpoint) {
        Counter.builder("platform.retries").tag("endpoint", endpoint).register(registry).increment();
    }

    @Override
    public void throttled(String endpoint) {
        Counter.builder("platform.throttles").tag("endpoint", endpoint).register(registry).increment();
    }

    @Override
    public void inFlight(int delta) {
        inFlight.addAndGet(delta);
    }

    @Override
    public void rateLimiter(String platform, DoubleSupplier rate, DoubleSupplier allowanceEstimate) {
        // The suppliers hold the limiter, which lives as long as its client: a strong reference is meant.
        Gauge.builder("platform.rate.limit", rate, DoubleSupplier::getAsDouble).strongReference(true)
                .description("Requests per second the adaptive limiter allows now").tag("platform", platform)
                .register(registry);
        Gauge.builder("platform.rate.allowance.estimate", allowanceEstimate, DoubleSupplier::getAsDouble)
                .strongReference(true).description("What the limiter thinks the platform accepts per second")
                .tag("platform", platform).register(registry);
    }
}
