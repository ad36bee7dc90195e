package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * Seed 001: form-encoded parameters, {@link RequestAuthenticator} in front of every endpoint, and
 * the envelope {@code {"responseHeader":{"status":N,"msg":"..."},"response":...}} for every answer.
 */
final class OpenApiDialect implements Dialect {

    private final Map<String, Route> routes;
    private final RequestAuthenticator authenticator;

    OpenApiDialect(Map<String, Route> routes, RequestAuthenticator authenticator) {
        this.routes = Map.copyOf(routes);
        this.authenticator = authenticator;
    }

    /** The paths this dialect answers. */
    Iterable<String> paths() {
        return routes.keySet();
    }

    @Override
    public SandboxAnswer act(HttpExchange exchange) throws IOException {
        Route route = routes.get(exchange.getRequestURI().getPath());
        try {
            SandboxRequest request = SandboxRequest.read(exchange);
            if (!route.method().equals(request.method())) {
                return SandboxAnswer.envelope(405, 405, "use " + route.method(), null);
            }
            authenticator.check(request);
            return route.endpoint().apply(request);
        } catch (RequestRefused refused) {
            return SandboxAnswer.refused(refused.status(), refused.getMessage());
        }
    }

    @Override
    public SandboxAnswer beforeActing(Fault fault) {
        return switch (fault) {
            case HTTP_500 -> SandboxAnswer.envelope(500, 500, "internal server error", null);
            case HTTP_503 -> SandboxAnswer.plainText(503, "service unavailable");
            case HTTP_429 -> SandboxAnswer.throttled();
            case STATUS_500_IN_BODY -> SandboxAnswer.refused(500, "system busy, please try again later");
            case TIMEOUT, MALFORMED_JSON, BAD_GATEWAY_AFTER_ACTING, NO_OUT_TRADE_NO, DROPPED_AFTER_ACTING, SLOW_ANSWER,
                 NO_PAYLOAD -> throw new IllegalArgumentException(fault + " strikes after acting");
        };
    }

    @Override
    public SandboxAnswer sandboxError() {
        return SandboxAnswer.envelope(500, 500, "sandbox error", null);
    }
}
