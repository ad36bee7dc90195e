package dev.superapp.batch.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard we may press one platform.
 *
 * @param maxInFlight    requests under way at once toward one platform
 * @param rateLimit      requests per second toward one platform, a hard ceiling of the adaptive rate; null
 *                       (not set): the limiter finds the platform's allowance itself
 * @param callDeadline   how long one call may keep retrying, 429 waits included
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    wait for response bytes
 * @param callTimeout    whole single HTTP exchange; with the defaults, five attempts that all time out
 *                       (5 × 10 s plus backoff) fit the 60 s deadline, so the retry budget of at least
 *                       five attempts holds for timeouts too
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue("16") int maxInFlight,
        Double rateLimit,
        @DefaultValue("60s") Duration callDeadline,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("8s") Duration readTimeout,
        @DefaultValue("10s") Duration callTimeout) {
}
