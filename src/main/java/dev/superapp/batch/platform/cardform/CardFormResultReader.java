package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.UnusableAnswer;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code data} of a code-0 answer into a result. A missing list is empty: a recipient
 * the platform did not name as failed was sent. A list that is there but is not a list of
 * strings leaves open who failed, so the answer is malformed.
 */
final class CardFormResultReader {

    private CardFormResultReader() {
    }

    static CardFormSendResult send(JsonNode data, String rawAnswer) throws UnusableAnswer {
        if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
            throw malformed("its data is not an object", rawAnswer);
        }
        return new CardFormSendResult(ids(data, "successUniqueId", rawAnswer), ids(data, "errorUniqueId", rawAnswer),
                rawAnswer);
    }

    static CardFormQueryResult query(JsonNode data, String rawAnswer) {
        return new CardFormQueryResult(data.isMissingNode() || data.isNull() ? null : data.toString(), rawAnswer);
    }

    private static List<String> ids(JsonNode data, String field, String rawAnswer) throws UnusableAnswer {
        JsonNode list = data.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw malformed(field + " is not a list", rawAnswer);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isString()) {
                throw malformed(field + " holds something that is not a uniqueId", rawAnswer);
            }
            ids.add(id.stringValue());
        }
        return ids;
    }

    private static UnusableAnswer malformed(String problem, String rawAnswer) {
        return UnusableAnswer.malformed("CardForm sendCardForm answer is malformed: " + problem, rawAnswer, null);
    }
}
