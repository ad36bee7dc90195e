package dev.superapp.batch.campaign.definition;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated definition as {@code campaign.definition} keeps it: the parsed definition, as JSON, so that every
 * later start (a fire, a resume, a withdrawal) runs from what was registered without parsing a file again.
 * The shape is that of a definition file ({@code campaign}, {@code channel}, {@code audience}, {@code schedule},
 * the channel's section, and {@code notAfter} and {@code timeZone} when given), which rows written before this
 * class existed have too.
 */
public final class DefinitionJson {

    /** Rows are ours, but a key added later must not make an older build unable to read them. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private DefinitionJson() {
    }

    public static String write(CampaignDefinition definition) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("campaign", definition.campaignId());
        normalized.put("channel", definition.channel().key());
        normalized.put("audience", definition.audience().toString());
        normalized.put("schedule", definition.schedule());
        normalized.put(definition.channel().key(), definition.message());
        if (definition.canary() != null) {
            normalized.put("canary", definition.canary());
        }
        if (definition.notAfter() != null) {
            normalized.put("notAfter", definition.notAfter().toString());
        }
        if (definition.timeZone() != null) {
            normalized.put("timeZone", definition.timeZone().getId());
        }
        return JSON.writeValueAsString(normalized);
    }

    /** The channel's section of {@code definition} as a definition file has it, such as a form is filled from. */
    public static JsonNode section(CampaignDefinition definition) {
        return JSON.valueToTree(definition.message());
    }

    /** @throws IllegalStateException when the row names no known channel: the row, not a person, is wrong */
    public static CampaignDefinition read(String json) {
        JsonNode root = JSON.readTree(json);
        Channel channel = Channel.fromKey(root.path("channel").asString())
                .orElseThrow(() -> new IllegalStateException("stored definition names no known channel: " + json));
        JsonNode schedule = root.path("schedule");
        JsonNode canary = root.get("canary");
        JsonNode notAfter = root.path("notAfter");
        JsonNode timeZone = root.path("timeZone");
        return new CampaignDefinition(root.path("campaign").asString(), channel, Path.of(root.path("audience").asString()),
                schedule.isString() ? schedule.asString() : null, message(channel, root.get(channel.key())),
                canary == null || canary.isNull() ? null : JSON.treeToValue(canary, Canary.class),
                notAfter.isString() ? OffsetDateTime.parse(notAfter.asString()) : null,
                timeZone.isString() ? ZoneId.of(timeZone.asString()) : null);
    }

    private static MessageSettings message(Channel channel, JsonNode section) {
        return switch (channel) {
            case ACTIVITY -> JSON.treeToValue(section, ActivitySettings.class);
            case NOTIFY -> JSON.treeToValue(section, NotifySettings.class);
            case CARDFORM -> JSON.treeToValue(section, CardFormSettings.class);
        };
    }
}
