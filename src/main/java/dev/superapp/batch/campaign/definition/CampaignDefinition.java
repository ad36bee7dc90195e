package dev.superapp.batch.campaign.definition;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A validated campaign definition ({@code push <campaign.yaml>}), read by {@link CampaignDefinitionParser}.
 *
 * @param campaignId one campaign id is one audience, sent once; {@code [A-Za-z0-9_-]{1,64}}
 * @param audience   the audience CSV, absolute and normalized (the YAML names it relative to itself)
 * @param schedule   a valid Quartz cron expression for {@code serve}, read in {@code timeZone}, or null when the
 *                   campaign is not scheduled
 * @param message    the channel's message: {@link ActivitySettings}, {@link NotifySettings} or {@link CardFormSettings}
 * @param canary     the first recipients sent alone, pausing the campaign when too many of them fail; null for none
 * @param notAfter   nothing is sent after this moment ({@code notAfter}); null when the campaign has no end
 * @param timeZone   the zone its times are entered and shown in ({@code timeZone}); null: the console's zone
 */
public record CampaignDefinition(String campaignId, Channel channel, Path audience, String schedule,
                                 MessageSettings message, Canary canary, OffsetDateTime notAfter, ZoneId timeZone) {

    /** A definition without a canary, an end time or a zone of its own (withdrawals, tests). */
    public CampaignDefinition(String campaignId, Channel channel, Path audience, String schedule, MessageSettings message) {
        this(campaignId, channel, audience, schedule, message, null, null, null);
    }

    /** Whether {@code at} is after {@code notAfter}: from then on nothing of this campaign is sent. */
    public boolean endedAt(Instant at) {
        return notAfter != null && at.isAfter(notAfter.toInstant());
    }
}
