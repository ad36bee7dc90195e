package dev.superapp.batch.schedule;

import dev.superapp.batch.campaign.CampaignPlans;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Service;

/**
 * Campaigns the console sends once, now or at a chosen time, through the same clustered Quartz scheduler as
 * {@code jobs/}: whichever {@code serve} node is free fires it, and if that node dies, the fire or the
 * execution is recovered. Kept in group {@value #GROUP}, apart from the definitions that
 * {@link ScheduleSynchronizer} keeps in step with {@code jobs.dir}.
 */
@Service
public class OneOffCampaigns implements CampaignPlans {

    static final String GROUP = "console";

    private final Scheduler scheduler;

    OneOffCampaigns(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Pushes the registered campaign at {@code at} (now, if that has passed), by its id, replacing an earlier plan. */
    @Override
    public void pushAt(String campaignId, Instant at) {
        JobDetail job = JobBuilder.newJob(LaunchScheduledJob.class).withIdentity(campaignId, GROUP)
                .usingJobData(LaunchScheduledJob.KIND, JobKind.CAMPAIGN.name())
                .usingJobData(LaunchScheduledJob.CAMPAIGN, campaignId)
                // A node that dies between the fire and the job's start: another node fires it again. Once
                // started, a dead node's execution is OrphanRecovery's, and the repeated fire is refused.
                .requestRecovery(true)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(campaignId, GROUP)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /** When the campaign is planned to be pushed, if it still is. */
    @Override
    public Optional<Instant> plannedAt(String campaignId) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(campaignId, GROUP));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the plan of campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /** @return true when a plan was dropped before it fired */
    @Override
    public boolean drop(String campaignId) {
        try {
            return scheduler.deleteJob(JobKey.jobKey(campaignId, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not unschedule campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }
}
