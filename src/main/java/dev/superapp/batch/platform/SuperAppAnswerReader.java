package dev.superapp.batch.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the envelope of every SuperApp answer, {@code {"responseHeader":{"status":N,"msg":"..."},"response":...}},
 * strictly: only HTTP 200 with status 200 is a success. Throttling (HTTP 429 or status 429) and
 * faults (HTTP 5xx or status 500) become an {@link UnusableAnswer} for the caller to decide on; an
 * HTTP 200 that is not a well-formed envelope is malformed; any other status is a refusal.
 */
final class SuperAppAnswerReader {

    private final JsonMapper json;

    SuperAppAnswerReader(JsonMapper json) {
        this.json = StrictJson.of(json);
    }

    /**
     * The {@code response} of a success answer (a missing node if the answer has none).
     *
     * @throws UnusableAnswer             throttled, a server fault, or a malformed HTTP 200
     * @throws TradeNotFoundException     status 404 from an endpoint about one trade
     * @throws PlatformRejectedException  any other status
     */
    JsonNode payload(PlatformEndpoint endpoint, PlatformAnswer answer) throws UnusableAnswer {
        String name = endpoint.label();
        answer.throwIfThrottledOrFault(endpoint);
        int httpStatus = answer.status();
        String retryAfter = answer.header("Retry-After");
        String body = answer.body();
        if (httpStatus != 200) {
            // The body may still be an envelope saying why; it must not turn a refusal into anything else.
            Envelope envelope = envelopeOrNull(name, body);
            if (envelope != null && envelope.status() == 404 && SuperAppEndpoint.aboutOneTrade(endpoint)) {
                throw new TradeNotFoundException(name, envelope.msg(), body);
            }
            throw new PlatformRejectedException(name, httpStatus, envelope == null ? null : envelope.msg(), body);
        }
        Envelope envelope = envelope(name, body);
        switch (envelope.status()) {
            case 200:
                return envelope.response();
            case 429:
                throw UnusableAnswer.throttled(name + " answered status 429: " + envelope.msg(), retryAfter, body);
            case 500:
                throw UnusableAnswer.serverFault(name + " answered status 500: " + envelope.msg(), body);
            case 404:
                if (SuperAppEndpoint.aboutOneTrade(endpoint)) {
                    throw new TradeNotFoundException(name, envelope.msg(), body);
                }
                throw new PlatformRejectedException(name, 404, envelope.msg(), body);
            default:
                throw new PlatformRejectedException(name, envelope.status(), envelope.msg(), body);
        }
    }

    private Envelope envelopeOrNull(String name, String body) {
        try {
            return envelope(name, body);
        } catch (UnusableAnswer notAnEnvelope) {
            return null;
        }
    }

    private Envelope envelope(String name, String body) throws UnusableAnswer {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw UnusableAnswer.malformed(name + " answered something that is not JSON", body, e);
        }
        JsonNode status = root.path("responseHeader").path("status");
        if (!status.isInt()) {
            throw UnusableAnswer.malformed(name + " answered without an integer responseHeader.status", body, null);
        }
        JsonNode msg = root.path("responseHeader").path("msg");
        return new Envelope(status.intValue(), msg.isString() ? msg.stringValue() : null, root.path("response"));
    }

    private record Envelope(int status, String msg, JsonNode response) {
    }
}
