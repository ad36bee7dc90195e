package dev.superapp.batch.platform.cardform;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code data} object of a request, once per call, as the JSON text that is both
 * signed and sent. Absent optional fields (a null keyword, no labels) are left out.
 */
final class CardFormData {

    private final JsonMapper json;

    CardFormData(JsonMapper json) {
        this.json = json;
    }

    /** {@code {"text":"...","cardFormReceiverInfo":{"uniqueIds":[...],"keyword":...,"labels":[...]}}} */
    String send(CardFormContent content, List<String> uniqueIds) {
        requireJsonObject(content.text());
        ObjectNode data = json.createObjectNode();
        data.put("text", content.text());
        ObjectNode receivers = data.putObject("cardFormReceiverInfo");
        ArrayNode ids = receivers.putArray("uniqueIds");
        uniqueIds.forEach(ids::add);
        addKeywordAndLabels(receivers, content.keyword(), content.labels());
        return json.writeValueAsString(data);
    }

    /** {@code {"uniqueId":"...","keyword":...,"labels":[...]}} */
    String query(CardFormQuery query) {
        ObjectNode data = json.createObjectNode();
        data.put("uniqueId", query.uniqueId());
        addKeywordAndLabels(data, query.keyword(), query.labels());
        return json.writeValueAsString(data);
    }

    private static void addKeywordAndLabels(ObjectNode target, String keyword, List<CardFormLabel> labels) {
        if (keyword != null) {
            target.put("keyword", keyword);
        }
        if (!labels.isEmpty()) {
            ArrayNode array = target.putArray("labels");
            labels.forEach(label -> array.addObject()
                    .put("labelName", label.labelName())
                    .put("labelValue", label.labelValue()));
        }
    }

    /** The platform refuses text that is not JSON (10004): better to say so before sending anything. */
    private void requireJsonObject(String text) {
        JsonNode parsed;
        try {
            parsed = json.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the card form text is not JSON: " + e.getOriginalMessage());
        }
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("the card form text is not a JSON object");
        }
    }
}
