package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.frequency.PushHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code settleInFlightStep}: before sending, requests an earlier run left in flight on a channel
 * that cannot re-send (notify) become UNKNOWN, so nobody gets the same notification twice.
 * Requests on the other channels stay in flight and are sent again with the same id. It also drops the frequency
 * cap's pushes older than its window, once per start of a campaign's sending.
 */
final class SettleInFlightTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SettleInFlightTasklet.class);

    private final PushRequestStore store;
    private final String campaignId;
    private final PushChannel channel;
    private final PushHistory history;

    SettleInFlightTasklet(PushRequestStore store, String campaignId, PushChannel channel, PushHistory history) {
        this.store = store;
        this.history = history;
        this.campaignId = campaignId;
        this.channel = channel;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!channel.resendable()) {
            int settled = store.settleInFlightAsUnknown(campaignId);
            if (settled > 0) {
                log.warn("campaign {}: {} request(s) were in flight when an earlier run stopped; reported UNKNOWN, not re-sent",
                        campaignId, settled);
            }
        }
        history.prune();
        return RepeatStatus.FINISHED;
    }
}
