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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * What launchers ask before they start or resume a run: is its key free, and is the run they resume dead?
 * A dead run (its heartbeat expired, or its process on this host gone) is recovered at once, marked FAILED so
 * it can be restarted from its last commit. A live one is never taken over: the caller gets a
 * {@link LeaseRefusedException} naming it. A lease held from another host with a recent heartbeat is
 * watched, the wait logged, until it is renewed (alive: refused) or expires (dead: taken over).
 */
@Service
public class JobLeases {

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

    private final LeaseTable table;
    private final LeaseJudge judge;
    private final LeaseSettings settings;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Clock clock;
    private final Sleeper sleeper;

    @Autowired
    JobLeases(LeaseTable table, LeaseJudge judge, LeaseSettings settings, JobOperator jobOperator,
              JobRepository jobRepository, Clock clock) {
        this(table, judge, settings, jobOperator, jobRepository, clock, Sleeper.REAL);
    }

    JobLeases(LeaseTable table, LeaseJudge judge, LeaseSettings settings, JobOperator jobOperator,
              JobRepository jobRepository, Clock clock, Sleeper sleeper) {
        this.table = table;
        this.judge = judge;
        this.settings = settings;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Returns {@code execution} ready to be restarted: as it is when it is not running, recovered (FAILED) when
     * its run is dead; and waits for, or refuses because of, another run holding its key.
     *
     * @param what names the run for a person, e.g. {@code campaign spring-sale}
     * @throws LeaseRefusedException when it, or another run of its key, is alive
     */
    public JobExecution takeOverIfDead(JobExecution execution, String what) {
        JobExecution restartable = execution;
        if (execution.isRunning()) {
            long id = execution.getId();
            awaitDead(() -> Optional.of(table.ofExecution(id).orElseGet(() -> unrecorded(id))), what);
            restartable = jobRepository.getJobExecution(id);
        }
        awaitFree(LeaseKeys.of(execution), what);
        return restartable;
    }

    /**
     * Returns once no live run holds {@code leaseKey} (see {@link LeaseKeys}); a dead holder is recovered first.
     *
     * @throws LeaseRefusedException naming the live holder
     */
    public void awaitFree(String leaseKey, String what) {
        awaitDead(() -> table.find(leaseKey), what);
    }

    /** Whether the run of a running execution is dead now, without waiting: serve's recovery asks every scan. */
    public boolean isDead(long executionId) {
        JobLease lease = table.ofExecution(executionId).orElseGet(() -> unrecorded(executionId));
        return judge.judge(lease, table.executionRunning(executionId), clock.instant()) == LeaseVerdict.DEAD;
    }

    /** An execution refused at its start by a live holder (the loser of a race) is refused to its caller too. */
    public void throwIfRefused(JobExecution execution) {
        execution.getAllFailureExceptions().stream().filter(LeaseRefusedException.class::isInstance)
                .map(LeaseRefusedException.class::cast).findFirst().ifPresent(refusal -> {
                    throw new LeaseRefusedException(refusal.getMessage() + "; execution " + execution.getId() + " did nothing");
                });
    }

    private void awaitDead(Supplier<Optional<JobLease>> current, String what) {
        Optional<JobLease> first = current.get();
        if (first.isEmpty()) {
            return;
        }
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
                        what, lease.get().describe(now),
                        settings.timeout().minus(lease.get().age(now)).toSeconds());
                told = true;
            }
            pause();
        }
    }

    private void recover(JobLease dead, String what) {
        JobExecution execution = jobRepository.getJobExecution(dead.jobExecutionId());
        if (execution != null && execution.isRunning()) {
            log.warn("{}: {} is dead; marking it FAILED so it can be resumed from its last commit", what,
                    dead.describe(clock.instant()));
            jobOperator.recover(execution);
        }
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

    private void pause() {
        try {
            sleeper.sleep(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lease", e);
        }
    }
}
