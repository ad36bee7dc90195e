package dev.superapp.batch.schedule;

import dev.superapp.batch.system.EveryJobListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Records, as every job execution starts, which node runs it (the Quartz scheduler instance id), and
 * keeps the executions running in this process so a graceful stop can stop them.
 */
@Component
class JobNodeRecorder implements EveryJobListener {

    private final JobNodes nodes;
    private final Scheduler scheduler;
    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

    JobNodeRecorder(JobNodes nodes, Scheduler scheduler) {
        this.nodes = nodes;
        this.scheduler = scheduler;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution);
        try {
            // Only a started scheduler is a cluster member whose death another node can notice.
            nodes.record(execution.getId(), scheduler.getSchedulerInstanceId(), scheduler.isStarted());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read this node's scheduler instance id", e);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution);
    }

    List<JobExecution> running() {
        return List.copyOf(running);
    }
}
