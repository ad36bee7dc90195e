package dev.superapp.batch.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.platform.PlatformProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Which rate a plan reckons with, and that it says where the rate comes from. */
class SendRatesTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Double> superAppRate = new AtomicReference<>(20.0);

    SendRatesTest() {
        Gauge.builder("platform.rate.limit", superAppRate, AtomicReference::get).tag("platform", "superapp").register(meters);
    }

    @Test
    void aConfiguredRateLimitIsTheRate() {
        assertThat(rates(12.5).of(Channel.NOTIFY)).isEqualTo(new SendRate(12.5, SendRate.Source.CONFIGURED));
    }

    @Test
    void withoutOneTheLimitersRateOnThisNodeOnceItHasMovedFromItsStart() {
        assertThat(rates(null).of(Channel.ACTIVITY)).isEqualTo(new SendRate(20, SendRate.Source.STARTING));

        superAppRate.set(187.0);

        assertThat(rates(null).of(Channel.ACTIVITY)).isEqualTo(new SendRate(187, SendRate.Source.CURRENT));
    }

    @Test
    void aPlatformWhoseLimiterIsNotMeasuredHereIsAtItsStartingRate() {
        assertThat(rates(null).of(Channel.CARDFORM)).isEqualTo(new SendRate(20, SendRate.Source.STARTING));
    }

    private SendRates rates(Double rateLimit) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meters", meters);
        return new SendRates(new PlatformProperties(16, rateLimit, Duration.ofSeconds(60), Duration.ofSeconds(3),
                Duration.ofSeconds(8), Duration.ofSeconds(10)), beans.getBeanProvider(MeterRegistry.class));
    }
}
