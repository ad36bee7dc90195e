package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.CallMetrics;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.ResilientCaller;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The v2 OpenAPI transport on the shared {@link PlatformTransport}, with a {@link ResilientCaller} of its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({V2Properties.class, PlatformProperties.class})
class V2Configuration {

    @Bean
    V2Client v2Client(PlatformTransport platformTransport, JsonMapper jsonMapper, V2Properties v2,
                      PlatformProperties platform, CallMetrics platformCallMetrics, ObjectProvider<Clock> clock) {
        ResilientCaller caller = ResilientCaller.forPlatform("openapi-v2", platform, platformCallMetrics);
        return new V2Client(v2, platformTransport, jsonMapper, caller, clock.getIfAvailable(Clock::systemUTC));
    }
}
