package dev.superapp.batch.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTTP answer of the sandbox. Platform answers are the seed-001 envelope
 * {@code {"responseHeader":{"status":N,"msg":"..."},"response":...}}, or on the card form
 * {@code {"code":N,"message":"...","data":...}}.
 *
 * @param retryAfterSeconds the {@code Retry-After} header, or null for none
 */
record SandboxAnswer(int httpStatus, String contentType, String body, String retryAfterSeconds) {

    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final JsonMapper JSON = JsonMapper.shared();

    static SandboxAnswer ok(Object response) {
        return envelope(200, 200, "OK", response);
    }

    static SandboxAnswer refused(int status, String message) {
        return envelope(200, status, message, null);
    }

    static SandboxAnswer envelope(int httpStatus, int status, String message, Object response) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("status", status);
        header.put("msg", message);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("responseHeader", header);
        envelope.put("response", response);
        return new SandboxAnswer(httpStatus, JSON_TYPE, JSON.writeValueAsString(envelope), null);
    }

    /**
     * A card-form answer (seed 003). {@code code} is a number as the platform sends it, or text to
     * play a gateway that passes {@code "00002"} on as written. Unsigned: the seed gives no scheme
     * by which a client could check an answer's {@code sign}.
     */
    static SandboxAnswer cardForm(int httpStatus, Object code, String message, Object data) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("message", message);
        answer.put("data", data);
        return new SandboxAnswer(httpStatus, JSON_TYPE, JSON.writeValueAsString(answer), null);
    }

    /** A MOS answer (seed 002): {@code {"code":N,"msg":"...","data":...}}, code 0 for success. */
    static SandboxAnswer mos(int httpStatus, int code, String msg, Object data) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", msg);
        answer.put("data", data);
        return new SandboxAnswer(httpStatus, JSON_TYPE, JSON.writeValueAsString(answer), null);
    }

    static SandboxAnswer plainText(int httpStatus, String text) {
        return new SandboxAnswer(httpStatus, "text/plain;charset=UTF-8", text, null);
    }

    static SandboxAnswer throttled() {
        return new SandboxAnswer(429, JSON_TYPE, refused(429, "too many requests").body(), "1");
    }

    /** The same answer with {@code response.outTradeNo} left out; an answer without one is returned as it is. */
    SandboxAnswer withoutOutTradeNo() {
        JsonNode envelope = JSON.readTree(body);
        if (!(envelope.path("response") instanceof ObjectNode response) || !response.has("outTradeNo")) {
            return this;
        }
        response.remove("outTradeNo");
        return new SandboxAnswer(httpStatus, contentType, JSON.writeValueAsString(envelope), retryAfterSeconds);
    }

    /**
     * The same answer without its payload: the envelope's {@code response}, or the {@code data} of a card-form
     * or MOS answer. An answer that is not a JSON object is returned as it is.
     */
    SandboxAnswer withoutPayload() {
        if (!(JSON.readTree(body) instanceof ObjectNode answer)) {
            return this;
        }
        answer.remove("response");
        answer.remove("data");
        return new SandboxAnswer(httpStatus, contentType, JSON.writeValueAsString(answer), retryAfterSeconds);
    }

    /** The same answer cut off in the middle, as a broken proxy or a crashed writer leaves it. */
    SandboxAnswer garbled() {
        return new SandboxAnswer(httpStatus, contentType, body.substring(0, body.length() / 2), retryAfterSeconds);
    }
}
