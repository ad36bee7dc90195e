package dev.superapp.batch.reconciliation;

import dev.superapp.batch.alerts.Alert;
import dev.superapp.batch.alerts.AlertDelivery;
import dev.superapp.batch.alerts.AlertStore;
import dev.superapp.batch.lease.JobLeases;
import dev.superapp.batch.lease.LeaseKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Starts one reconciliation run now. Every run is a new job instance (the business date only
 * names it), and it reads every order that is PENDING when it starts.
 */
@Service
public class ReconciliationLauncher {

    /** The job execution context entry holding the path of the run's report. */
    public static final String REPORT_KEY = ReconciliationFile.REPORT_CSV.key();

    private final JobOperator jobOperator;
    private final Job reconciliationJob;
    private final ReconciliationResults results;
    private final AlertStore alerts;
    private final JobLeases leases;
    private final Clock clock;
    private final AtomicLong lastRunId = new AtomicLong();

    ReconciliationLauncher(JobOperator jobOperator, @Qualifier("reconciliationJob") Job reconciliationJob,
                           ReconciliationResults results, AlertStore alerts, JobLeases leases, Clock clock) {
        this.jobOperator = jobOperator;
        this.reconciliationJob = reconciliationJob;
        this.results = results;
        this.alerts = alerts;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * Runs the job to its end, once no other reconciliation runs anywhere: two runs would decide the same
     * PENDING orders twice.
     *
     * @param options overrides of the reconciliation properties for this run: {@code closeAfter},
     *                {@code pollAttempts}, {@code pollInterval}
     * @throws dev.superapp.batch.lease.LeaseRefusedException naming the reconciliation that is running
     */
    public ReconciliationRun run(LocalDate businessDate, Map<String, String> options) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("businessDate", businessDate.toString())
                .addLong("run.id", nextRunId());
        options.forEach((name, value) -> parameters.addString(name, value, false));
        try {
            return describe(leases.startAlone(LeaseKeys.RECONCILIATION, "a reconciliation",
                    () -> jobOperator.start(reconciliationJob, parameters.toJobParameters())));
        } catch (JobExecutionException e) {
            // A new run.id makes every start a new instance: none of these can be the caller's doing.
            throw new IllegalStateException("could not start reconciliationJob: " + e.getMessage(), e);
        }
    }

    /**
     * The start time in epoch milliseconds, moved on when two runs start in the same millisecond (the console and
     * a command, or a race that the lease then settles), so that each is a new instance.
     */
    private long nextRunId() {
        return lastRunId.updateAndGet(last -> Math.max(last + 1, clock.millis()));
    }

    /** What an execution of {@code reconciliationJob} produced, for printing. */
    public ReconciliationRun describe(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        Map<ReconciliationFile, Path> files = new EnumMap<>(ReconciliationFile.class);
        for (ReconciliationFile file : ReconciliationFile.values()) {
            if (context.containsKey(file.key())) {
                files.put(file, Path.of(context.getString(file.key())));
            }
        }
        return new ReconciliationRun(execution.getId(), execution.getStatus(), files,
                results.summary(execution.getJobInstance().getInstanceId()), alerts.alerts(execution.getId()),
                alerts.deliveries(execution.getId()), execution.getExitStatus().getExitDescription());
    }

    /**
     * One finished run.
     *
     * @param files      the files it wrote; empty when it failed before writing them
     * @param alerts     what it raised, in order; empty when nothing was off (or before the alerts step)
     * @param deliveries what became of sending those alerts
     * @param failure    why the run failed, empty when it completed
     */
    public record ReconciliationRun(long executionId, BatchStatus status, Map<ReconciliationFile, Path> files,
                                    ReconciliationSummary summary, List<Alert> alerts, List<AlertDelivery> deliveries,
                                    String failure) {

        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }

        /** The report CSV; null when the run failed before writing it. */
        public Path report() {
            return files.get(ReconciliationFile.REPORT_CSV);
        }

        /** The summary CSV; null when the run failed before writing it. */
        public Path summaryFile() {
            return files.get(ReconciliationFile.SUMMARY_CSV);
        }

        /** The file, or null when the run has not written it. */
        public Path file(ReconciliationFile file) {
            return files.get(file);
        }
    }
}
