package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.CallMetrics;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.ResilientCaller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MOS client on the shared {@link PlatformTransport}, with a {@link ResilientCaller} of its own: MOS
 * throttling must not slow the other platforms, but it is pressed within the same {@code platform.*} limits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MosProperties.class, PlatformProperties.class})
class MosConfiguration {

    @Bean
    MosClient mosClient(PlatformTransport platformTransport, JsonMapper jsonMapper, MosProperties mos,
                        PlatformProperties platform, CallMetrics platformCallMetrics) {
        ResilientCaller caller = ResilientCaller.forPlatform(MosClient.PLATFORM_ID, platform, platformCallMetrics);
        return new MosClient(mos, platformTransport, jsonMapper, caller, MosClient::randomNonce);
    }
}
