package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Forms the send step's requests. First the requests an earlier run left in flight, again with
 * their ids (only on channels that can re-send; {@code settleInFlightStep} settled the others),
 * then new requests of up to {@code chunkSize} recipients not yet given to any request, by line.
 *
 * <p>Everything it needs is in the database, so it keeps no position of its own: what a crashed
 * run committed decides where the next one starts. Unassigned recipients are fetched
 * {@value #REQUESTS_PER_PAGE} requests' worth at a time: the step reads a whole chunk of requests before
 * sending any, and one query per request kept the senders idle, measured, for most of each chunk.
 *
 * <p>A canary's reader hands out at most {@code recipientLimit} new recipients, then ends: the canary's step sends
 * only those, and {@code checkCanaryStep} judges them before the rest is read.
 */
final class PushRequestReader implements ItemStreamReader<PushRequest> {

    static final int REQUESTS_PER_PAGE = 20;

    private final PushRequestStore store;
    private final RecipientStore recipients;
    private final StoredCampaign campaign;
    private final String campaignId;
    private final int chunkSize;
    private final boolean resendInFlight;
    private final long recipientLimit;

    private final Deque<Long> inFlight = new ArrayDeque<>();
    private final Deque<CampaignRecipient> unassigned = new ArrayDeque<>();
    private long nextChunkNo;
    private long lastLine;
    private boolean exhausted;
    private long handedOut;

    PushRequestReader(PushRequestStore store, RecipientStore recipients, StoredCampaign campaign, int chunkSize,
                      boolean resendInFlight, long recipientLimit) {
        this.recipientLimit = recipientLimit;
        this.store = store;
        this.recipients = recipients;
        this.campaign = campaign;
        this.campaignId = campaign.campaignId();
        this.chunkSize = chunkSize;
        this.resendInFlight = resendInFlight;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        inFlight.clear();
        if (resendInFlight) {
            inFlight.addAll(store.inFlightChunks(campaignId));
        }
        nextChunkNo = store.nextChunkNo(campaignId);
        unassigned.clear();
        lastLine = 0;
        exhausted = false;
        handedOut = 0;
    }

    @Override
    public PushRequest read() {
        if (!inFlight.isEmpty()) {
            long chunkNo = inFlight.poll();
            return PushRequest.again(campaign, chunkNo, recipients.ofChunk(campaignId, chunkNo));
        }
        if (unassigned.size() < chunkSize && !exhausted) {
            List<CampaignRecipient> page = recipients.unassigned(campaignId, lastLine, chunkSize * REQUESTS_PER_PAGE);
            exhausted = page.size() < chunkSize * REQUESTS_PER_PAGE;
            if (!page.isEmpty()) {
                lastLine = page.get(page.size() - 1).lineNo();
                unassigned.addAll(page);
            }
        }
        long left = recipientLimit - handedOut;
        if (unassigned.isEmpty() || left <= 0) {
            return null;
        }
        List<CampaignRecipient> recipients = new ArrayList<>(chunkSize);
        while (recipients.size() < Math.min(chunkSize, left) && !unassigned.isEmpty()) {
            recipients.add(unassigned.poll());
        }
        handedOut += recipients.size();
        return PushRequest.first(campaign, nextChunkNo++, recipients);
    }
}
