package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.PlatformAnswer;
import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.TradeNotFoundException;
import dev.superapp.batch.platform.StrictJson;
import dev.superapp.batch.platform.UnusableAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the envelope of a MOS answer, {@code {"code":0,"msg":"...","data":...}}, strictly. Seed 002
 * shows only the {@code data} objects; the envelope is the one the MOS common service unwraps, and
 * the sandbox answers with it. {@code code} 0 is success (a JSON number, or its text form); HTTP 429
 * or code 429 is throttling and HTTP 5xx or code 500 a fault, both for the caller to decide on; code 404
 * from {@code orderQuery} means no such order; any other code is a refusal.
 */
final class MosAnswerReader {

    static final int SUCCESS = 0;
    static final int NOT_FOUND = 404;
    static final int THROTTLED = 429;
    static final int FAULT = 500;

    private final JsonMapper json;

    MosAnswerReader(JsonMapper json) {
        this.json = StrictJson.of(json);
    }

    /**
     * The {@code data} of a success answer (a missing node if it has none).
     *
     * @throws UnusableAnswer            throttled, a fault, or an HTTP 200 that is not a well-formed envelope
     * @throws TradeNotFoundException    code 404 from {@code orderQuery}
     * @throws PlatformRejectedException any other code, or an HTTP status other than 200, 429 and 5xx
     */
    JsonNode data(PlatformEndpoint endpoint, PlatformAnswer answer) throws UnusableAnswer {
        String name = endpoint.label();
        String body = answer.body();
        answer.throwIfThrottledOrFault(endpoint);
        if (answer.status() != 200) {
            throw new PlatformRejectedException(name, answer.status(), null, body);
        }
        JsonNode root = parse(name, body);
        int code = code(name, root, body);
        String msg = root.path("msg").isString() ? root.path("msg").stringValue() : null;
        return switch (code) {
            case SUCCESS -> root.path("data");
            case THROTTLED -> throw UnusableAnswer.throttled(name + " answered code 429: " + msg, answer.header("Retry-After"),
                    body);
            case FAULT -> throw UnusableAnswer.serverFault(name + " answered code 500: " + msg, body);
            case NOT_FOUND -> throw endpoint.equals(MosEndpoint.ORDER_QUERY)
                    ? new TradeNotFoundException(name, msg, body)
                    : new PlatformRejectedException(name, code, msg, body);
            default -> throw new PlatformRejectedException(name, code, msg, body);
        };
    }

    private JsonNode parse(String name, String body) throws UnusableAnswer {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw UnusableAnswer.malformed(name + " answered something that is not JSON", body, e);
        }
    }

    private static int code(String name, JsonNode root, String body) throws UnusableAnswer {
        JsonNode code = root.path("code");
        if (code.isInt()) {
            return code.intValue();
        }
        if (code.isString() && code.stringValue().matches("\\d{1,9}")) {
            return Integer.parseInt(code.stringValue());
        }
        throw UnusableAnswer.malformed(name + " answered without a numeric code", body, null);
    }
}
