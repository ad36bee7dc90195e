package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the campaign that withdraws an activity card, {@code <id>-withdraw}: the same activity with
 * {@code status: 0}, to the recipients the platform accepted. It makes no move itself; {@link CampaignLifecycle}
 * registers and sends it through the usual path.
 */
@Component
class ActivityWithdrawal {

    private static final String SUFFIX = "-withdraw";
    private static final int PAGE = 1000;

    private final CampaignStore store;
    private final RecipientStore recipients;

    ActivityWithdrawal(CampaignStore store, RecipientStore recipients) {
        this.store = store;
        this.recipients = recipients;
    }

    /** Why {@code campaign} cannot be withdrawn, null when it can. */
    static String refusal(StoredCampaign campaign) {
        if (campaign.channel() != Channel.ACTIVITY) {
            return "is not an activity campaign; only activity cards can be withdrawn";
        } else if (!CampaignMove.WITHDRAW.allowedFrom(campaign.status())) {
            return CampaignMove.WITHDRAW.refusal(campaign.status());
        } else if (campaign.removesActivityCard()) {
            return "removes its card already; there is nothing to withdraw";
        }
        return null;
    }

    static CampaignMoveRefusedException alreadyWithdrawn(String campaignId) {
        return new CampaignMoveRefusedException(campaignId, CampaignMove.WITHDRAW,
                "was already withdrawn by campaign " + idOf(campaignId));
    }

    /** The withdrawal's id: the campaign's, cut so that the suffix still fits in 64 characters. */
    private static String idOf(String campaignId) {
        String base = campaignId.length() + SUFFIX.length() > 64 ? campaignId.substring(0, 64 - SUFFIX.length()) : campaignId;
        return base + SUFFIX;
    }

    /**
     * Writes the audience of the withdrawal of {@code campaign} to {@code audience} and returns its definition.
     *
     * @throws CampaignMoveRefusedException when it cannot be withdrawn, was withdrawn already, or the platform
     *                                      accepted nobody (nothing is then left written)
     */
    CampaignDefinition definition(StoredCampaign campaign, Path audience) {
        String refusal = refusal(campaign);
        if (refusal != null) {
            throw new CampaignMoveRefusedException(campaign.campaignId(), CampaignMove.WITHDRAW, refusal);
        } else if (store.find(idOf(campaign.campaignId())).isPresent()) {
            throw alreadyWithdrawn(campaign.campaignId());
        } else if (writeSentRecipients(campaign, audience) == 0) {
            delete(audience);
            throw new CampaignMoveRefusedException(campaign.campaignId(), CampaignMove.WITHDRAW,
                    "has no recipient the platform accepted; there is nothing to withdraw");
        }
        ActivitySettings shown = (ActivitySettings) campaign.definition().message();
        ActivitySettings removal = new ActivitySettings(shown.activityId(), shown.templateId(), shown.color(),
                shown.title(), shown.text(), shown.iconUrl(), shown.path(), shown.validityTime(), 0, shown.language());
        return new CampaignDefinition(idOf(campaign.campaignId()), Channel.ACTIVITY, audience.toAbsolutePath().normalize(),
                null, removal);
    }

    /** One id per line under the channel's header; sent ids passed the recipient id rule, so nothing needs quoting. */
    private long writeSentRecipients(StoredCampaign campaign, Path file) {
        long sent = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(campaign.channel().audienceColumn());
            out.newLine();
            long afterLine = 0;
            List<CampaignRecipient> page;
            do {
                page = recipients.page(campaign.campaignId(), RecipientState.SENT, afterLine, PAGE);
                for (CampaignRecipient recipient : page) {
                    afterLine = recipient.lineNo();
                    out.write(recipient.recipientId());
                    out.newLine();
                    sent++;
                }
            } while (page.size() == PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the withdrawal audience: " + e.getMessage(), e);
        }
        return sent;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove an empty withdrawal audience: " + e.getMessage(), e);
        }
    }
}
