package dev.superapp.batch.reconciliation;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computes a run's {@link ControlTotals} from what it recorded, and finds the run to compare it with: the latest
 * run (job instance) of the latest business date before this one's.
 */
@Repository
public class ControlTotalsReader {

    private final JdbcClient jdbc;
    private final ReconciliationResults results;

    ControlTotalsReader(JdbcClient jdbc, ReconciliationResults results) {
        this.jdbc = jdbc;
        this.results = results;
    }

    public ControlTotals forRun(long jobInstanceId, String businessDate) {
        ControlTotals previous = previousRun(businessDate)
                .map(run -> ControlTotals.of(run.businessDate(), results.summary(run.instanceId()), null))
                .orElse(null);
        return ControlTotals.of(businessDate, results.summary(jobInstanceId), previous);
    }

    private record PreviousRun(long instanceId, String businessDate) {
    }

    /** ISO dates compare as text, so the latest earlier date is the greatest value below this one. */
    private Optional<PreviousRun> previousRun(String businessDate) {
        return jdbc.sql("""
                        SELECT MAX(i.JOB_INSTANCE_ID) AS instance_id, p.PARAMETER_VALUE AS business_date
                        FROM BATCH_JOB_INSTANCE i
                        JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
                        JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                             AND p.PARAMETER_NAME = 'businessDate'
                        WHERE i.JOB_NAME = :job AND p.PARAMETER_VALUE = (
                            SELECT MAX(q.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS q
                            JOIN BATCH_JOB_EXECUTION x ON x.JOB_EXECUTION_ID = q.JOB_EXECUTION_ID
                            JOIN BATCH_JOB_INSTANCE y ON y.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID
                            WHERE y.JOB_NAME = :job AND q.PARAMETER_NAME = 'businessDate' AND q.PARAMETER_VALUE < :date)
                        GROUP BY p.PARAMETER_VALUE""")
                .param("job", ReconciliationJobConfiguration.JOB_NAME)
                .param("date", businessDate)
                .query(PreviousRun.class)
                .optional();
    }
}
