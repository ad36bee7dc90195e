package dev.superapp.batch.schedule;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_node} table: which node ran each job execution, and which live node recovered it when
 * that node died. A serve node is alive while its Quartz cluster check-ins ({@code QRTZ_SCHEDULER_STATE})
 * are recent; Quartz deletes the row of a node it has found dead, which counts as dead too.
 */
@Repository
class JobNodes {

    /** A running execution of a dead serve node. */
    record Orphan(long executionId, String nodeId) {
    }

    private final JdbcClient jdbc;

    JobNodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long executionId, String nodeId, boolean serve) {
        jdbc.sql("INSERT INTO job_node (JOB_EXECUTION_ID, NODE_ID, SERVE) VALUES (:id, :node, :serve)")
                .param("id", executionId).param("node", nodeId).param("serve", serve ? "Y" : "N").update();
    }

    /**
     * Executions still marked running whose serve node is not this one and has not checked in since
     * {@code deadBeforeMillis} (epoch milliseconds), and that no node has recovered yet.
     */
    List<Orphan> orphans(String schedulerName, String me, long deadBeforeMillis) {
        return jdbc.sql("""
                SELECT n.JOB_EXECUTION_ID AS execution_id, n.NODE_ID AS node_id
                FROM job_node n
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.JOB_EXECUTION_ID
                LEFT JOIN QRTZ_SCHEDULER_STATE s ON s.SCHED_NAME = :scheduler AND s.INSTANCE_NAME = n.NODE_ID
                WHERE n.SERVE = 'Y' AND n.NODE_ID <> :me AND n.RECOVERED_BY IS NULL
                  AND e.STATUS IN ('STARTING', 'STARTED', 'STOPPING')
                  AND (s.LAST_CHECKIN_TIME IS NULL OR s.LAST_CHECKIN_TIME < :deadBefore)
                ORDER BY n.JOB_EXECUTION_ID""")
                .param("scheduler", schedulerName).param("me", me).param("deadBefore", deadBeforeMillis)
                .query(Orphan.class).list();
    }

    /** True for the one node whose claim on the orphan wins; the others leave it alone. */
    boolean claim(long executionId, String me) {
        return jdbc.sql("UPDATE job_node SET RECOVERED_BY = :me WHERE JOB_EXECUTION_ID = :id AND RECOVERED_BY IS NULL")
                .param("me", me).param("id", executionId).update() == 1;
    }
}
