package dev.superapp.batch.platform.cardform;

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

/**
 * The card-form client on the shared {@link PlatformTransport} of the platform configuration. It has a
 * {@link ResilientCaller} of its own: the card form is another platform, whose throttling must
 * not slow the SuperApp calls down, but it is pressed within the same {@code platform.*} limits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CardFormProperties.class, PlatformProperties.class})
class CardFormConfiguration {

    @Bean
    CardFormClient cardFormClient(PlatformTransport platformTransport, JsonMapper jsonMapper, CardFormProperties cardForm,
                                  PlatformProperties platform, CallMetrics platformCallMetrics, ObjectProvider<Clock> clock) {
        ResilientCaller caller = ResilientCaller.forPlatform(CardFormClient.PLATFORM_ID, platform, platformCallMetrics);
        return new CardFormClient(cardForm, platformTransport, jsonMapper, caller, clock.getIfAvailable(Clock::systemUTC));
    }
}
