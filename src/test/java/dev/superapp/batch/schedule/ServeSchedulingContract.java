package dev.superapp.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@code serve}'s scheduling in one process on a real database: definitions picked up while serving, a
 * schedule firing the job through the thin Quartz job, and a slot fired twice running once.
 */
@SpringBootTest(properties = {"jobs.scan-interval=200ms", "reconciliation.poll-interval=10ms"})
@DirtiesContext
abstract class ServeSchedulingContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path jobsDir;

    @Autowired ScheduleService service;
    @Autowired Scheduler scheduler;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeEach
    void serve() throws Exception {
        if (!scheduler.isStarted()) {
            service.start();
        }
        Files.createDirectories(jobsDir.resolve("campaigns"));
    }

    @Test
    void noticesNewChangedAndRemovedDefinitionsWhileServing() throws Exception {
        Path campaigns = jobsDir.resolve("campaigns");
        Files.writeString(campaigns.resolve("later-audience.csv"), "open_id\nu-1\n");
        JobKey key = JobKey.jobKey("campaign:later.yaml", ScheduleSynchronizer.GROUP);

        Files.writeString(campaigns.resolve("later.yaml"), campaign("0 0 9 1 1 ? 2098"));
        awaitUntil("the new definition is scheduled", () -> cronOf(key).equals("0 0 9 1 1 ? 2098"));

        Files.writeString(campaigns.resolve("later.yaml"), campaign("0 0 9 1 1 ? 2099"));
        awaitUntil("the changed definition is rescheduled", () -> cronOf(key).equals("0 0 9 1 1 ? 2099"));

        Files.delete(campaigns.resolve("later.yaml"));
        awaitUntil("the removed definition is unscheduled", () -> !scheduler.checkExists(key));
    }

    @Test
    void firesTheReconciliationOnItsScheduleAndRecordsWhichNodeRanIt() throws Exception {
        Files.writeString(jobsDir.resolve("reconciliation.yaml"), """
                job: reconciliation
                cron: "* * * * * ?"
                timeZone: Asia/Riyadh
                options: {pollAttempts: 5}
                """);
        try {
            awaitUntil("a scheduled reconciliation completes", () -> !scheduledRuns("COMPLETED").isEmpty());
        } finally {
            Files.delete(jobsDir.resolve("reconciliation.yaml"));
        }

        long execution = scheduledRuns("COMPLETED").get(0);
        assertThat(jdbc.sql("SELECT NODE_ID FROM job_node WHERE JOB_EXECUTION_ID = ? AND SERVE = 'Y'").param(execution)
                .query(String.class).single()).isEqualTo(scheduler.getSchedulerInstanceId());
        assertThat(parameter(execution, "pollAttempts")).isEqualTo("5");
        assertThat(jdbc.sql("SELECT IDENTIFYING FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?")
                .params(execution, LaunchScheduledJob.FIRE_TIME_PARAMETER).query(String.class).single()).isEqualTo("Y");
        awaitUntil("the removed definition is unscheduled",
                () -> !scheduler.checkExists(JobKey.jobKey("reconciliation", ScheduleSynchronizer.GROUP)));
    }

    @Test
    void aSlotFiredTwiceRunsOnceAndIsNamedByItsDateInTheDefinitionsZone() throws Exception {
        Path file = Files.writeString(jobsDir.resolve("twice.yaml"), "job: reconciliation\ncron: \"0 30 2 * * ?\"\n");
        ScheduledDefinition definition = new ScheduledDefinition("reconciliation", JobKind.RECONCILIATION, "0 30 2 * * ?",
                ZoneId.of("Asia/Riyadh"), file, Map.of("pollAttempts", "2"), "f");
        Instant slot = Instant.parse("2026-03-01T23:30:00Z");
        LaunchScheduledJob job = context.getAutowireCapableBeanFactory().createBean(LaunchScheduledJob.class);

        job.execute(fired(ScheduleSynchronizer.jobDetail(definition), slot));
        job.execute(fired(ScheduleSynchronizer.jobDetail(definition), slot));

        List<Long> executions = jdbc.sql("""
                SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE PARAMETER_NAME = 'scheduledFireTime' AND PARAMETER_VALUE = ?""").param(slot.toString()).query(Long.class).list();
        assertThat(executions).hasSize(1);
        assertThat(parameter(executions.get(0), "businessDate")).isEqualTo("2026-03-02");
        assertThat(jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(executions.get(0))
                .query(String.class).single()).isEqualTo("COMPLETED");
    }

    private static JobExecutionContext fired(JobDetail detail, Instant slot) {
        JobExecutionContext fired = mock(JobExecutionContext.class);
        when(fired.getJobDetail()).thenReturn(detail);
        when(fired.getMergedJobDataMap()).thenReturn(detail.getJobDataMap());
        when(fired.getScheduledFireTime()).thenReturn(Date.from(slot));
        return fired;
    }

    private List<Long> scheduledRuns(String status) {
        return jdbc.sql("""
                SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE p.PARAMETER_NAME = 'scheduledFireTime' AND e.STATUS = ? AND p.PARAMETER_VALUE <> '2026-03-01T23:30:00Z'
                ORDER BY e.JOB_EXECUTION_ID""").param(status).query(Long.class).list();
    }

    private String parameter(long execution, String name) {
        return jdbc.sql("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?")
                .params(execution, name).query(String.class).single();
    }

    private String cronOf(JobKey key) throws Exception {
        // Read between a scan's storing of the job and of its trigger, the job may have no trigger yet, or its
        // trigger may be between being replaced and stored again.
        try {
            return scheduler.getTriggersOfJob(key).stream().map(trigger -> ((CronTrigger) trigger).getCronExpression())
                    .findFirst().orElse("");
        } catch (JobPersistenceException replacedMeanwhile) {
            return "";
        }
    }

    private static String campaign(String cron) {
        return """
                campaign: later
                channel: notify
                audience: later-audience.csv
                schedule: "%s"
                notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                """.formatted(cron);
    }

    /** Polls until {@code condition} holds, failing after a deadline: scans and fires happen on their own threads. */
    static void awaitUntil(String what, Check condition) throws Exception {
        awaitUntil(what, PATIENCE, condition);
    }

    static void awaitUntil(String what, Duration patience, Check condition) throws Exception {
        Awaitility.await("waiting until " + what).atMost(patience).pollInterval(Duration.ofMillis(50)).until(condition::holds);
    }

    /** A condition that may query the scheduler or the database. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
