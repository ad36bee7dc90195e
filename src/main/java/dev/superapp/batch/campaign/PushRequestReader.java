package dev.superapp.batch.campaign;

import java.util.ArrayDeque;
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
 * run committed decides where the next one starts.
 */
final class PushRequestReader implements ItemStreamReader<PushRequest> {

    private final PushRequestStore store;
    private final StoredCampaign campaign;
    private final String campaignId;
    private final int chunkSize;
    private final boolean resendInFlight;
    private final Deque<Long> inFlight = new ArrayDeque<>();
    private long nextChunkNo;
    private long lastLine;

    PushRequestReader(PushRequestStore store, StoredCampaign campaign, int chunkSize, boolean resendInFlight) {
        this.store = store;
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
        lastLine = 0;
    }

    @Override
    public PushRequest read() {
        if (!inFlight.isEmpty()) {
            long chunkNo = inFlight.poll();
            return PushRequest.again(campaign, chunkNo, store.recipientsOf(campaignId, chunkNo));
        }
        List<CampaignRecipient> recipients = store.unassigned(campaignId, lastLine, chunkSize);
        if (recipients.isEmpty()) {
            return null;
        }
        lastLine = recipients.get(recipients.size() - 1).lineNo();
        return PushRequest.first(campaign, nextChunkNo++, recipients);
    }
}
