package dev.superapp.batch.campaign;

import java.util.EnumSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code campaign.status} in step with {@code campaignJob}: SENDING while it runs (a pause or cancel
 * asked meanwhile is kept, so the restarted run honours it), then PAUSED or CANCELED when it stopped because
 * it was asked to, STOPPED or FAILED otherwise. A cancelled execution is ABANDONED, so that no restart,
 * scheduled fire or recovery sends the rest.
 */
@Component
class CampaignStatusListener implements JobExecutionListener {

    private final CampaignStore store;

    CampaignStatusListener(CampaignStore store) {
        this.store = store;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        store.moveStatus(campaignOf(execution), EnumSet.complementOf(EnumSet.of(CampaignStatus.PAUSING,
                CampaignStatus.CANCELING, CampaignStatus.CANCELED)), CampaignStatus.SENDING);
    }

    @Override
    public void afterJob(JobExecution execution) {
        String campaignId = campaignOf(execution);
        if (execution.getStatus() == BatchStatus.FAILED) {
            store.moveStatus(campaignId, EnumSet.allOf(CampaignStatus.class), CampaignStatus.FAILED);
        } else if (execution.getStatus() == BatchStatus.STOPPED) {
            if (store.moveStatus(campaignId, EnumSet.of(CampaignStatus.CANCELING), CampaignStatus.CANCELED)) {
                execution.setStatus(BatchStatus.ABANDONED);
                execution.setExitStatus(new ExitStatus("CANCELED", "cancelled from the console"));
            } else if (!store.moveStatus(campaignId, EnumSet.of(CampaignStatus.PAUSING), CampaignStatus.PAUSED)) {
                store.moveStatus(campaignId, EnumSet.of(CampaignStatus.SENDING), CampaignStatus.STOPPED);
            }
        }
    }

    private static String campaignOf(JobExecution execution) {
        return execution.getJobParameters().getString(CampaignJobConfiguration.CAMPAIGN_PARAMETER);
    }
}
