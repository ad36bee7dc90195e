package dev.superapp.batch.reconciliation;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How far a reconciliation run has come, for the console's progress: what it has left, what went wrong. */
@Repository
public class ReconciliationRunCounts {

    private final JdbcClient jdbc;

    ReconciliationRunCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The PENDING orders {@code reconcileStep} has not read yet: those after the last order of its last
     * committed chunk, as the reader would page them. Orders it decided but left PENDING (still processing,
     * errors) are behind that key, so they are not counted twice.
     */
    public long ordersLeft(StepExecution reconcileStep) {
        long after = reconcileStep.getExecutionContext().getLong(LookAheadOrderReader.AFTER_KEY, 0);
        return jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE status = 'PENDING' AND id > ?")
                .param(after).query(Long.class).single();
    }

    /** The orders of {@code execution} that got no trustworthy answer ({@link Outcome#ERROR}). */
    public long errors(JobExecution execution) {
        // By instance first: reconciliation_result is indexed by job_instance_id.
        return jdbc.sql("""
                        SELECT COUNT(*) FROM reconciliation_result
                        WHERE job_instance_id = ? AND job_execution_id = ? AND outcome = ?""")
                .params(execution.getJobInstance().getInstanceId(), execution.getId(), Outcome.ERROR.name())
                .query(Long.class).single();
    }
}
