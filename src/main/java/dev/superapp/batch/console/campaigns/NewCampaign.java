package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registers a campaign from the console: stores the audience, validates the form with the same parser as
 * {@code push}, registers it and starts checking its audience for the preview. Nothing is sent until the person
 * sends or schedules it.
 */
@Service
class NewCampaign {

    private final AudienceUploads uploads;
    private final CampaignDefinitionParser parser;
    private final CampaignStore store;
    private final CampaignLifecycle lifecycle;

    NewCampaign(AudienceUploads uploads, CampaignDefinitionParser parser, CampaignStore store, CampaignLifecycle lifecycle) {
        this.uploads = uploads;
        this.parser = parser;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /** Either the registered campaign's id, or the problems to show next to the form. */
    record Outcome(String campaignId, List<String> problems) {
    }

    Outcome register(String campaignId, Channel channel, FormValues values, CampaignTimes times,
                     MultipartFile audience) {
        if (campaignId != null && store.find(campaignId).isPresent()) {
            return problems("campaign: " + campaignId + " already exists; choose another campaign id");
        }
        String storedAudience;
        try {
            storedAudience = uploads.store(audience);
        } catch (UserInputException e) {
            return problems("audience: " + e.getMessage());
        }
        DefinitionDraft draft = new DefinitionDraft(campaignId, channel, storedAudience, values, times);
        try {
            CampaignDefinition definition = parser.parse(draft.tree(), uploads.resolve(storedAudience).getParent());
            if (!draft.formProblems().isEmpty()) {
                return discard(storedAudience, draft.formProblems());
            }
            lifecycle.register(definition);
            lifecycle.checkAudience(definition.campaignId());
            return new Outcome(definition.campaignId(), List.of());
        } catch (CampaignDefinitionException e) {
            // The person does not know the stored audience's generated name: speak of their file.
            String storedPath = uploads.resolve(storedAudience).toAbsolutePath().normalize().toString();
            String theirName = "'" + audience.getOriginalFilename() + "'";
            List<String> lines = e.problems().stream().map(line -> line.replace(storedPath, theirName)).toList();
            lines = Stream.concat(lines.stream(), draft.formProblems().stream()).toList();
            return discard(storedAudience, lines);
        }
    }

    private Outcome discard(String storedAudience, List<String> problems) {
        try {
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
