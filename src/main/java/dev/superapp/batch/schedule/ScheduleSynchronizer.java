package dev.superapp.batch.schedule;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.system.UserInputException;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Quartz jobs of group {@value #GROUP} match what {@link JobDefinitionReader} found: new
 * definitions are scheduled, changed ones rescheduled, removed ones deleted. An unchanged definition is
 * left alone, so its trigger keeps its history, and a nightly run missed while every node was down
 * still fires once when the scheduler starts ({@code MISFIRE_INSTRUCTION_FIRE_ONCE_NOW}, not once per
 * missed night). An invalid file keeps its last valid schedule, and its problem is logged once.
 *
 * <p>A campaign is registered (as {@code push} would) before it is scheduled, so that its fires push it by its id
 * and parse nothing; one whose id is registered with another channel or audience is a problem, not scheduled.
 *
 * <p>Every node runs this against the shared job store; the jobs dir must hold the same files on every node.
 */
final class ScheduleSynchronizer {

    static final String GROUP = "definitions";
    private static final String FINGERPRINT = "fingerprint";
    private static final Logger log = LoggerFactory.getLogger(ScheduleSynchronizer.class);

    private final Scheduler scheduler;
    private final Consumer<CampaignDefinition> registrar;
    private final Map<String, String> reported = new HashMap<>();

    ScheduleSynchronizer(Scheduler scheduler, Consumer<CampaignDefinition> registrar) {
        this.scheduler = scheduler;
        this.registrar = registrar;
    }

    synchronized void apply(JobDefinitionReader.Scan scan) throws SchedulerException {
        Map<String, String> problems = new LinkedHashMap<>(scan.problems());
        Set<String> wanted = scan.definitions().stream().map(ScheduledDefinition::name).collect(Collectors.toSet());
        for (ScheduledDefinition definition : scan.definitions()) {
            JobDetail existing = scheduler.getJobDetail(JobKey.jobKey(definition.name(), GROUP));
            if (changed(definition, existing)) {
                Trigger trigger = trigger(definition);
                Date next = trigger.getFireTimeAfter(new Date());
                if (next == null) {
                    // A campaign whose only date has passed: Quartz would refuse a trigger that never fires.
                    problems.put(definition.name(), definition.file() + ": schedule: '" + definition.cron()
                            + "' never fires again");
                    continue;
                }
                if (definition.campaign() != null && definition.campaign().endedAt(next.toInstant())) {
                    problems.put(definition.name(), definition.file() + ": schedule: '" + definition.cron() + "' next fires at "
                            + next.toInstant().atZone(definition.timeZone()).toOffsetDateTime() + ", after notAfter "
                            + definition.campaign().notAfter() + "; it would send nothing");
                    continue;
                }
                if (definition.campaign() != null) {
                    try {
                        registrar.accept(definition.campaign());
                    } catch (UserInputException e) {
                        problems.put(definition.name(), definition.file() + ": " + e.getMessage());
                        continue;
                    }
                }
                try {
                    scheduler.scheduleJob(jobDetail(definition), Set.of(trigger), true);
                    log.info("{}: {} {} ({}, {})", definition.file(), existing == null ? "scheduled" : "rescheduled",
                            definition.name(), definition.cron(), definition.timeZone().getId());
                } catch (SchedulerException e) {
                    // Another node storing the same definition at the same moment; the next scan looks again.
                    log.warn("{}: not scheduled by this scan, next scan retries: {}", definition.file(), e.getMessage());
                }
            }
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key.getName()) && !problems.containsKey(key.getName())) {
                scheduler.deleteJob(key);
                log.info("{} is no longer defined; unscheduled", key.getName());
            }
        }
        report(problems);
    }

    /** New, edited, or a campaign scheduled before campaigns were fired by id (its row names no campaign). */
    private static boolean changed(ScheduledDefinition definition, JobDetail existing) {
        return existing == null || !definition.fingerprint().equals(existing.getJobDataMap().getString(FINGERPRINT))
                || definition.campaign() != null && !existing.getJobDataMap().containsKey(LaunchScheduledJob.CAMPAIGN);
    }

    /** Once per problem, not once per scan: a file stays broken until someone edits it. */
    private void report(Map<String, String> problems) {
        reported.keySet().retainAll(problems.keySet());
        problems.forEach((name, problem) -> {
            if (!problem.equals(reported.put(name, problem))) {
                log.error("invalid job definition, not scheduled (its last valid version, if any, keeps its schedule): {}", problem);
            }
        });
    }

    static JobDetail jobDetail(ScheduledDefinition definition) {
        JobBuilder job = JobBuilder.newJob(LaunchScheduledJob.class).withIdentity(definition.name(), GROUP)
                .usingJobData(LaunchScheduledJob.KIND, definition.kind().name())
                .usingJobData(LaunchScheduledJob.FILE, definition.file().toAbsolutePath().toString())
                .usingJobData(LaunchScheduledJob.TIME_ZONE, definition.timeZone().getId())
                .usingJobData(FINGERPRINT, definition.fingerprint())
                // A node that dies mid-run is handled by OrphanRecovery, which resumes the Batch execution.
                .requestRecovery(false);
        definition.options().forEach((name, value) -> job.usingJobData(LaunchScheduledJob.OPTION_PREFIX + name, value));
        if (definition.campaign() != null) {
            job.usingJobData(LaunchScheduledJob.CAMPAIGN, definition.campaign().campaignId());
        }
        return job.build();
    }

    static Trigger trigger(ScheduledDefinition definition) {
        return TriggerBuilder.newTrigger().withIdentity(definition.name(), GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(definition.cron())
                        .inTimeZone(TimeZone.getTimeZone(definition.timeZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
