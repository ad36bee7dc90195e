package dev.superapp.batch.schedule;

import org.quartz.Scheduler;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "scheduler": up while this node's Quartz scheduler is running in the cluster. */
@Component
class SchedulerHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;

    SchedulerHealthIndicator(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        (running ? builder.up() : builder.down())
                .withDetail("node", scheduler.getSchedulerInstanceId())
                .withDetail("clustered", scheduler.getMetaData().isJobStoreClustered())
                .withDetail("jobs", scheduler.getCurrentlyExecutingJobs().size());
    }
}
