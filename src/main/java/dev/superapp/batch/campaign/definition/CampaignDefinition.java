package dev.superapp.batch.campaign.definition;

import java.nio.file.Path;

/**
 * A validated campaign definition ({@code push <campaign.yaml>}), read by {@link CampaignDefinitionParser}.
 *
 * @param campaignId one campaign id is one audience, sent once; {@code [A-Za-z0-9_-]{1,64}}
 * @param audience   the audience CSV, absolute and normalized (the YAML names it relative to itself)
 * @param schedule   a valid Quartz cron expression for {@code serve}, or null when the campaign is not scheduled
 * @param message    the channel's message: {@link ActivitySettings}, {@link NotifySettings} or {@link CardFormSettings}
 * @param canary     the first recipients sent alone, pausing the campaign when too many of them fail; null for none
 */
public record CampaignDefinition(String campaignId, Channel channel, Path audience, String schedule,
                                 MessageSettings message, Canary canary) {

    /** A definition without a canary. */
    public CampaignDefinition(String campaignId, Channel channel, Path audience, String schedule, MessageSettings message) {
        this(campaignId, channel, audience, schedule, message, null);
    }
}
