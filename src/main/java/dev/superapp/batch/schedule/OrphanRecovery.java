package dev.superapp.batch.schedule;

import dev.superapp.batch.lease.JobLeases;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds job executions of serve nodes whose run died (the process killed, its machine lost: its lease is
 * dead), marks each FAILED with {@link JobOperator#recover} so it can be restarted, and resumes it from its last commit on
 * a live node. One live node claims each orphan first, so it is resumed once. Campaign pushes stay exactly
 * once across this: they never resend an acknowledged chunk.
 */
final class OrphanRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrphanRecovery.class);

    private final JobNodes nodes;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Scheduler scheduler;
    private final JobLeases leases;

    OrphanRecovery(JobNodes nodes, JobOperator jobOperator, JobRepository jobRepository, Scheduler scheduler,
                   JobLeases leases) {
        this.nodes = nodes;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.scheduler = scheduler;
        this.leases = leases;
    }

    void recoverDeadNodesExecutions() throws SchedulerException {
        String me = scheduler.getSchedulerInstanceId();
        for (JobNodes.Orphan orphan : nodes.runningServeExecutions()) {
            if (leases.isDead(orphan.executionId()) && nodes.claim(orphan.executionId(), me)) {
                JobExecution execution = jobOperator.recover(jobRepository.getJobExecution(orphan.executionId()));
                log.warn("node {} died while running execution {} (its lease is dead); marked it {} and resuming it",
                        orphan.nodeId(), orphan.executionId(), execution.getStatus());
                scheduler.scheduleJob(JobBuilder.newJob(ResumeExecutionJob.class)
                                .withIdentity("resume-" + orphan.executionId(), "recovery")
                                .usingJobData(ResumeExecutionJob.EXECUTION_ID, orphan.executionId()).build(),
                        TriggerBuilder.newTrigger().withIdentity("resume-" + orphan.executionId(), "recovery").startNow()
                                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                                .build());
            }
        }
    }
}
