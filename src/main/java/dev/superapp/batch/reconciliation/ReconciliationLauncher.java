package dev.superapp.batch.reconciliation;

import dev.superapp.batch.lease.JobLeases;
import dev.superapp.batch.lease.LeaseKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
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
    public static final String REPORT_KEY = "report.path";
    static final String SUMMARY_KEY = "summary.path";

    private final JobOperator jobOperator;
    private final Job reconciliationJob;
    private final ReconciliationResults results;
    private final JobLeases leases;
    private final Clock clock;
    private final AtomicLong lastRunId = new AtomicLong();

    ReconciliationLauncher(JobOperator jobOperator, @Qualifier("reconciliationJob") Job reconciliationJob,
                           ReconciliationResults results, JobLeases leases, Clock clock) {
        this.jobOperator = jobOperator;
        this.reconciliationJob = reconciliationJob;
        this.results = results;
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
        return new ReconciliationRun(execution.getId(), execution.getStatus(),
                context.containsKey(REPORT_KEY) ? Path.of(context.getString(REPORT_KEY)) : null,
                context.containsKey(SUMMARY_KEY) ? Path.of(context.getString(SUMMARY_KEY)) : null,
                results.summary(execution.getJobInstance().getInstanceId()),
                execution.getExitStatus().getExitDescription());
    }

    /**
     * One finished run.
     *
     * @param report      null when the run failed before writing it
     * @param failure     why the run failed, empty when it completed
     */
    public record ReconciliationRun(long executionId, BatchStatus status, Path report, Path summaryFile,
                                    ReconciliationSummary summary, String failure) {

        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }
}
