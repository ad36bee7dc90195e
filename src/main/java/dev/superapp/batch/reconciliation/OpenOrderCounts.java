package dev.superapp.batch.reconciliation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many orders were still open when each run wrote its files ({@code reconciliation_close}): the history of open
 * orders cannot be recomputed later, since orders move on, so each run keeps its own count.
 */
@Repository
public class OpenOrderCounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    OpenOrderCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long executionId, long instanceId, long openOrders) {
        jdbc.sql("""
                        INSERT INTO reconciliation_close (job_execution_id, job_instance_id, open_orders, written_at)
                        VALUES (?, ?, ?, ?)""")
                .params(executionId, instanceId, openOrders, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .update();
    }

    /** By execution; executions that wrote no files (or ran before this was recorded) are absent. */
    public Map<Long, Long> byExecution(List<Long> executionIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!executionIds.isEmpty()) {
            jdbc.sql("SELECT job_execution_id, open_orders FROM reconciliation_close WHERE job_execution_id IN (:ids)")
                    .param("ids", executionIds)
                    .query(rs -> {
                        counts.put(rs.getLong("job_execution_id"), rs.getLong("open_orders"));
                    });
        }
        return counts;
    }
}
