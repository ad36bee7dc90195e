package dev.superapp.batch.console.reports;

import dev.superapp.batch.reconciliation.Outcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reconciliation runs read from the Spring Batch tables, newest first, with their counts per outcome from
 * {@code reconciliation_result}: two queries per page, since the Batch API would cost one per execution.
 */
@Repository
class ReconciliationRuns {

    static final String JOB_NAME = "reconciliationJob";

    private record Latest(long executionId, long instanceId, String businessDate, String status,
                          LocalDateTime startTime, long executions) {
    }

    private record Count(long instanceId, String outcome, long orders) {
    }

    private final JdbcClient jdbc;

    ReconciliationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param date   only runs of this business date; null for every date
     * @param before only runs (job instances) older than this one; null from the newest
     */
    List<RunSummary> newest(LocalDate date, Long before, int limit) {
        List<Latest> runs = jdbc.sql("""
                        SELECT e.JOB_EXECUTION_ID AS execution_id, i.JOB_INSTANCE_ID AS instance_id,
                               p.PARAMETER_VALUE AS business_date, e.STATUS AS status, e.START_TIME AS start_time,
                               (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION a WHERE a.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID) AS executions
                        FROM BATCH_JOB_INSTANCE i
                        JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID =
                             (SELECT MAX(l.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION l WHERE l.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID)
                        JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate'
                        WHERE i.JOB_NAME = :job AND (:date = '' OR p.PARAMETER_VALUE = :date) AND i.JOB_INSTANCE_ID < :before
                        ORDER BY i.JOB_INSTANCE_ID DESC
                        LIMIT :limit""")
                .param("job", JOB_NAME)
                .param("date", date == null ? "" : date.toString())
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(Latest.class)
                .list();
        Map<Long, Map<Outcome, Long>> counts = counts(runs.stream().map(Latest::instanceId).toList());
        return runs.stream()
                .map(run -> new RunSummary(run.executionId(), run.instanceId(), LocalDate.parse(run.businessDate()),
                        run.status(), run.startTime(), run.executions(),
                        counts.getOrDefault(run.instanceId(), Map.of())))
                .toList();
    }

    /** The run an execution of {@value #JOB_NAME} belongs to; empty for any other id. */
    Optional<RunIdentity> identify(long executionId) {
        return jdbc.sql("""
                        SELECT e.JOB_INSTANCE_ID AS instance_id,
                               (SELECT MAX(l.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION l
                                WHERE l.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) AS latest_execution_id
                        FROM BATCH_JOB_EXECUTION e
                        JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                        WHERE e.JOB_EXECUTION_ID = ? AND i.JOB_NAME = ?""")
                .params(executionId, JOB_NAME)
                .query(RunIdentity.class)
                .optional();
    }

    /**
     * The job instance an execution belongs to, and that instance's latest execution: an older one was
     * restarted, and the page sends the reader on to the one that carries the report.
     */
    record RunIdentity(long instanceId, long latestExecutionId) {
    }

    private Map<Long, Map<Outcome, Long>> counts(List<Long> instanceIds) {
        Map<Long, Map<Outcome, Long>> counts = new HashMap<>();
        if (instanceIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT job_instance_id AS instance_id, outcome, COUNT(*) AS orders FROM reconciliation_result
                        WHERE job_instance_id IN (:ids) GROUP BY job_instance_id, outcome""")
                .param("ids", instanceIds)
                .query(Count.class)
                .list()
                .forEach(count -> counts.computeIfAbsent(count.instanceId(), id -> new EnumMap<>(Outcome.class))
                        .put(Outcome.valueOf(count.outcome()), count.orders()));
        return counts;
    }
}
