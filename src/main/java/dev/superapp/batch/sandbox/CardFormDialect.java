package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * Seed 003: a JSON body checked by the {@link CardFormAuthenticator}, and the answer
 * {@code {"code":N,"message":"...","data":...}}. Refusals come with HTTP 200 and the seed's code;
 * throttling is the seed's code 2 rather than HTTP 429.
 */
final class CardFormDialect implements Dialect {

    private final CardFormAuthenticator authenticator;
    private final Map<String, Function<CardFormRequest, SandboxAnswer>> endpoints;

    CardFormDialect(CardFormAuthenticator authenticator, CardFormEndpoints endpoints) {
        this.authenticator = authenticator;
        this.endpoints = Map.of(
                OpenApiPaths.SEND_CARD_FORM, endpoints::send,
                OpenApiPaths.GET_CARD_FORM, endpoints::get);
    }

    /** The paths this dialect answers. */
    Iterable<String> paths() {
        return endpoints.keySet();
    }

    @Override
    public SandboxAnswer act(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            return SandboxAnswer.cardForm(405, 405, "use POST", null);
        }
        try {
            CardFormRequest request = CardFormRequest.read(exchange);
            authenticator.check(request);
            return endpoints.get(request.path()).apply(request);
        } catch (RequestRefused refused) {
            return SandboxAnswer.cardForm(200, refused.status(), refused.getMessage(), null);
        }
    }

    @Override
    public SandboxAnswer beforeActing(Fault fault) {
        CardFormCode throttled = CardFormCode.THROTTLED;
        return switch (fault) {
            case HTTP_500 -> SandboxAnswer.cardForm(500, 500, "internal server error", null);
            case HTTP_503 -> SandboxAnswer.plainText(503, "service unavailable");
            case HTTP_429 -> SandboxAnswer.cardForm(200, throttled.code(), throttled.wording(), null);
            case STATUS_500_IN_BODY -> SandboxAnswer.cardForm(200, "00002", throttled.wording(), null);
            case TIMEOUT, MALFORMED_JSON, BAD_GATEWAY_AFTER_ACTING, NO_OUT_TRADE_NO, DROPPED_AFTER_ACTING, SLOW_ANSWER,
                 NO_PAYLOAD -> throw new IllegalArgumentException(fault + " strikes after acting");
        };
    }

    @Override
    public SandboxAnswer sandboxError() {
        return SandboxAnswer.cardForm(500, 500, "sandbox error", null);
    }
}
