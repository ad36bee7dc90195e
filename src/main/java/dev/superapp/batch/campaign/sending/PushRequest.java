package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import java.util.List;

/**
 * One request of at most {@code push.chunk-size} recipients.
 *
 * @param requestId deterministic (campaign, its nonce, chunk number), recorded before the request is first sent
 * @param resend    true when it was in flight when an earlier run died, and is sent again with the same id
 */
public record PushRequest(String campaignId, long chunkNo, String requestId, List<CampaignRecipient> recipients,
                   boolean resend) {

    static PushRequest first(StoredCampaign campaign, long chunkNo, List<CampaignRecipient> recipients) {
        return new PushRequest(campaign.campaignId(), chunkNo, campaign.requestId(chunkNo), List.copyOf(recipients), false);
    }

    static PushRequest again(StoredCampaign campaign, long chunkNo, List<CampaignRecipient> recipients) {
        return new PushRequest(campaign.campaignId(), chunkNo, campaign.requestId(chunkNo), List.copyOf(recipients), true);
    }

    /** The same request carrying only {@code kept}, those of its recipients still to be sent. */
    PushRequest carrying(List<CampaignRecipient> kept) {
        return kept.size() == recipients.size() ? this : new PushRequest(campaignId, chunkNo, requestId, List.copyOf(kept), resend);
    }

    List<String> recipientIds() {
        return recipients.stream().map(CampaignRecipient::recipientId).toList();
    }
}
