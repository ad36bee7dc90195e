package dev.superapp.batch.reconciliation;

import dev.superapp.batch.report.ReportFile;
import dev.superapp.batch.report.ReportProperties;
import java.nio.file.Path;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * {@code writeReportStep}: writes finance's report and its summary from the results recorded
 * for this run (every execution of the job instance, so a restarted run reports all its orders),
 * and remembers their paths in the job's execution context.
 */
final class ReconciliationReportTasklet implements Tasklet {

    static final String[] HEADER = {"out_trade_no", "trade_no", "open_id", "outcome", "action", "local_status",
            "platform_status", "local_amount", "platform_amount", "local_currency", "platform_currency", "detail"};
    static final String[] SUMMARY_HEADER = {"outcome", "orders", "local_amount", "platform_amount"};

    private final ReconciliationResults results;
    private final ReportProperties reports;

    ReconciliationReportTasklet(ReconciliationResults results, ReportProperties reports) {
        this.results = results;
        this.reports = reports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long jobInstanceId = step.getJobExecution().getJobInstance().getInstanceId();
        String baseName = "reconciliation-" + step.getJobParameters().getString("businessDate") + "-"
                + step.getJobExecutionId();
        Path report;
        try (ReportFile file = ReportFile.create(reports.dir(), baseName + ".csv", HEADER)) {
            results.forEachRow(jobInstanceId, row -> file.row((Object[]) row.cells()));
            report = file.complete();
        }
        Path summary = writeSummary(baseName + "-summary.csv", results.summary(jobInstanceId));
        ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
        jobContext.putString(ReconciliationLauncher.REPORT_KEY, report.toAbsolutePath().toString());
        jobContext.putString(ReconciliationLauncher.SUMMARY_KEY, summary.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }

    private Path writeSummary(String name, ReconciliationSummary summary) {
        try (ReportFile file = ReportFile.create(reports.dir(), name, SUMMARY_HEADER)) {
            summary.lines().forEach(line ->
                    file.row(line.outcome(), line.orders(), line.localAmount(), line.platformAmount()));
            file.row("TOTAL", summary.orders(), summary.localAmount(), summary.platformAmount());
            return file.complete();
        }
    }
}
