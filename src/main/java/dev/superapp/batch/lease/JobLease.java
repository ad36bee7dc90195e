package dev.superapp.batch.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code job_lease}: a running job execution's hold on its key, who holds it and when the holder
 * last renewed it.
 *
 * @param processStarted the holder process's start (epoch ms), so that a new process given the same pid (a
 *                       container restarted) is not taken for the holder; null where the system does not say
 * @param heartbeat      epoch milliseconds of the holder's clock at its last renewal
 */
record JobLease(String leaseKey, long jobExecutionId, String jobName, String nodeId, String host, long pid,
                Long processStarted, long heartbeat) {

    Duration age(Instant now) {
        return Duration.ofMillis(Math.max(0, now.toEpochMilli() - heartbeat));
    }

    /** Names the holder for a person: which execution, where, and how fresh its heartbeat is. */
    String describe(Instant now) {
        return "execution " + jobExecutionId + " (" + jobName + ") on node " + nodeId + " (host " + host + ", pid " + pid
                + ", heartbeat " + age(now).toSeconds() + " s ago)";
    }
}
