package dev.superapp.batch.lease;

import dev.superapp.batch.platform.Sleeper;
import java.time.Clock;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * What launchers ask before they start or resume a run: is its key free, and is the run they resume dead?
 * A dead run (its heartbeat expired, or its process on this host gone) is recovered at once, marked FAILED so
 * it can be restarted from its last commit. A live one is never taken over: the caller gets a
 * {@link LeaseRefusedException} naming it. A lease held from another host with a recent heartbeat is waited
 * for ({@link LeaseWatch}) until it is renewed (alive: refused) or expires (dead: taken over).
 */
@Service
public class JobLeases {

    private static final int START_ATTEMPTS = 3;

    private final LeaseTable table;
    private final JobRepository jobRepository;
    private final LeaseWatch watch;

    @Autowired
    JobLeases(LeaseTable table, LeaseJudge judge, LeaseSettings settings, JobOperator jobOperator,
              JobRepository jobRepository, Clock clock) {
        this(table, judge, settings, jobOperator, jobRepository, clock, Sleeper.REAL);
    }

    JobLeases(LeaseTable table, LeaseJudge judge, LeaseSettings settings, JobOperator jobOperator,
              JobRepository jobRepository, Clock clock, Sleeper sleeper) {
        this.table = table;
        this.jobRepository = jobRepository;
        this.watch = new LeaseWatch(table, judge, settings, jobOperator, jobRepository, clock, sleeper);
    }

    /** Starts a job execution; what {@link #startAlone} calls once its key is free. */
    @FunctionalInterface
    public interface JobStart {
        JobExecution start() throws JobExecutionException;
    }

    /** Restarts a job execution; what {@link #restartAlone} calls once it is taken over. */
    @FunctionalInterface
    public interface JobRestart {
        JobExecution restart(JobExecution execution) throws JobRestartException;
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
            watch.awaitDeadOrGone(() -> Optional.of(watch.leaseOf(id)), what);
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
        watch.awaitDeadOrGone(() -> table.find(leaseKey), what);
    }

    /**
     * Starts a run once {@code leaseKey} is free, and refuses it if it lost a race for the key at its start.
     *
     * @throws LeaseRefusedException naming the live holder
     */
    public JobExecution startAlone(String leaseKey, String what, JobStart start) throws JobExecutionException {
        for (int attempt = 1; ; attempt++) {
            awaitFree(leaseKey, what);
            try {
                JobExecution execution = start.start();
                throwIfRefused(execution);
                return execution;
            } catch (PessimisticLockingFailureException e) {
                // Spring Batch creates job instances under SERIALIZABLE, so two starts at one moment can deadlock and
                // the database rolls one back before anything ran. Tried again, it meets the other run's lease.
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Restarts {@code execution} once it is not running ({@link #takeOverIfDead}), and refuses the restart if
     * it lost a race for the key at its start.
     *
     * @throws LeaseRefusedException naming the live holder
     */
    public JobExecution restartAlone(JobExecution execution, String what, JobRestart restart) throws JobRestartException {
        JobExecution restarted = restart.restart(takeOverIfDead(execution, what));
        throwIfRefused(restarted);
        return restarted;
    }

    /** Whether the run of a running execution is dead now, without waiting: serve's recovery asks every scan. */
    public boolean isDead(long executionId) {
        return watch.isDead(executionId);
    }

    /** An execution refused at its start by a live holder (the loser of a race) is refused to its caller too. */
    private static void throwIfRefused(JobExecution execution) {
        execution.getAllFailureExceptions().stream().filter(LeaseRefusedException.class::isInstance).findFirst()
                .ifPresent(refusal -> {
                    throw new LeaseRefusedException(refusal.getMessage() + "; execution " + execution.getId() + " did nothing");
                });
    }
}
