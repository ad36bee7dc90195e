package dev.superapp.batch.schedule;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.lease.JobLeases;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What {@code serve} runs: this node's clustered Quartz scheduler, and every {@code jobs.scan-interval}
 * a scan of {@code jobs.dir} (new, changed and removed definitions take effect without a restart) and a
 * check for executions left running by dead nodes. When the application closes (SIGTERM) the jobs running
 * here are asked to stop at their next chunk boundary, ending STOPPED and restartable; Quartz then waits
 * for them ({@code spring.quartz.wait-for-jobs-to-complete-on-shutdown}) before the process exits.
 */
@Service
public class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final Scheduler scheduler;
    private final JobsProperties properties;
    private final JobNodeRecorder recorder;
    private final JobDefinitionReader reader;
    private final ScheduleSynchronizer synchronizer;
    private final OrphanRecovery orphans;
    private final ScheduledExecutorService scans = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jobs-scan");
        thread.setDaemon(true);
        return thread;
    });

    ScheduleService(Scheduler scheduler, JobsProperties properties, JobOperator jobOperator, JobRepository jobRepository,
                    JobNodeRecorder recorder, JobNodes nodes, CampaignDefinitionParser campaigns, CampaignLifecycle lifecycle,
                    JobLeases leases, CampaignTimeZones zones) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.recorder = recorder;
        this.reader = new JobDefinitionReader(campaigns, zones);
        this.synchronizer = new ScheduleSynchronizer(scheduler, lifecycle::registerScheduled);
        this.orphans = new OrphanRecovery(nodes, jobOperator, jobRepository, scheduler, leases);
    }

    /** Joins the cluster and starts watching {@code jobs.dir}; returns this node's id. */
    public String start() throws SchedulerException {
        scheduler.start();
        scans.scheduleWithFixedDelay(this::scan, 0, properties.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("node {} serving the job definitions in {}", scheduler.getSchedulerInstanceId(),
                properties.dir().toAbsolutePath().normalize());
        return scheduler.getSchedulerInstanceId();
    }

    private void scan() {
        try {
            synchronizer.apply(reader.read(properties.dir()));
            orphans.recoverDeadNodesExecutions();
        } catch (Exception e) {
            // The next scan tries again: a database that is away for a moment must not end the watching.
            log.error("scanning {} and the cluster failed: {}", properties.dir(), e.getMessage());
        }
    }

    /**
     * Asks every step running here to end at its next chunk boundary; the step then ends STOPPED, and so
     * does its job, restartable from the last commit. This is the in-memory half of
     * {@code JobOperator.stop}: in Batch 6.0.4 that method also writes the step execution from this thread
     * while the step's own thread writes it, and the step then fails on an optimistic lock
     * (spring-batch#5120, #5484) instead of stopping.
     */
    @EventListener
    void stopRunningJobs(ContextClosedEvent closed) {
        if (closed.getApplicationContext().getParent() != null) {
            return; // the management server's child context closing, not the application
        }
        scans.shutdownNow();
        for (JobExecution execution : recorder.running()) {
            execution.getStepExecutions().stream().filter(step -> step.getStatus().isRunning())
                    .forEach(StepExecution::setTerminateOnly);
            log.info("stopping execution {} at its next chunk boundary", execution.getId());
        }
    }
}
