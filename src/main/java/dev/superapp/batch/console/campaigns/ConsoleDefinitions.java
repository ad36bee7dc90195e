package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.StoredCampaign;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The definitions the scheduler fires for the console, {@code definitions/<campaign>.yaml} in
 * {@code console.upload-dir}. A campaign registered elsewhere ({@code push}, {@code jobs/}) gets one written
 * from the definition recorded at its registration, so the console can resume it too.
 */
@Component
class ConsoleDefinitions {

    private final ConsoleProperties properties;

    ConsoleDefinitions(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** Where the campaign's definition is, or goes; the id passed the parser's {@code [A-Za-z0-9_-]{1,64}}. */
    Path of(String campaignId) {
        return folder().resolve(campaignId + ".yaml");
    }

    /** A fresh name in the same folder, for a draft to validate before it takes its final name. */
    Path draft() {
        return folder().resolve(UUID.randomUUID() + ".draft.yaml");
    }

    /** The campaign's definition, written from its registration record when the console has none. */
    Path ensure(StoredCampaign campaign) {
        Path file = of(campaign.campaignId());
        if (Files.isRegularFile(file)) {
            return file;
        }
        ObjectNode recorded = (ObjectNode) JsonMapper.shared().readTree(campaign.definition());
        withoutNulls(recorded);
        try {
            Files.createDirectories(folder());
            Path draft = draft();
            Files.writeString(draft, YAMLMapper.builder().build().writeValueAsString(recorded), StandardCharsets.UTF_8);
            return Files.move(draft, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the definition of campaign " + campaign.campaignId()
                    + ": " + e.getMessage(), e);
        }
    }

    private Path folder() {
        return properties.uploadDir().resolve("definitions");
    }

    /** The record keeps absent optional fields as nulls; a definition leaves them out. */
    private static void withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    withoutNulls(field.getValue());
                }
            }
            object.remove(nulls);
        } else if (node != null && node.isArray()) {
            node.forEach(ConsoleDefinitions::withoutNulls);
        }
    }
}
