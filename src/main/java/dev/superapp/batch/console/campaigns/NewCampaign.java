package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registers a campaign from the console: stores the audience, writes the form as a YAML definition, validates
 * it with the same parser as {@code push}, registers it and starts staging its audience for the preview.
 * Nothing is sent until the person sends or schedules it.
 */
@Service
class NewCampaign {

    private final AudienceUploads uploads;
    private final CampaignDefinitionParser parser;
    private final CampaignStore store;
    private final AudienceStaging staging;
    private final ConsoleDefinitions definitions;

    NewCampaign(AudienceUploads uploads, CampaignDefinitionParser parser, CampaignStore store, AudienceStaging staging,
                ConsoleDefinitions definitions) {
        this.uploads = uploads;
        this.parser = parser;
        this.store = store;
        this.staging = staging;
        this.definitions = definitions;
    }

    /** Either the registered campaign's id, or the problems to show next to the form. */
    record Outcome(String campaignId, List<String> problems) {
    }

    Outcome register(String campaignId, Channel channel, Map<String, String> values, MultipartFile audience) {
        if (campaignId != null && store.find(campaignId).isPresent()) {
            return problems("campaign: " + campaignId + " already exists; choose another campaign id");
        }
        String storedAudience;
        try {
            storedAudience = uploads.store(audience);
        } catch (UserInputException e) {
            return problems("audience: " + e.getMessage());
        }
        // Definitions live in definitions/, beside the audiences they name relative to themselves.
        DefinitionDraft draft = new DefinitionDraft(campaignId, channel, "../" + storedAudience, values);
        Path draftFile = definitions.draft();
        try {
            Files.createDirectories(draftFile.getParent());
            Files.writeString(draftFile, draft.yaml(), StandardCharsets.UTF_8);
            CampaignDefinition definition = parser.parse(draftFile);
            if (draft.formProblem() != null) {
                return discard(draftFile, storedAudience, List.of(channel.key() + "." + draft.formProblem()));
            }
            store.register(definition);
            // The id passed the parser's [A-Za-z0-9_-]{1,64}: a safe file name.
            Files.move(draftFile, definitions.of(definition.campaignId()), StandardCopyOption.REPLACE_EXISTING);
            staging.stageInBackground(definition.campaignId());
            return new Outcome(definition.campaignId(), List.of());
        } catch (CampaignDefinitionException e) {
            // The person knows neither the draft's nor the stored audience's generated name: speak of their file.
            String prefix = draftFile + ": ";
            String storedPath = uploads.resolve(storedAudience).toAbsolutePath().normalize().toString();
            String theirName = "'" + audience.getOriginalFilename() + "'";
            List<String> lines = e.problems().stream()
                    .map(line -> line.startsWith(prefix) ? line.substring(prefix.length()) : line)
                    .map(line -> line.replace(storedPath, theirName)).toList();
            if (draft.formProblem() != null) {
                lines = Stream.concat(lines.stream(), Stream.of(channel.key() + "." + draft.formProblem())).toList();
            }
            return discard(draftFile, storedAudience, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the campaign definition: " + e.getMessage(), e);
        }
    }

    private Outcome discard(Path draftFile, String storedAudience, List<String> problems) {
        try {
            Files.deleteIfExists(draftFile);
            Files.deleteIfExists(uploads.resolve(storedAudience));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove a refused upload: " + e.getMessage(), e);
        }
        return new Outcome(null, problems);
    }

    private static Outcome problems(String problem) {
        return new Outcome(null, List.of(problem));
    }
}
