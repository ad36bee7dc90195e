package dev.superapp.batch.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sendCardForm} and {@code getCardForm} of seed 003, once the request passed the
 * {@link CardFormAuthenticator}. Every field is checked before anything is delivered, so a refused
 * request delivers nothing and is not remembered under its {@code requestId}.
 */
final class CardFormEndpoints {

    private static final int MAX_RECIPIENTS = 50;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final CardFormBook book;
    private final Clock clock;

    CardFormEndpoints(CardFormBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    SandboxAnswer send(CardFormRequest request) {
        String text = formText(request.data().path("text"));
        List<String> uniqueIds = uniqueIds(request.data().path("cardFormReceiverInfo"));
        List<String> gone = uniqueIds.stream().filter(book::isGone).toList();
        if (!gone.isEmpty()) {
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("successUniqueId", List.of());
            refused.put("errorUniqueId", gone);
            CardFormCode code = CardFormCode.UNKNOWN_UNIQUE_ID;
            return SandboxAnswer.cardForm(200, code.code(), code.wording() + ": " + String.join(",", gone), refused);
        }
        CardFormBook.Sent sent = book.send(request.required("requestId"), text, uniqueIds, clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("successUniqueId", sent.successUniqueId());
        data.put("errorUniqueId", sent.errorUniqueId());
        return SandboxAnswer.cardForm(200, CardFormCode.SUCCESS.code(), CardFormCode.SUCCESS.wording(), data);
    }

    /** Answers {@code {"uniqueId":...,"text":...}}: the form last delivered to the card, or a null text. */
    SandboxAnswer get(CardFormRequest request) {
        JsonNode uniqueId = request.data().path("uniqueId");
        if (!uniqueId.isString() || uniqueId.stringValue().isBlank()) {
            throw CardFormCode.VALUE_EMPTY.refused("data.uniqueId is missing");
        }
        String id = uniqueId.stringValue();
        if (book.isUnknown(id)) {
            throw CardFormCode.UNKNOWN_UNIQUE_ID.refused(id);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uniqueId", id);
        data.put("text", book.latestText(id).orElse(null));
        return SandboxAnswer.cardForm(200, CardFormCode.SUCCESS.code(), CardFormCode.SUCCESS.wording(), data);
    }

    private static String formText(JsonNode text) {
        if (text.isMissingNode() || text.isNull() || (text.isString() && text.stringValue().isBlank())) {
            throw CardFormCode.DATA_MISSING.refused("data.text is missing");
        }
        try {
            if (text.isString() && JSON.readTree(text.stringValue()).isObject()) {
                return text.stringValue();
            }
        } catch (JacksonException notJson) {
            // Refused below, like any other text that is not a JSON object.
        }
        throw CardFormCode.DATA_NOT_JSON.refused("data.text is not a JSON object in a string");
    }

    private static List<String> uniqueIds(JsonNode receiver) {
        if (!receiver.isObject()) {
            throw CardFormCode.DATA_MISSING.refused("data.cardFormReceiverInfo is missing");
        }
        JsonNode ids = receiver.path("uniqueIds");
        if (!ids.isArray() || ids.isEmpty()) {
            // The platform would fall back to labels; the sandbox has no audience to match them against.
            throw CardFormCode.VALUE_EMPTY.refused("uniqueIds is empty; the sandbox delivers to uniqueIds only");
        }
        if (ids.size() > MAX_RECIPIENTS) {
            throw CardFormCode.TOO_MANY_IDS.refused("uniqueIds holds " + ids.size() + " ids; at most "
                    + MAX_RECIPIENTS + " per request");
        }
        List<String> uniqueIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString() || id.stringValue().isBlank()) {
                throw CardFormCode.VALUE_EMPTY.refused("uniqueIds has an empty item");
            }
            uniqueIds.add(id.stringValue());
        }
        return uniqueIds;
    }
}
