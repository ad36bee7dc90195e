package dev.superapp.batch.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.batch.core.step.StepExecution;

/**
 * Lets a pause or cancellation asked from any node reach the node running the campaign: the running step
 * reads the campaign's status (on its first item, then at most once per {@link #INTERVAL}) and, once a stop
 * was asked, marks itself to end as a shutdown does. The step then ends STOPPED with everything it sent
 * recorded, and resuming it sends nobody twice.
 */
public final class CampaignControlCheck {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final CampaignStore store;
    private final String campaignId;
    private final StepExecution stepExecution;
    private final Clock clock;
    private volatile Instant nextCheck = Instant.MIN;

    public CampaignControlCheck(CampaignStore store, String campaignId, StepExecution stepExecution, Clock clock) {
        this.store = store;
        this.campaignId = campaignId;
        this.stepExecution = stepExecution;
        this.clock = clock;
    }

    /** @return true once a stop was asked: the step is then marked to end, and must read nothing more */
    boolean stopRequested() {
        if (stepExecution.isTerminateOnly()) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return false;
        }
        nextCheck = now.plus(INTERVAL);
        if (CampaignStatus.STOP_REQUESTED.contains(store.status(campaignId))) {
            stepExecution.setTerminateOnly();
            return true;
        }
        return false;
    }
}
