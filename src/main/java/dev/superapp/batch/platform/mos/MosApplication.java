package dev.superapp.batch.platform.mos;

/**
 * What {@code getApplication} says about this mini app. The answer's {@code appSecret} is
 * deliberately not kept: this service has its own from {@code mos.app-secret}, and a copy here could
 * end up in a log.
 *
 * @param status whether the application is enabled
 */
public record MosApplication(String appName, String appKey, String description, boolean status, String notifyUrl) {
}
