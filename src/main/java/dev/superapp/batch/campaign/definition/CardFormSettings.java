package dev.superapp.batch.campaign.definition;

import dev.superapp.batch.platform.cardform.CardFormLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code cardform:} section: dynamic card-form material, the {@code data} of {@code sendCardForm}
 * (seed 003) other than the uniqueIds. Every deep link in {@code text} is checked by {@link DeepLinkRule},
 * because the platform refuses material whose links break its rules.
 *
 * @param text    the form's fields, such as {@code imageUrl} and {@code clickUrl}, in the order written; the
 *                platform takes it as a JSON string
 * @param keyword null when absent
 * @param labels  empty when absent
 */
public record CardFormSettings(Map<String, Object> text, String keyword, List<CardFormLabel> labels)
        implements MessageSettings {

    private static final Set<String> FIELDS = Set.of("text", "keyword", "labels");
    private static final Set<String> LABEL_FIELDS = Set.of("labelName", "labelValue");

    static CardFormSettings read(YamlSection section) {
        section.rejectUnknown(FIELDS);
        return new CardFormSettings(text(section), section.optionalText("keyword"), labels(section));
    }

    private static Map<String, Object> text(YamlSection section) {
        JsonNode text = section.get("text");
        if (text == null) {
            section.problem("text", "missing; sendCardForm requires it");
            return Map.of();
        }
        if (!text.isObject() || text.isEmpty()) {
            section.problem("text", "must be a mapping of form fields such as {imageUrl: ..., clickUrl: ...}");
            return Map.of();
        }
        checkDeepLinks(text, "text", section);
        return Collections.unmodifiableMap(
                JsonMapper.shared().convertValue(text, new TypeReference<Map<String, Object>>() { }));
    }

    private static void checkDeepLinks(JsonNode node, String field, YamlSection section) {
        if (node.isObject()) {
            node.properties().forEach(entry -> checkDeepLinks(entry.getValue(), field + "." + entry.getKey(), section));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkDeepLinks(node.get(i), field + "[" + i + "]", section);
            }
        } else if (node.isString() && DeepLinkRule.isDeepLink(node.stringValue())) {
            DeepLinkRule.problems(node.stringValue()).forEach(problem -> section.problem(field, "deep link " + problem));
        }
    }

    private static List<CardFormLabel> labels(YamlSection section) {
        JsonNode labels = section.get("labels");
        if (labels == null) {
            return List.of();
        }
        if (!labels.isArray()) {
            section.problem("labels", "must be a list of {labelName: ..., labelValue: ...}");
            return List.of();
        }
        List<CardFormLabel> read = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            YamlSection label = section.child(labels.get(i), "labels[" + i + "]", "every label");
            label.rejectUnknown(LABEL_FIELDS);
            read.add(new CardFormLabel(label.text("labelName"), label.text("labelValue")));
        }
        return List.copyOf(read);
    }
}
