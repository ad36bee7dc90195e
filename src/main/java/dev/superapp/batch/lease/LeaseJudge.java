package dev.superapp.batch.lease;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Decides, from a lease alone and without I/O, whether the run holding it is alive, dead, or not yet known. */
@Component
class LeaseJudge {

    private final ThisProcess process;
    private final LeaseSettings settings;

    LeaseJudge(ThisProcess process, LeaseSettings settings) {
        this.process = process;
        this.settings = settings;
    }

    /**
     * @param executionRunning whether the job repository still marks the lease's execution running: a row left
     *                         by a run that ended, or that was recovered, holds nothing
     */
    LeaseVerdict judge(JobLease lease, boolean executionRunning, Instant now) {
        if (!executionRunning || lease.age(now).compareTo(settings.timeout()) >= 0) {
            return LeaseVerdict.DEAD;
        }
        if (process.sameHost(lease)) {
            return process.holderRuns(lease) ? LeaseVerdict.LIVE : LeaseVerdict.DEAD;
        }
        return LeaseVerdict.UNSURE;
    }
}
