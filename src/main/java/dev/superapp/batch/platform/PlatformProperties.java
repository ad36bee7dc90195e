package dev.superapp.batch.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard we may press one platform.
 *
 * @param maxInFlight    requests under way at once toward one platform
 * @param rateLimit      requests per second toward one platform (starting rate when adaptive)
 * @param callDeadline   how long one call may keep retrying, 429 waits included
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    wait for response bytes
 * @param callTimeout    whole single HTTP exchange
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue("16") int maxInFlight,
        @DefaultValue("100") double rateLimit,
        @DefaultValue("60s") Duration callDeadline,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("20s") Duration callTimeout) {
}
