package dev.superapp.batch.sandbox;

import dev.superapp.batch.platform.SuperAppSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The platform's gate in front of every endpoint: the {@code appid} must be the sandbox's, the
 * {@code timestamp} within 5 minutes of the sandbox clock and the {@code sign} right. Messages say
 * which check failed and nothing more: never the secret, never the signature that was expected.
 */
final class RequestAuthenticator {

    private static final long MAX_SKEW_MILLIS = Duration.ofMinutes(5).toMillis();

    private final String appId;
    private final SuperAppSigner signer;
    private final Clock clock;

    RequestAuthenticator(String appId, SuperAppSigner signer, Clock clock) {
        this.appId = appId;
        this.signer = signer;
        this.clock = clock;
    }

    /** @throws RequestRefused with status 401 when any check fails */
    void check(SandboxRequest request) {
        Map<String, String> params = request.params();
        if (!appId.equals(params.get("appid"))) {
            throw RequestRefused.unauthorized("appid is missing or not registered");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            throw RequestRefused.unauthorized("timestamp is missing or not epoch milliseconds");
        }
        if (Math.abs(clock.millis() - timestamp) > MAX_SKEW_MILLIS) {
            throw RequestRefused.unauthorized("timestamp is more than 5 minutes away from the server clock");
        }
        if (!signer.verifies(params)) {
            throw RequestRefused.unauthorized("sign is missing or does not match the parameters");
        }
    }
}
