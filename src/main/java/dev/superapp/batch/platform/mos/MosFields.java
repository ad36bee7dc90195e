package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.UnusableAnswer;
import tools.jackson.databind.JsonNode;

/** Reads the text fields of a MOS {@code data} object, refusing an answer that lacks a required one. */
final class MosFields {

    private MosFields() {
    }

    static String text(JsonNode data, String field, PlatformEndpoint endpoint, String rawAnswer) throws UnusableAnswer {
        JsonNode value = data.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw UnusableAnswer.malformed(endpoint.label() + " answer is malformed: " + field
                    + " is missing or not text", rawAnswer, null);
        }
        return value.stringValue();
    }

    static String optionalText(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
