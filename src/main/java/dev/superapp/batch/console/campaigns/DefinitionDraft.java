package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The campaign form turned into a definition, the same document a person would write for {@code push}, kept in
 * memory, so that {@link dev.superapp.batch.campaign.definition.CampaignDefinitionParser} validates both alike.
 * Values are copied as typed, blank optional fields and blank rows are left out, and numbers stay text when they
 * are not numbers, for the parser to refuse with its own message.
 */
final class DefinitionDraft {

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final List<String> formProblems = new ArrayList<>();

    /**
     * @param audienceFileName the stored audience, named relative to the upload folder
     * @param times            the zone and end time typed, both optional
     */
    DefinitionDraft(String campaignId, Channel channel, String audienceFileName, FormValues values,
                    CampaignTimes times) {
        root.put("campaign", campaignId);
        root.put("channel", channel.key());
        root.put("audience", audienceFileName);
        if (times.timeZone() != null) {
            root.put("timeZone", times.timeZone());
        }
        if (times.notAfter() != null) {
            root.put("notAfter", times.notAfter().toString());
        }
        ObjectNode section = root.putObject(channel.key());
        for (FormField field : ChannelForms.fields(channel)) {
            if (field.rows()) {
                List<FormRow> rows = values.rows(field.name()).stream().filter(row -> !row.blank()).toList();
                checkRows(channel.key() + "." + field.name(), rows, field.kind() == FormField.Kind.MAPPING_ROWS);
                if (!rows.isEmpty() || field.required()) {
                    section.set(field.name(), field.kind() == FormField.Kind.MAPPING_ROWS ? mapping(rows) : labels(rows));
                }
                continue;
            }
            String value = values.field(field.name()).strip();
            if (value.isEmpty() && !field.required()) {
                continue;
            }
            put(section, field, value);
        }
    }

    private static void put(ObjectNode section, FormField field, String value) {
        if (field.kind() == FormField.Kind.NUMBER || field.kind() == FormField.Kind.NUMBER_CHOICE) {
            try {
                section.put(field.name(), Long.parseLong(value));
            } catch (NumberFormatException notANumber) {
                section.put(field.name(), value);
            }
        } else {
            section.put(field.name(), value);
        }
    }

    /**
     * Rows the definition could not tell apart (a value without its name, a name twice), and card material named
     * but left empty (the parser checks a label's value itself).
     */
    private void checkRows(String path, List<FormRow> rows, boolean valueRequired) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            FormRow row = rows.get(i);
            if (row.key().isEmpty()) {
                formProblems.add(path + ": row " + (i + 1) + " has a value but no name");
            } else if (!seen.add(row.key())) {
                formProblems.add(path + ": row " + (i + 1) + " repeats " + row.key() + "; give each name one row");
            } else if (valueRequired && row.value().isEmpty()) {
                formProblems.add(path + ": row " + (i + 1) + " (" + row.key() + ") has no value; fill it in or remove the row");
            }
        }
    }

    /** Problems the form itself found, which the parser never sees ({@code <channel>.<field>: ...}). */
    List<String> formProblems() {
        return List.copyOf(formProblems);
    }

    /** No rows is no material: left out, so that the parser says it is missing. */
    private static JsonNode mapping(List<FormRow> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        ObjectNode mapping = JsonNodeFactory.instance.objectNode();
        rows.forEach(row -> mapping.put(row.key(), row.value()));
        return mapping;
    }

    private static ArrayNode labels(List<FormRow> rows) {
        ArrayNode labels = JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> labels.addObject().put("labelName", row.key()).put("labelValue", row.value()));
        return labels;
    }

    JsonNode tree() {
        return root;
    }
}
