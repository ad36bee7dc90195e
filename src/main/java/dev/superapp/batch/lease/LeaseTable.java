package dev.superapp.batch.lease;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_lease} table. Taking a lease is one insert that the primary key lets only one run win, and
 * taking over a dead one is one update conditional on the row still being the dead holder's: two processes
 * cannot both hold a key, whatever their timing.
 */
@Repository
class LeaseTable {

    private static final String COLUMNS =
            "LEASE_KEY, JOB_EXECUTION_ID, JOB_NAME, NODE_ID, HOST, PID, PROCESS_STARTED, HEARTBEAT";

    private final JdbcClient jdbc;

    LeaseTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the key is held already */
    boolean insert(JobLease lease) {
        try {
            jdbc.sql("INSERT INTO job_lease (" + COLUMNS + ") VALUES (:leaseKey, :jobExecutionId, :jobName, :nodeId, "
                    + ":host, :pid, :processStarted, :heartbeat)").paramSource(lease).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Replaces {@code dead} by {@code lease}, only if nobody renewed or replaced it since it was read. */
    boolean replace(JobLease dead, JobLease lease) {
        return jdbc.sql("""
                        UPDATE job_lease SET JOB_EXECUTION_ID = :jobExecutionId, JOB_NAME = :jobName, NODE_ID = :nodeId,
                          HOST = :host, PID = :pid, PROCESS_STARTED = :processStarted, HEARTBEAT = :heartbeat
                        WHERE LEASE_KEY = :leaseKey AND JOB_EXECUTION_ID = :deadExecution AND HEARTBEAT = :deadHeartbeat""")
                .param("jobExecutionId", lease.jobExecutionId()).param("jobName", lease.jobName())
                .param("nodeId", lease.nodeId()).param("host", lease.host()).param("pid", lease.pid())
                .param("processStarted", lease.processStarted()).param("heartbeat", lease.heartbeat())
                .param("leaseKey", lease.leaseKey()).param("deadExecution", dead.jobExecutionId())
                .param("deadHeartbeat", dead.heartbeat())
                .update() == 1;
    }

    /** @return false when the lease is no longer this execution's (it was taken over) */
    boolean renew(JobLease lease, long heartbeat) {
        return jdbc.sql("UPDATE job_lease SET HEARTBEAT = ? WHERE LEASE_KEY = ? AND JOB_EXECUTION_ID = ?")
                .params(heartbeat, lease.leaseKey(), lease.jobExecutionId()).update() == 1;
    }

    void release(JobLease lease) {
        jdbc.sql("DELETE FROM job_lease WHERE LEASE_KEY = ? AND JOB_EXECUTION_ID = ?")
                .params(lease.leaseKey(), lease.jobExecutionId()).update();
    }

    Optional<JobLease> find(String leaseKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job_lease WHERE LEASE_KEY = ?").param(leaseKey)
                .query(JobLease.class).optional();
    }

    Optional<JobLease> ofExecution(long executionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job_lease WHERE JOB_EXECUTION_ID = ?").param(executionId)
                .query(JobLease.class).optional();
    }

    /** Whether the job repository still marks the execution running (a killed run's stays so until recovered). */
    boolean executionRunning(long executionId) {
        List<String> status = jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
                .param(executionId).query(String.class).list();
        return !status.isEmpty() && List.of("STARTING", "STARTED", "STOPPING").contains(status.get(0));
    }
}
