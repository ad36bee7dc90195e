package dev.superapp.batch.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.step.StepExecution;

/**
 * Lets a pause or cancellation asked from any node reach the node running the campaign: the running step asks
 * it before each item it reads and before each request leaves, and it reads the campaign's status from the
 * database at most once per {@link #INTERVAL} (one primary-key read, made by whichever thread finds the last
 * reading too old; the others go on with that reading meanwhile). Once a stop was asked it marks the step to
 * end as a shutdown does, and answers true for good: the step sends nothing more, ends STOPPED with everything
 * it sent recorded, and resuming it sends nobody twice.
 *
 * <p>So after the status changes, at most the requests already in flight and those that left within one
 * interval of the change reach the platform; with answers slower than the interval that is at most one per
 * sender ({@code platform.max-in-flight}).
 */
public final class CampaignControlCheck {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final CampaignStore store;
    private final String campaignId;
    private final StepExecution stepExecution;
    private final Clock clock;
    private final AtomicLong nextCheckMillis = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean stopAsked;

    public CampaignControlCheck(CampaignStore store, String campaignId, StepExecution stepExecution, Clock clock) {
        this.store = store;
        this.campaignId = campaignId;
        this.stepExecution = stepExecution;
        this.clock = clock;
    }

    /** @return true once a stop was asked (or the node is shutting down): nothing more may be read or sent */
    public boolean stopRequested() {
        if (stopAsked || stepExecution.isTerminateOnly()) {
            return true;
        }
        long now = clock.millis();
        long due = nextCheckMillis.get();
        if (now < due || !nextCheckMillis.compareAndSet(due, now + INTERVAL.toMillis())) {
            return false;
        }
        if (CampaignStatus.STOP_REQUESTED.contains(store.status(campaignId))) {
            stopAsked = true;
            stepExecution.setTerminateOnly();
        }
        return stopAsked;
    }
}
