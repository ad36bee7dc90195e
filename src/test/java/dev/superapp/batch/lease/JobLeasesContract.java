package dev.superapp.batch.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases on the real database, with a clock that only moves when a waiting command sleeps: a run killed on
 * this host is taken over at once, a live one is refused naming its execution and node, one from another
 * host is waited for until it expires or renews, and a key is held by one run only.
 */
@SpringBootTest
abstract class JobLeasesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired LeaseTable table;
    @Autowired LeaseHeartbeat heartbeat;
    @Autowired JobLeaseListener listener;
    @Autowired JobRepository jobRepository;
    @Autowired JobOperator jobOperator;
    @Autowired JdbcClient jdbc;

    private final ThisProcess self = ThisProcess.current();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private Runnable duringWait = () -> { };
    private final Sleeper fakeSleeper = duration -> {
        waits.add(duration);
        now.set(now.get().plus(duration));
        duringWait.run();
    };
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private JobLeases leases() {
        LeaseSettings settings = new LeaseSettings(Duration.ofSeconds(5), TIMEOUT);
        return new JobLeases(table, new LeaseJudge(self, settings, heartbeat), settings, jobOperator, jobRepository, clock, fakeSleeper);
    }

    @Test
    void aKeyIsHeldByOneRunOnlyTheSecondInsertLoses() {
        String key = LeaseKeys.campaign("once-" + UUID.randomUUID());

        assertThat(table.insert(lease(key, 1, self.host(), self.pid(), now.get()))).isTrue();
        assertThat(table.insert(lease(key, 2, self.host(), self.pid(), now.get()))).isFalse();
        assertThat(table.find(key)).get().extracting(JobLease::jobExecutionId).isEqualTo(1L);
    }

    @Test
    void aRunKilledOnThisHostIsTakenOverAtOnceWithoutWaiting() throws Exception {
        JobExecution killed = runningCampaign("killed");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        table.insert(lease(LeaseKeys.of(killed), killed.getId(), self.host(), gone.pid(), now.get()));

        JobExecution restartable = leases().takeOverIfDead(killed, "campaign killed");

        assertThat(restartable.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(waits).isEmpty();
    }

    @Test
    void aLiveRunIsRefusedNamingItsExecutionAndNodeAndLeftRunning() {
        JobExecution live = runningCampaign("live");
        JobLease held = new JobLease(LeaseKeys.of(live), live.getId(), "campaignJob", "node-7", self.host(), self.pid(),
                self.started(), now.get().minus(Duration.ofSeconds(25)).toEpochMilli());
        table.insert(held);
        heartbeat.hold(held, live);

        assertThatThrownBy(() -> leases().takeOverIfDead(live, "campaign live"))
                .isInstanceOf(LeaseRefusedException.class)
                .hasMessageContaining("campaign live is already running as execution " + live.getId())
                .hasMessageContaining("on node node-7");
        assertThat(jobRepository.getJobExecution(live.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(waits).isEmpty();
        heartbeat.drop(live.getId());
    }

    @Test
    void aStartingRunTakesTheRowOfADeadHolderAndIsRefusedByALiveOne() {
        JobExecution dead = runningCampaign("row");
        String key = LeaseKeys.of(dead);
        table.insert(lease(key, dead.getId(), "other-host", 99, Instant.now().minus(TIMEOUT)));
        dead.setStatus(BatchStatus.FAILED);
        dead.setEndTime(LocalDateTime.now());
        jobRepository.update(dead);
        JobExecution starting = jobRepository.createJobExecution(dead.getJobInstance(), dead.getJobParameters(),
                new ExecutionContext());
        starting.setStatus(BatchStatus.STARTED);
        jobRepository.update(starting);

        listener.beforeJob(starting);

        assertThat(table.find(key)).get().extracting(JobLease::jobExecutionId).isEqualTo(starting.getId());
        JobExecution second = restartOf(starting);
        assertThatThrownBy(() -> listener.beforeJob(second)).isInstanceOf(LeaseRefusedException.class)
                .hasMessageContaining(key + " is already running as execution " + starting.getId());
        listener.afterJob(second);
        assertThat(table.find(key)).as("a refused run leaves the holder's lease alone").isPresent();
        listener.afterJob(starting);
        assertThat(table.find(key)).isEmpty();
    }

    @Test
    void aLeaseFromAnotherHostIsWaitedForUntilItExpiresThenTakenOver() {
        JobExecution silent = runningCampaign("silent");
        table.insert(lease(LeaseKeys.of(silent), silent.getId(), "other-host", 99, now.get().minusSeconds(10)));

        JobExecution restartable = leases().takeOverIfDead(silent, "campaign silent");

        assertThat(restartable.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aLeaseFromAnotherHostRenewedWhileWaitedForIsALiveRunAndIsRefused() {
        JobExecution slow = runningCampaign("slow");
        JobLease held = lease(LeaseKeys.of(slow), slow.getId(), "other-host", 99, now.get().minusSeconds(10));
        table.insert(held);
        duringWait = () -> table.renew(held, now.get().toEpochMilli());

        assertThatThrownBy(() -> leases().takeOverIfDead(slow, "campaign slow"))
                .isInstanceOf(LeaseRefusedException.class).hasMessageContaining("execution " + slow.getId());
        assertThat(waits).hasSize(1);
        assertThat(jobRepository.getJobExecution(slow.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void aFreeKeyIsFreeAndADeadHoldersExecutionIsMarkedFailedBeforeANewRunTakesTheKey() {
        String key = "job:test:" + UUID.randomUUID();
        leases().awaitFree(key, "nothing");
        JobExecution dead = runningCampaign("dead-holder");
        table.insert(lease(key, dead.getId(), "other-host", 99, now.get().minus(TIMEOUT)));

        leases().awaitFree(key, "a run");

        assertThat(jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(waits).isEmpty();
    }

    @Test
    void theHeartbeatRenewsAndARunWhoseLeaseWasTakenOverIsToldToStop() {
        JobExecution run = runningCampaign("beating");
        StepExecution step = jobRepository.createStepExecution("sendPushesStep", run);
        step.setStatus(BatchStatus.STARTED);
        JobLease held = lease(LeaseKeys.of(run), run.getId(), self.host(), self.pid(), Instant.now().minusSeconds(20));
        table.insert(held);
        heartbeat.hold(held, run);

        heartbeat.renewAll();
        assertThat(table.find(held.leaseKey()).orElseThrow().heartbeat()).isGreaterThan(held.heartbeat());
        assertThat(step.isTerminateOnly()).isFalse();

        jdbc.sql("UPDATE job_lease SET JOB_EXECUTION_ID = 0 WHERE LEASE_KEY = ?").param(held.leaseKey()).update();
        heartbeat.renewAll();
        assertThat(step.isTerminateOnly()).as("stops at its next chunk boundary").isTrue();
    }

    @Test
    void aRunThatEndedWithoutReleasingItsLeaseIsNoLongerRenewedAndItsRowIsDropped() {
        JobExecution run = runningCampaign("ended");
        JobLease held = lease(LeaseKeys.of(run), run.getId(), self.host(), self.pid(), Instant.now());
        table.insert(held);
        heartbeat.hold(held, run);
        assertThat(heartbeat.holds(run.getId())).isTrue();

        // What Spring Batch does just before a final repository update that failed, so afterJob never ran.
        run.setEndTime(LocalDateTime.now());
        assertThat(heartbeat.holds(run.getId())).isFalse();
        heartbeat.renewAll();

        assertThat(table.find(held.leaseKey())).isEmpty();
    }

    private JobExecution runningCampaign(String campaign) {
        JobParameters parameters = new JobParametersBuilder().addString("campaign", campaign + "-" + UUID.randomUUID())
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("campaignJob", parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        jobRepository.update(execution);
        return execution;
    }

    /** Another execution of the same campaign racing the first, as a second push creates it (never stored). */
    private static JobExecution restartOf(JobExecution execution) {
        return new JobExecution(execution.getId() + 1_000_000, execution.getJobInstance(), execution.getJobParameters());
    }

    private JobLease lease(String key, long executionId, String host, long pid, Instant heartbeat) {
        return new JobLease(key, executionId, "campaignJob", "node-1", host, pid, null, heartbeat.toEpochMilli());
    }
}
