package dev.superapp.batch.schedule;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_node} table: which node ran each job execution, and which live node recovered it when
 * its run died (whether it did is its lease's to say: {@link dev.superapp.batch.lease.JobLeases}).
 */
@Repository
class JobNodes {

    /** A running execution started by a serve node. */
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
     * Executions started by serve nodes, still marked running, that no node has recovered yet: the candidates
     * for recovery, each then judged by its lease.
     */
    List<Orphan> runningServeExecutions() {
        return jdbc.sql("""
                SELECT n.JOB_EXECUTION_ID AS execution_id, n.NODE_ID AS node_id
                FROM job_node n
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.JOB_EXECUTION_ID
                WHERE n.SERVE = 'Y' AND n.RECOVERED_BY IS NULL AND e.STATUS IN ('STARTING', 'STARTED', 'STOPPING')
                ORDER BY n.JOB_EXECUTION_ID""")
                .query(Orphan.class).list();
    }

    /** True for the one node whose claim on the orphan wins; the others leave it alone. */
    boolean claim(long executionId, String me) {
        return jdbc.sql("UPDATE job_node SET RECOVERED_BY = :me WHERE JOB_EXECUTION_ID = :id AND RECOVERED_BY IS NULL")
                .param("me", me).param("id", executionId).update() == 1;
    }
}
