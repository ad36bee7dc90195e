package dev.superapp.batch.lease;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Renews the leases of the runs of this process every {@code batch.lease.heartbeat}, on a thread of its own,
 * so a run is seen alive however long its chunk takes (a throttling platform, long retries). A run whose
 * lease was taken over (its renewals failed for longer than the timeout, so another process judged it dead)
 * is told to stop at its next chunk boundary, so two processes do not go on running it.
 */
@Component
class LeaseHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final LeaseTable table;
    private final Clock clock;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private record Held(JobLease lease, JobExecution execution) {
    }

    LeaseHeartbeat(LeaseTable table, Clock clock, LeaseSettings settings) {
        this.table = table;
        this.clock = clock;
        long period = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    void hold(JobLease lease, JobExecution execution) {
        held.put(lease.jobExecutionId(), new Held(lease, execution));
    }

    /** Stops renewing the lease of the execution; returns it, if this process held one for it. */
    Optional<JobLease> drop(long executionId) {
        return Optional.ofNullable(held.remove(executionId)).map(Held::lease);
    }

    /** Whether this process still runs the execution and renews its lease. */
    boolean holds(long executionId) {
        Held run = held.get(executionId);
        return run != null && !ended(run);
    }

    /** Renews every lease now; the timer calls it, and tests call it to renew without waiting. */
    void renewAll() {
        for (Held run : held.values()) {
            try {
                if (ended(run)) {
                    // The job ended without its listener's release: its last repository update failed.
                    held.remove(run.lease().jobExecutionId());
                    table.release(run.lease());
                } else if (!table.renew(run.lease(), clock.millis())) {
                    lost(run);
                }
            } catch (RuntimeException e) {
                // The database away for a moment: the next beat tries again, well within the timeout.
                log.warn("could not renew the lease of execution {}: {}", run.lease().jobExecutionId(), e.getMessage());
            }
        }
    }

    /** Spring Batch sets the end time just before its last update: set, the run is over whatever is stored. */
    private static boolean ended(Held run) {
        return run.execution().getEndTime() != null;
    }

    private void lost(Held run) {
        held.remove(run.lease().jobExecutionId());
        log.error("the lease of execution {} was taken over (its heartbeat was missed for longer than batch.lease.timeout); "
                + "stopping it at its next chunk boundary", run.lease().jobExecutionId());
        run.execution().getStepExecutions().stream().filter(step -> step.getStatus().isRunning())
                .forEach(StepExecution::setTerminateOnly);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
