package dev.superapp.batch.reconciliation;

import dev.superapp.batch.report.ReportColumn;
import dev.superapp.batch.report.ReportManifest;
import dev.superapp.batch.report.ReportManifest.FileEntry;
import dev.superapp.batch.report.ReportManifests;
import dev.superapp.batch.report.ReportTable.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code writeReportStep}: writes finance's files from the results recorded for this run (every execution of the
 * job instance, so a restarted run reports all its orders) — the report, its summary and the orders still open,
 * each as CSV and XLSX — then the manifest over them with the control totals, and remembers every path in the
 * job's execution context. Any file that cannot be written fails the step, saying which, and takes the files
 * already published by the step with it: the set appears whole or not at all.
 */
final class ReconciliationReportTasklet implements Tasklet {

    static final String[] HEADER = ReconciliationTables.REPORT.stream().map(ReportColumn::name).toArray(String[]::new);

    private final ReconciliationTables tables;
    private final ReconciliationResults results;
    private final ControlTotalsReader controlTotals;
    private final OpenOrderCounts openCounts;
    private final ReportManifests manifests;
    private final Path dir;
    private final Clock clock;

    ReconciliationReportTasklet(ReconciliationTables tables, ReconciliationResults results,
                                ControlTotalsReader controlTotals, OpenOrderCounts openCounts,
                                ReportManifests manifests, Path dir, Clock clock) {
        this.tables = tables;
        this.results = results;
        this.controlTotals = controlTotals;
        this.openCounts = openCounts;
        this.manifests = manifests;
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long jobInstanceId = step.getJobExecution().getJobInstance().getInstanceId();
        String businessDate = step.getJobParameters().getString("businessDate");
        String baseName = "reconciliation-" + businessDate + "-" + step.getJobExecutionId();
        Instant now = clock.instant();
        List<Path> published = new ArrayList<>();
        Written report;
        Written summary;
        Written open;
        Path manifest;
        try {
            report = remember(published, tables.report(baseName, jobInstanceId));
            summary = remember(published, tables.summary(baseName + "-summary", results.summary(jobInstanceId)));
            open = remember(published, tables.open(baseName + "-open", now));
            List<FileEntry> files = List.of(FileEntry.of(report.csv(), report.rows()),
                    FileEntry.of(summary.csv(), summary.rows()), FileEntry.of(open.csv(), open.rows()),
                    FileEntry.of(report.xlsx(), report.rows()), FileEntry.of(summary.xlsx(), summary.rows()),
                    FileEntry.of(open.xlsx(), open.rows()));
            manifest = manifests.write(dir, baseName + ".manifest.json", new ReportManifest(
                    ReconciliationJobConfiguration.JOB_NAME, businessDate, step.getJobExecutionId(), now.toString(), files,
                    controlTotals.forRun(jobInstanceId, businessDate)));
            published.add(manifest);
            openCounts.record(step.getJobExecutionId(), jobInstanceId, open.rows());
        } catch (RuntimeException e) {
            withdraw(published, e);
            throw e;
        }
        ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
        Map.of(ReconciliationFile.REPORT_CSV, report.csv(), ReconciliationFile.SUMMARY_CSV, summary.csv(),
                ReconciliationFile.OPEN_CSV, open.csv(), ReconciliationFile.REPORT_XLSX, report.xlsx(),
                ReconciliationFile.SUMMARY_XLSX, summary.xlsx(), ReconciliationFile.OPEN_XLSX, open.xlsx(),
                ReconciliationFile.MANIFEST, manifest)
                .forEach((file, path) -> jobContext.putString(file.key(), path.toAbsolutePath().toString()));
        return RepeatStatus.FINISHED;
    }

    private static Written remember(List<Path> published, Written written) {
        published.add(written.csv());
        published.add(written.xlsx());
        return written;
    }

    /**
     * A set of files is whole or absent: a report without its summary or manifest (the disk filled, the folder
     * went away) would be read by finance as the day's answer. What this step already published is removed.
     */
    private static void withdraw(List<Path> published, RuntimeException failure) {
        for (Path file : published) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
