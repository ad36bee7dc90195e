package dev.superapp.batch.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the platforms: one shared {@link OkHttpClient}, the {@link PlatformTransport} every
 * platform client sends through, and the SuperApp client. Creating the clients needs no credentials, so
 * every command's context starts; a client checks its credentials when first called, and refuses a base
 * URL it may not trust at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PlatformProperties.class, PlatformTransportProperties.class, SuperAppProperties.class})
class PlatformConfiguration {

    /** Shared by every platform client: one connection pool, explicit timeouts for each attempt, no redirects. */
    @Bean
    OkHttpClient platformHttpClient(PlatformProperties platform) {
        return new OkHttpClient.Builder()
                .connectTimeout(platform.connectTimeout())
                .readTimeout(platform.readTimeout())
                // Request bodies are small forms: a write that stalls as long as a read has failed.
                .writeTimeout(platform.readTimeout())
                .callTimeout(platform.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                // Keep as many idle connections as requests may be in flight toward one platform.
                .connectionPool(new ConnectionPool(platform.maxInFlight(), 5, TimeUnit.MINUTES))
                .build();
    }

    @Bean
    PlatformTransport platformTransport(OkHttpClient platformHttpClient, PlatformTransportProperties trust) {
        return new PlatformTransport(platformHttpClient, trust);
    }

    /** Every platform's calls are counted in the same meters, tagged by endpoint. */
    @Bean
    CallMetrics platformCallMetrics(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        return registry == null ? CallMetrics.NONE : new MicrometerCallMetrics(registry);
    }

    @Bean
    SuperAppClient superAppClient(PlatformTransport platformTransport, JsonMapper jsonMapper, SuperAppProperties superApp,
                                  PlatformProperties platform, ObjectProvider<Clock> clock, CallMetrics platformCallMetrics) {
        return new SuperAppClient(superApp, platformTransport, jsonMapper,
                ResilientCaller.forPlatform(SuperAppClient.PLATFORM_ID, platform, platformCallMetrics), clock.getIfAvailable(Clock::systemUTC));
    }
}
