package dev.superapp.batch.lease;

import dev.superapp.batch.platform.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Watches one lease until it tells: dead (the run is recovered, marked FAILED so it can be restarted from its
 * last commit), live (refused), or gone (the run ended). A lease from another host with a recent heartbeat is
 * read again every half heartbeat, the wait logged once with its limit: a renewal, or any change of holder,
 * proves a live run; reaching {@code batch.lease.timeout} proves a dead one.
 */
final class LeaseWatch {

    private static final Logger log = LoggerFactory.getLogger(LeaseWatch.class);

    private final LeaseTable table;
    private final LeaseJudge judge;
    private final LeaseSettings settings;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Clock clock;
    private final Sleeper sleeper;

    LeaseWatch(LeaseTable table, LeaseJudge judge, LeaseSettings settings, JobOperator jobOperator,
               JobRepository jobRepository, Clock clock, Sleeper sleeper) {
        this.table = table;
        this.judge = judge;
        this.settings = settings;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Returns once the lease {@code current} reads is gone or dead (its run then recovered). */
    void awaitDeadOrGone(Supplier<Optional<JobLease>> current, String what) {
        Optional<JobLease> first = current.get();
        boolean told = false;
        for (Optional<JobLease> lease = first; lease.isPresent(); lease = current.get()) {
            Instant now = clock.instant();
            LeaseVerdict verdict = judge.judge(lease.get(), table.executionRunning(lease.get().jobExecutionId()), now);
            if (verdict == LeaseVerdict.DEAD) {
                recover(lease.get(), what);
                return;
            }
            if (verdict == LeaseVerdict.LIVE || !lease.equals(first)) {
                throw new LeaseRefusedException(what + " is already running as " + lease.get().describe(now)
                        + "; a live run is not taken over");
            }
            if (!told) {
                log.warn("{} is held by {}; waiting up to {} s for it to renew its lease (alive) or for the lease to expire",
                        what, lease.get().describe(now), settings.timeout().minus(lease.get().age(now)).toSeconds());
                told = true;
            }
            pause();
        }
    }

    /** Whether the run of a running execution is dead now, without waiting. */
    boolean isDead(long executionId) {
        return judge.judge(leaseOf(executionId), table.executionRunning(executionId), clock.instant()) == LeaseVerdict.DEAD;
    }

    /** The execution's lease; for one without a row, {@link #unrecorded}. */
    JobLease leaseOf(long executionId) {
        return table.ofExecution(executionId).orElseGet(() -> unrecorded(executionId));
    }

    /**
     * A running execution without a lease: started before leases existed, or between its creation and its
     * first listener. Its last update stands in for a heartbeat, from a host that cannot be looked at.
     */
    private JobLease unrecorded(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        // Spring Batch stamps its times in the JVM's zone.
        long lastUpdate = Stream.of(execution.getLastUpdated(), execution.getStartTime(), execution.getCreateTime())
                .filter(Objects::nonNull).map(time -> time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli())
                .max(Long::compare).orElse(0L);
        return new JobLease(LeaseKeys.of(execution), executionId, execution.getJobInstance().getJobName(), "?",
                "(unknown host)", 0, null, lastUpdate);
    }

    private void recover(JobLease dead, String what) {
        JobExecution execution = jobRepository.getJobExecution(dead.jobExecutionId());
        if (execution != null && execution.isRunning()) {
            log.warn("{}: {} is dead; marking it FAILED so it can be resumed from its last commit", what,
                    dead.describe(clock.instant()));
            jobOperator.recover(execution);
        }
    }

    private void pause() {
        try {
            sleeper.sleep(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lease", e);
        }
    }
}
