package dev.superapp.batch.campaign;

import java.util.EnumSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code campaign.status} in step with {@code campaignJob}. The job claims the campaign for sending in
 * one conditional update; a pause or cancellation asked before or meanwhile is kept, and the steps then stop
 * before sending anything more ({@link CampaignStopListener}). When the job ends without completing, a
 * cancellation becomes CANCELED with the execution ABANDONED (so no restart, fire or recovery sends the
 * rest), a pause becomes PAUSED, and anything else STOPPED or FAILED.
 */
@Component
class CampaignStatusListener implements JobExecutionListener {

    private final CampaignStore store;

    CampaignStatusListener(CampaignStore store) {
        this.store = store;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        store.moveStatus(campaignOf(execution), EnumSet.complementOf(EnumSet.copyOf(CampaignStatus.STOP_REQUESTED)), CampaignStatus.SENDING);
    }

    @Override
    public void afterJob(JobExecution execution) {
        BatchStatus ended = execution.getStatus();
        if (ended != BatchStatus.STOPPED && ended != BatchStatus.FAILED) {
            return;
        }
        String campaignId = campaignOf(execution);
        if (store.moveStatus(campaignId, EnumSet.of(CampaignStatus.CANCELING, CampaignStatus.CANCELED), CampaignStatus.CANCELED)) {
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setExitStatus(new ExitStatus("CANCELED", "cancelled from the console"));
        } else if (!store.moveStatus(campaignId, EnumSet.of(CampaignStatus.PAUSING), CampaignStatus.PAUSED)) {
            if (ended == BatchStatus.FAILED) {
                store.moveStatus(campaignId, EnumSet.of(CampaignStatus.SENDING), CampaignStatus.FAILED, failure(execution));
            } else {
                store.moveStatus(campaignId, EnumSet.of(CampaignStatus.SENDING), CampaignStatus.STOPPED,
                        "stopped by its node shutting down; resume it to send the rest");
            }
        }
    }

    /** The first line of the failure: what went wrong, without the stack trace the exit description carries. */
    private static String failure(JobExecution execution) {
        String description = execution.getExitStatus().getExitDescription();
        return description == null || description.isBlank() ? "the run failed; see the log"
                : description.lines().findFirst().orElse(description);
    }

    private static String campaignOf(JobExecution execution) {
        return execution.getJobParameters().getString(CampaignJobConfiguration.CAMPAIGN_PARAMETER);
    }
}
