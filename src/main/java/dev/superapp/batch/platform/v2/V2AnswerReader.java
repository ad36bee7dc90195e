package dev.superapp.batch.platform.v2;

import dev.superapp.batch.platform.PlatformAnswer;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.UnusableAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a v2 answer, verifying it before using anything in it. An HTTP 200 must carry our
 * {@code Client-Id}, a {@code Response-Time} and a {@code Signature} that the platform's public key
 * verifies over the body as received (see {@link V2Signature}); otherwise nothing in it is read.
 * Then {@code result.resultStatus}: {@code S} is success, {@code F} a definite failure; {@code U}
 * (unknown) and {@code A} (accepted, still processing) are neither, so they are unusable answers
 * and the caller asks again with the same request.
 */
final class V2AnswerReader {

    private final JsonMapper json;

    V2AnswerReader(JsonMapper json) {
        this.json = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    V2Answer read(V2Endpoint endpoint, V2Keys keys, PlatformAnswer answer) throws UnusableAnswer {
        String name = endpoint.endpoint().label();
        String body = answer.body();
        answer.throwIfThrottledOrFault(endpoint.endpoint());
        if (answer.status() != 200) {
            throw new PlatformRejectedException(name, answer.status(), null, body);
        }
        verify(name, endpoint, keys, answer);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw UnusableAnswer.malformed(name + " answered something that is not JSON", body, e);
        }
        JsonNode result = root.path("result");
        String code = text(result, "resultCode");
        String message = text(result, "resultMessage");
        String status = text(result, "resultStatus");
        if ("S".equals(status)) {
            return new V2Answer(code, message, root, body);
        }
        if ("F".equals(status)) {
            throw new V2FailedException(name, code, message, body);
        }
        if ("U".equals(status) || "A".equals(status)) {
            throw UnusableAnswer.malformed(name + " answered resultStatus " + status + " (" + code
                    + "): neither success nor failure yet", body, null);
        }
        throw UnusableAnswer.malformed(name + " answered without a resultStatus of S, F, U or A", body, null);
    }

    private static void verify(String name, V2Endpoint endpoint, V2Keys keys, PlatformAnswer answer)
            throws UnusableAnswer {
        String clientId = answer.header("Client-Id");
        String time = answer.header("Response-Time");
        if (!keys.clientId().equals(clientId) || time == null || !V2Signature.verifies(keys.platforms(),
                answer.header("Signature"), V2Signature.signingText("POST", endpoint.path(), clientId, time, answer.body()))) {
            throw UnusableAnswer.malformed(name + " answered without a valid platform signature; nothing in it was used",
                    answer.body(), null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
