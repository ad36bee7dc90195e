package dev.superapp.batch.lease;

import dev.superapp.batch.system.EveryJobListener;
import java.time.Clock;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Every job execution, however started (a command, the scheduler, the console, a recovery, a test), takes
 * its lease before its first step and gives it back when it ends. A live holder of the same key makes the
 * execution fail at once, before any step, with a {@link LeaseRefusedException} naming that holder; a dead
 * holder's row is taken over. Launchers check first, so this refusal is only met by the loser of a race.
 */
@Component
class JobLeaseListener implements EveryJobListener {

    private static final int ATTEMPTS = 3;

    private final LeaseTable table;
    private final LeaseJudge judge;
    private final LeaseHeartbeat heartbeat;
    private final ThisProcess process;
    private final Scheduler scheduler;
    private final Clock clock;

    JobLeaseListener(LeaseTable table, LeaseJudge judge, LeaseHeartbeat heartbeat, ThisProcess process,
                     Scheduler scheduler, Clock clock) {
        this.table = table;
        this.judge = judge;
        this.heartbeat = heartbeat;
        this.process = process;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        JobLease mine = leaseFor(execution);
        // A holder can end (its row deleted) or be replaced between our reads: read again, a few times.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (table.insert(mine)) {
                heartbeat.hold(mine, execution);
                return;
            }
            JobLease holder = table.find(mine.leaseKey()).orElse(null);
            if (holder != null) {
                LeaseVerdict verdict = judge.judge(holder, table.executionRunning(holder.jobExecutionId()), clock.instant());
                if (verdict != LeaseVerdict.DEAD) {
                    throw new LeaseRefusedException(mine.leaseKey() + " is already running as " + holder.describe(clock.instant()));
                }
                if (table.replace(holder, mine)) {
                    heartbeat.hold(mine, execution);
                    return;
                }
            }
        }
        throw new LeaseRefusedException(mine.leaseKey() + " is being started by another process at this moment");
    }

    @Override
    public void afterJob(JobExecution execution) {
        // Only a lease this execution took: a refused one must not release its holder's.
        heartbeat.drop(execution.getId()).ifPresent(table::release);
    }

    private JobLease leaseFor(JobExecution execution) {
        try {
            return new JobLease(LeaseKeys.of(execution), execution.getId(), execution.getJobInstance().getJobName(),
                    scheduler.getSchedulerInstanceId(), process.host(), process.pid(), process.started(), clock.millis());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read this node's scheduler instance id", e);
        }
    }
}
