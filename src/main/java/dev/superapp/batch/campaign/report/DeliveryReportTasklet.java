package dev.superapp.batch.campaign.report;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.report.ReportFile;
import dev.superapp.batch.report.ReportProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    public static final String[] HEADER = {"line", "recipient", "outcome", "request_id", "detail"};
    public static final String REPORT_KEY = "report.path";
    public static final String SUMMARY_KEY = "summary.path";
    private static final int PAGE = 1000;

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
        String baseName = "campaign-" + campaignId + "-" + step.getJobExecutionId();
        Path report;
        try (ReportFile file = ReportFile.create(reports.dir(), baseName + ".csv", HEADER)) {
            long after = 0;
            List<CampaignRecipient> page;
            do {
                page = store.page(campaignId, after, PAGE);
                page.forEach(r -> file.row(r.lineNo(), r.recipientId(), r.state(), r.requestId(), r.detail()));
                after = page.isEmpty() ? after : page.get(page.size() - 1).lineNo();
            } while (page.size() == PAGE);
            report = file.complete();
        }
        Path summary;
        try (ReportFile file = ReportFile.create(reports.dir(), baseName + "-summary.csv", "outcome", "recipients")) {
            Map<RecipientState, Long> counts = store.countByState(campaignId);
            counts.forEach((state, recipients) -> file.row(state, recipients));
            file.row("TOTAL", counts.values().stream().mapToLong(Long::longValue).sum());
            summary = file.complete();
        }
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        job.putString(REPORT_KEY, report.toAbsolutePath().toString());
        job.putString(SUMMARY_KEY, summary.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }
}
