package dev.superapp.batch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import dev.superapp.batch.platform.mos.MosSigner;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Seed 002: a JSON POST carrying {@code appKey}, {@code nonceStr} and an MD5 {@code sign}, and the
 * answer {@code {"code":N,"msg":"...","data":...}}. The sandbox's MOS mini app is the same as its
 * SuperApp one: {@code appKey} is the sandbox's {@code appId}, {@code appSecret} its secret. A
 * {@code nonceStr} is accepted once (among the latest 100,000), as replay protection asks.
 * Refusals come with HTTP 200 and a code.
 */
final class MosDialect implements Dialect {

    private static final int REMEMBERED_NONCES = 100_000;

    private final String appKey;
    private final MosSigner signer;
    private final Map<String, Function<MosRequest, SandboxAnswer>> endpoints;
    // The latest nonces only, so a long benchmark does not grow the sandbox without end.
    private final Set<String> usedNonces = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_NONCES;
                }
            }));

    MosDialect(String appKey, String appSecret, MosEndpoints endpoints) {
        this.appKey = appKey;
        this.signer = new MosSigner(appSecret);
        this.endpoints = Map.of(
                OpenApiPaths.MOS_ORDER_QUERY, endpoints::orderQuery,
                OpenApiPaths.MOS_CODE_TO_SESSION, endpoints::codeToSession,
                OpenApiPaths.MOS_GET_APPLICATION, endpoints::application);
    }

    /** The paths this dialect answers. */
    Iterable<String> paths() {
        return endpoints.keySet();
    }

    @Override
    public SandboxAnswer act(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            return SandboxAnswer.mos(405, 405, "use POST", null);
        }
        try {
            MosRequest request = MosRequest.read(exchange);
            check(request);
            return endpoints.get(request.path()).apply(request);
        } catch (RequestRefused refused) {
            return SandboxAnswer.mos(200, refused.status(), refused.getMessage(), null);
        }
    }

    private void check(MosRequest request) {
        if (!appKey.equals(request.fields().get("appKey"))) {
            throw RequestRefused.unauthorized("appKey is missing or not a mini app of this sandbox");
        }
        if (!signer.verifies(request.fields())) {
            throw RequestRefused.unauthorized("sign is missing or does not match the request");
        }
        // Checked after the sign, so that only a genuine request can use a nonce up.
        if (!usedNonces.add(request.required("nonceStr"))) {
            throw RequestRefused.badRequest("nonceStr was used before");
        }
    }

    @Override
    public SandboxAnswer beforeActing(Fault fault) {
        return switch (fault) {
            case HTTP_500 -> SandboxAnswer.mos(500, 500, "internal server error", null);
            case HTTP_503 -> SandboxAnswer.plainText(503, "service unavailable");
            case HTTP_429 -> SandboxAnswer.mos(429, 429, "too many requests", null);
            case STATUS_500_IN_BODY -> SandboxAnswer.mos(200, 500, "system busy, please try again later", null);
            case TIMEOUT, MALFORMED_JSON, BAD_GATEWAY_AFTER_ACTING, NO_OUT_TRADE_NO, DROPPED_AFTER_ACTING, SLOW_ANSWER,
                 NO_PAYLOAD -> throw new IllegalArgumentException(fault + " strikes after acting");
        };
    }

    @Override
    public SandboxAnswer sandboxError() {
        return SandboxAnswer.mos(500, 500, "sandbox error", null);
    }
}
