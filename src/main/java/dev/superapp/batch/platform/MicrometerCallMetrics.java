package dev.superapp.batch.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link CallMetrics} as Micrometer meters, scraped at {@code /actuator/prometheus}:
 * {@code platform_requests_total{endpoint,outcome}}, {@code platform_retries_total{endpoint}},
 * {@code platform_throttles_total{endpoint}} and the gauge {@code platform_requests_in_flight}.
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
}
