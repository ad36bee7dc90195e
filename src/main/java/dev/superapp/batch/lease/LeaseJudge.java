package dev.superapp.batch.lease;

import java.time.Instant;
import java.util.function.LongPredicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Decides, from a lease alone and without I/O, whether the run holding it is alive, dead, or not yet known. */
@Component
class LeaseJudge {

    private final ThisProcess process;
    private final LeaseSettings settings;
    private final LongPredicate runsHere;

    @Autowired
    LeaseJudge(ThisProcess process, LeaseSettings settings, LeaseHeartbeat heartbeat) {
        this(process, settings, heartbeat::holds);
    }

    /** @param runsHere whether this process still runs (and renews the lease of) an execution */
    LeaseJudge(ThisProcess process, LeaseSettings settings, LongPredicate runsHere) {
        this.process = process;
        this.settings = settings;
        this.runsHere = runsHere;
    }

    /**
     * @param executionRunning whether the job repository still marks the lease's execution running: a row left
     *                         by a run that ended, or that was recovered, holds nothing
     */
    LeaseVerdict judge(JobLease lease, boolean executionRunning, Instant now) {
        if (!executionRunning || lease.age(now).compareTo(settings.timeout()) >= 0) {
            return LeaseVerdict.DEAD;
        }
        if (process.isHolder(lease)) {
            // This JVM knows for sure: a run of its own that ended without releasing (its database away) is dead.
            return runsHere.test(lease.jobExecutionId()) ? LeaseVerdict.LIVE : LeaseVerdict.DEAD;
        }
        if (process.sameHost(lease)) {
            return process.holderRuns(lease) ? LeaseVerdict.LIVE : LeaseVerdict.DEAD;
        }
        return LeaseVerdict.UNSURE;
    }
}
