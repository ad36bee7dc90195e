package dev.superapp.batch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A lease says dead, live or not yet known from its heartbeat, its host and its process alone. */
class LeaseJudgeTest {

    private static final long RUNNING_HERE = 7;
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final ThisProcess self = ThisProcess.current();
    private final LeaseJudge judge = new LeaseJudge(self, new LeaseSettings(Duration.ofSeconds(5), Duration.ofSeconds(30)),
            executionId -> executionId == RUNNING_HERE);

    @Test
    void aHeartbeatOlderThanTheTimeoutIsDeadWhereverItsProcessRan() {
        assertThat(judge.judge(lease("other-host", 4242, null, NOW.minusSeconds(30)), true, NOW)).isEqualTo(LeaseVerdict.DEAD);
        assertThat(judge.judge(lease("other-host", 4242, null, NOW.minusSeconds(29)), true, NOW)).isEqualTo(LeaseVerdict.UNSURE);
    }

    @Test
    void aRunOfThisHostWhoseProcessIsGoneIsDeadAtOnce() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();

        assertThat(judge.judge(lease(self.host(), finished.pid(), null, NOW), true, NOW)).isEqualTo(LeaseVerdict.DEAD);
    }

    @Test
    void aRunOfThisVeryProcessIsLiveHoweverOldItsLastChunk() {
        assertThat(judge.judge(lease(self.host(), self.pid(), self.started(), NOW.minusSeconds(29)), true, NOW))
                .isEqualTo(LeaseVerdict.LIVE);
    }

    @Test
    void aRunOfThisProcessThatNoLongerRunsHereIsDeadThoughItsLeaseWasNotReleased() {
        JobLease left = new JobLease("reconciliation", 8, "reconciliationJob", "node-1", self.host(), self.pid(),
                self.started(), NOW.toEpochMilli());

        assertThat(judge.judge(left, true, NOW)).isEqualTo(LeaseVerdict.DEAD);
    }

    @Test
    void aNewProcessGivenTheDeadHoldersPidIsNotTakenForIt() {
        // A container restarted: same host name, same pid, but a process that started later.
        Long earlier = self.started() == null ? null : self.started() - Duration.ofHours(1).toMillis();

        assertThat(judge.judge(lease(self.host(), self.pid(), earlier, NOW), true, NOW))
                .isEqualTo(earlier == null ? LeaseVerdict.LIVE : LeaseVerdict.DEAD);
    }

    @Test
    void aRecentLeaseFromAnotherHostIsNotYetKnown() {
        assertThat(judge.judge(lease("other-host", self.pid(), self.started(), NOW.minusSeconds(3)), true, NOW))
                .isEqualTo(LeaseVerdict.UNSURE);
    }

    @Test
    void aLeaseLeftByARunThatEndedHoldsNothing() {
        assertThat(judge.judge(lease(self.host(), self.pid(), self.started(), NOW), false, NOW)).isEqualTo(LeaseVerdict.DEAD);
    }

    private static JobLease lease(String host, long pid, Long started, Instant heartbeat) {
        return new JobLease("reconciliation", 7, "reconciliationJob", "node-1", host, pid, started, heartbeat.toEpochMilli());
    }
}
