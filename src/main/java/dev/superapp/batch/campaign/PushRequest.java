package dev.superapp.batch.campaign;

import java.util.List;

/**
 * One request of at most {@code push.chunk-size} recipients.
 *
 * @param requestId deterministic (campaign + chunk number), recorded before the request is first sent
 * @param resend    true when it was in flight when an earlier run died, and is sent again with the same id
 */
record PushRequest(String campaignId, long chunkNo, String requestId, List<CampaignRecipient> recipients,
                   boolean resend) {

    static PushRequest first(String campaignId, long chunkNo, List<CampaignRecipient> recipients) {
        return new PushRequest(campaignId, chunkNo, requestIdFor(campaignId, chunkNo), List.copyOf(recipients), false);
    }

    static String requestIdFor(String campaignId, long chunkNo) {
        return campaignId + "-" + chunkNo;
    }

    List<String> recipientIds() {
        return recipients.stream().map(CampaignRecipient::recipientId).toList();
    }
}
