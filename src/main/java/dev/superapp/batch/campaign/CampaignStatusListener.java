package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.report.DeliveryReportTasklet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Tells {@link CampaignLifecycle} when {@code campaignJob} starts and how it ended. A cancelled campaign's
 * execution ends ABANDONED, so that no restart, fire or recovery sends the rest; a campaign that finished with
 * errors keeps its COMPLETED execution (nothing to resume) with the exit code {@value #COMPLETED_WITH_FAILURES}
 * and the counts as its description. A paused or cancelled one gets the delivery report of what it sent.
 */
@Component
class CampaignStatusListener implements JobExecutionListener {

    /** The exit code of a campaign's execution that completed, but sent nobody or had too many errors. */
    static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";

    private final CampaignLifecycle lifecycle;
    private final StoppedCampaignReports stoppedReports;
    private final CampaignStore store;

    /**
     * Lazy: the lifecycle (and the stopped campaigns' reports) need the job operator, the scheduler and the staging job, and built while
     * {@code campaignJob} is being built it would have the job registry created without {@code campaignJob},
     * which {@code JobOperator.restart} then cannot find.
     */
    CampaignStatusListener(@Lazy CampaignLifecycle lifecycle, @Lazy StoppedCampaignReports stoppedReports, CampaignStore store) {
        this.lifecycle = lifecycle;
        this.stoppedReports = stoppedReports;
        this.store = store;
    }

    /** A resumed run starts without the report paths of the run it resumes: the page links a report of this run. */
    @Override
    public void beforeJob(JobExecution execution) {
        execution.getExecutionContext().remove(DeliveryReportTasklet.REPORT_KEY);
        execution.getExecutionContext().remove(DeliveryReportTasklet.SUMMARY_KEY);
        lifecycle.start(campaignOf(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        String campaignId = campaignOf(execution);
        CampaignStatus now = lifecycle.ended(campaignId, execution.getStatus(), failure(execution));
        boolean stopped = execution.getStatus() != BatchStatus.COMPLETED;
        if (now == CampaignStatus.CANCELED && stopped) {
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setExitStatus(new ExitStatus("CANCELED", "cancelled from the console"));
        } else if (now == CampaignStatus.FINISHED_WITH_ERRORS && !stopped) {
            execution.setExitStatus(new ExitStatus(COMPLETED_WITH_FAILURES, store.find(campaignId)
                    .map(StoredCampaign::statusDetail).orElse("finished with errors")));
        }
        if ((now == CampaignStatus.CANCELED || now == CampaignStatus.PAUSED) && stopped) {
            stoppedReports.write(campaignId, execution);
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
