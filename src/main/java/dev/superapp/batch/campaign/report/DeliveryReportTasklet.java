package dev.superapp.batch.campaign.report;

import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.report.ReportProperties;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code writeDeliveryReportStep}: one row per non-blank audience line with its outcome, and a
 * summary of counts per outcome, published atomically; their paths go into the job's context.
 */
public final class DeliveryReportTasklet implements Tasklet {

    public static final String[] HEADER = DeliveryReport.HEADER;
    public static final String REPORT_KEY = "report.path";
    public static final String SUMMARY_KEY = "summary.path";

    private final RecipientStore store;
    private final ReportProperties reports;
    private final String campaignId;

    public DeliveryReportTasklet(RecipientStore store, ReportProperties reports, String campaignId) {
        this.store = store;
        this.reports = reports;
        this.campaignId = campaignId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        write(store, reports, campaignId, step.getJobExecution());
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes {@code campaign-<campaign>-<execution>.csv} and its summary from the recipients' states now, and puts
     * their paths in the execution's context (the caller persists it): the report step does this, and so does a
     * run that ended paused or cancelled, so that its page links what it sent.
     */
    public static void write(RecipientStore store, ReportProperties reports, String campaignId, JobExecution execution) {
        DeliveryReport.Files written = new DeliveryReport(store)
                .write(reports.dir(), "campaign-" + campaignId + "-" + execution.getId(), campaignId);
        ExecutionContext job = execution.getExecutionContext();
        job.putString(REPORT_KEY, written.report().toAbsolutePath().toString());
        job.putString(SUMMARY_KEY, written.summary().toAbsolutePath().toString());
    }
}
