package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.Channel;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The campaign form turned into a definition, the same document a person would write for {@code push}, kept in
 * memory, so that {@link dev.superapp.batch.campaign.definition.CampaignDefinitionParser} validates both alike.
 * Values are copied as typed, blank optional fields are left out, and numbers stay text when they are not
 * numbers, for the parser to refuse with its own message.
 */
final class DefinitionDraft {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final StringBuilder formProblems = new StringBuilder();

    /**
     * @param audienceFileName the stored audience, named relative to the upload folder
     * @param values           the form's fields of the channel's section, by name
     * @param times            the zone and end time typed, both optional
     */
    DefinitionDraft(String campaignId, Channel channel, String audienceFileName, Map<String, String> values,
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
            String value = values.getOrDefault(field.name(), "").strip();
            if (value.isEmpty() && !field.required()) {
                continue;
            }
            put(section, field, value);
        }
    }

    private void put(ObjectNode section, FormField field, String value) {
        switch (field.kind()) {
            case NUMBER, NUMBER_CHOICE -> {
                try {
                    section.put(field.name(), Long.parseLong(value));
                } catch (NumberFormatException notANumber) {
                    section.put(field.name(), value);
                }
            }
            case YAML_MAPPING -> section.set(field.name(), mapping(field, value));
            case LABELS -> section.set(field.name(), labels(field, value));
            default -> section.put(field.name(), value);
        }
    }

    private JsonNode mapping(FormField field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return YAML.readTree(value);
        } catch (JacksonException e) {
            formProblems.append(formProblems.isEmpty() ? "" : "; ").append(field.name()).append(": not YAML: ").append(e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static ArrayNode labels(FormField field, String value) {
        ArrayNode labels = JsonNodeFactory.instance.arrayNode();
        value.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            int equals = line.indexOf('=');
            ObjectNode label = labels.addObject();
            label.put("labelName", equals < 0 ? line : line.substring(0, equals).strip());
            label.put("labelValue", equals < 0 ? "" : line.substring(equals + 1).strip());
        });
        return labels;
    }

    /** A problem the form itself found (text that is not YAML), which the parser never sees; null when none. */
    String formProblem() {
        return formProblems.isEmpty() ? null : formProblems.toString();
    }

    JsonNode tree() {
        return root;
    }
}
