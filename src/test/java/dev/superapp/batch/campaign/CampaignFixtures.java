package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Campaign definitions and audience files written to a test's folder. */
final class CampaignFixtures {

    static final ActivitySettings ACTIVITY = new ActivitySettings("spring-sale-2026", "1", "FFFFFF", "Spring sale",
            "20% off", "https://cdn.example/i.png", null, 86400, 1, "en_US");

    private CampaignFixtures() {
    }

    static CampaignDefinition activity(String campaignId, Path audience) {
        return new CampaignDefinition(campaignId, Channel.ACTIVITY, audience.toAbsolutePath(), null, ACTIVITY);
    }

    /** An activity campaign's YAML beside its audience file, as a user would write them. */
    static Path activityYaml(Path dir, String campaignId, List<String> audienceLines, String newline)
            throws IOException {
        Files.writeString(dir.resolve(campaignId + ".csv"), String.join(newline, audienceLines) + newline);
        return Files.writeString(dir.resolve(campaignId + ".yaml"), """
                campaign: %s
                channel: activity
                audience: %s.csv
                activity: {activityId: %s, templateId: "1", color: FFFFFF, title: Sale, text: 20%% off,
                           iconUrl: https://cdn.example/i.png, validityTime: 86400, status: 1, language: en_US}
                """.formatted(campaignId, campaignId, campaignId));
    }
}
