package dev.superapp.batch.campaign;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Tells {@link CampaignLifecycle} when {@code campaignJob} starts and how it ended. A cancelled campaign's
 * execution ends ABANDONED, so that no restart, fire or recovery sends the rest.
 */
@Component
class CampaignStatusListener implements JobExecutionListener {

    private final CampaignLifecycle lifecycle;

    /**
     * Lazy: the lifecycle needs the job operator, the scheduler and the staging job, and built while
     * {@code campaignJob} is being built it would have the job registry created without {@code campaignJob},
     * which {@code JobOperator.restart} then cannot find.
     */
    CampaignStatusListener(@Lazy CampaignLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        lifecycle.start(campaignOf(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (lifecycle.ended(campaignOf(execution), execution.getStatus(), failure(execution))) {
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setExitStatus(new ExitStatus("CANCELED", "cancelled from the console"));
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
