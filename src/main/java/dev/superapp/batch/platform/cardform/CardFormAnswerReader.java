package dev.superapp.batch.platform.cardform;

import static java.util.Map.entry;

import dev.superapp.batch.platform.PlatformAnswer;
import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.StrictJson;
import dev.superapp.batch.platform.UnusableAnswer;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the answer of every card-form call, {@code {"code":N,"message":"...","data":...,"sign":"..."}}:
 * <ul>
 *   <li>code 0 is a success; code 2 ({@code 00002}) is throttling, as are HTTP 429; HTTP 5xx is a fault:
 *       an {@link UnusableAnswer} for the caller to decide on by the endpoint's call kind;</li>
 *   <li>a code seed 003 lists (10004 ... 30001), or an HTTP status other than 200, 429 and 5xx, is a
 *       refusal a retry cannot fix: {@link PlatformRejectedException} with the code;</li>
 *   <li>any other code, or an answer without a readable code, is malformed: its meaning is unknown.</li>
 * </ul>
 * {@code code} is a JSON number, so {@code 00002} arrives as 2; a text form such as {@code "00002"}
 * is read as the same number. The answer's {@code sign} has no scheme to verify it by: it stays
 * in the raw answer as evidence and decides nothing.
 */
final class CardFormAnswerReader {

    private static final int SUCCESS = 0;
    private static final int THROTTLED = 2;
    /** The refusals of seed 003, with its wording for answers that carry no message. */
    private static final Map<Integer, String> REFUSALS = Map.ofEntries(
            entry(10004, "Data JSON parsing exception"),
            entry(10005, "Signature exception"),
            entry(10007, "Permission exception"),
            entry(20001, "Form ID does not exist"),
            entry(20002, "Form ID does not match Mini Program ID"),
            entry(20006, "Failed to update form"),
            entry(20007, "DATA form data cannot be empty or missing"),
            entry(20008, "Exceeded limit for sending user IDs"),
            entry(20009, "Value for the given key cannot be empty"),
            entry(30001, "User unique ID does not exist"));

    private final JsonMapper json;

    CardFormAnswerReader(JsonMapper json) {
        this.json = StrictJson.of(json);
    }

    /**
     * The {@code data} of a success answer (a missing node if the answer has none).
     *
     * @throws UnusableAnswer            throttled, a server fault, or malformed
     * @throws PlatformRejectedException a refusal
     */
    JsonNode data(PlatformEndpoint endpoint, PlatformAnswer answer) throws UnusableAnswer {
        String name = endpoint.label();
        String body = answer.body();
        answer.throwIfThrottledOrFault(endpoint);
        if (answer.status() != 200) {
            // The body may still say why; it must not turn a refusal into anything else.
            throw new PlatformRejectedException(name, answer.status(), messageOrNull(body), body);
        }
        JsonNode root = parse(name, body);
        String message = message(root);
        int code = code(name, root.path("code"), body);
        if (code == SUCCESS) {
            return root.path("data");
        }
        if (code == THROTTLED) {
            throw UnusableAnswer.throttled(name + " answered code 00002 (throttled)", answer.header("Retry-After"), body);
        }
        if (REFUSALS.containsKey(code)) {
            throw new PlatformRejectedException(name, code, message == null ? REFUSALS.get(code) : message, body);
        }
        throw UnusableAnswer.malformed(name + " answered code " + code + ", which seed 003 does not list"
                + (message == null ? "" : ": " + message), body, null);
    }

    private String messageOrNull(String body) {
        try {
            return message(json.readTree(body));
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String message(JsonNode root) {
        return root.path("message").isString() ? root.path("message").stringValue() : null;
    }

    private JsonNode parse(String name, String body) throws UnusableAnswer {
        try {
            JsonNode root = json.readTree(body);
            if (root.isObject()) {
                return root;
            }
        } catch (JacksonException e) {
            throw UnusableAnswer.malformed(name + " answered something that is not JSON", body, e);
        }
        throw UnusableAnswer.malformed(name + " answered JSON that is not an object", body, null);
    }

    private static int code(String name, JsonNode code, String body) throws UnusableAnswer {
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return code.intValue();
        }
        if (code.isString() && code.stringValue().matches("[0-9]{1,9}")) {
            return Integer.parseInt(code.stringValue());
        }
        throw UnusableAnswer.malformed(name + " answered without a whole-number code", body, null);
    }
}
