package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.StoredCampaign;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Withdraws an activity card from everyone the platform showed it to, as a campaign of its own. */
@Service
class ActivityWithdrawal {

    private static final String WITHDRAWAL_SUFFIX = "-withdraw";
    private static final int PAGE = 1000;
    /** Withdrawn once it can no longer send more cards: finished, or cancelled part of the way. */
    private static final Set<CampaignStatus> WITHDRAWABLE = EnumSet.of(CampaignStatus.FINISHED, CampaignStatus.CANCELED);

    private final CampaignStore store;
    private final CampaignActions actions;
    private final ConsoleDefinitions definitions;
    private final CampaignDefinitionParser parser;
    private final AudienceUploads uploads;
    private final Clock clock;

    ActivityWithdrawal(CampaignStore store, CampaignActions actions, ConsoleDefinitions definitions,
                       CampaignDefinitionParser parser, AudienceUploads uploads, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.definitions = definitions;
        this.parser = parser;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Removes an activity card from everyone who was sent it: a new campaign {@code <id>-withdraw} sends the same
     * activity with {@code status: 0} to the recipients the platform accepted, through the usual path.
     *
     * @return the withdrawal campaign's id
     */
    String withdraw(String campaignId) {
        StoredCampaign campaign = store.find(campaignId).orElseThrow(() -> CampaignActions.refused(campaignId, "does not exist"));
        if (campaign.channel() != Channel.ACTIVITY) {
            throw CampaignActions.refused(campaignId, "is not an activity campaign; only activity cards can be withdrawn");
        }
        if (!WITHDRAWABLE.contains(CampaignStatus.valueOf(campaign.status()))) {
            throw CampaignActions.refused(campaignId, "is still " + campaign.status().toLowerCase(Locale.ROOT)
                    + "; withdraw it once it has finished, or cancel it first");
        }
        if (campaign.removesActivityCard()) {
            throw CampaignActions.refused(campaignId, "removes its card already; there is nothing to withdraw");
        }
        ObjectNode definition = (ObjectNode) JsonMapper.shared().readTree(campaign.definition());
        String withdrawalId = withdrawalId(campaignId);
        if (store.find(withdrawalId).isPresent()) {
            throw CampaignActions.refused(campaignId, "was already withdrawn by campaign " + withdrawalId);
        }
        String audience = writeSentRecipients(campaign);
        definition.put("campaign", withdrawalId);
        definition.remove("schedule");
        ObjectNode activity = (ObjectNode) definition.get(Channel.ACTIVITY.key());
        activity.put("status", 0);
        if (activity.path("path").isNull()) {
            activity.remove("path");
        }
        Path file = definitions.of(withdrawalId);
        Path draft = definitions.draft();
        try {
            Files.createDirectories(file.getParent());
            // The audience is named relative to the definition, as the console's own definitions do.
            definition.put("audience", "../" + audience);
            Files.writeString(draft, YAMLMapper.builder().build().writeValueAsString(definition), StandardCharsets.UTF_8);
            // Registered before the definition takes its final name: of two withdrawals at once, one registers.
            store.register(parser.parse(draft));
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the withdrawal definition: " + e.getMessage(), e);
        } catch (CampaignDefinitionException e) {
            throw CampaignActions.refused(campaignId, "was already withdrawn by campaign " + withdrawalId);
        }
        // Sent at once, with no preview: the sender stages the audience itself.
        actions.plan(withdrawalId, file, clock.instant());
        return withdrawalId;
    }

    private static String withdrawalId(String campaignId) {
        String base = campaignId.length() + WITHDRAWAL_SUFFIX.length() > 64
                ? campaignId.substring(0, 64 - WITHDRAWAL_SUFFIX.length()) : campaignId;
        return base + WITHDRAWAL_SUFFIX;
    }

    /** The recipients the platform accepted, one id per line under the channel's header. */
    private String writeSentRecipients(StoredCampaign campaign) {
        String stored = UUID.randomUUID() + ".csv";
        Path file = uploads.resolve(stored);
        long sent = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(campaign.channel().audienceColumn());
            out.newLine();
            long afterLine = 0;
            List<CampaignRecipient> page;
            do {
                page = store.recipients(campaign.campaignId(), afterLine, PAGE);
                for (CampaignRecipient recipient : page) {
                    afterLine = recipient.lineNo();
                    if (recipient.state() == RecipientState.SENT) {
                        // Sent ids passed the recipient id rule ([A-Za-z0-9_-]): nothing to quote.
                        out.write(recipient.recipientId());
                        out.newLine();
                        sent++;
                    }
                }
            } while (page.size() == PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the withdrawal audience: " + e.getMessage(), e);
        }
        if (sent == 0) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove an empty withdrawal audience: " + e.getMessage(), e);
            }
            throw CampaignActions.refused(campaign.campaignId(), "has no recipient the platform accepted; there is nothing to withdraw");
        }
        return stored;
    }
}
