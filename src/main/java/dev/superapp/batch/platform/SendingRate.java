package dev.superapp.batch.platform;

/**
 * Where one platform's {@link AdaptiveRateLimiter} stands: what a campaign's progress shows beside its counts.
 *
 * @param rateLimit          requests per second allowed now
 * @param allowanceEstimate  what the platform is thought to accept per second; null while the limiter is still
 *                           searching for it (no throttle answer yet, and no {@code platform.rate-limit})
 */
public record SendingRate(double rateLimit, Double allowanceEstimate) {
}
