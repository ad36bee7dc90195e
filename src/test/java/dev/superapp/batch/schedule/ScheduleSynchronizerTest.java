package dev.superapp.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.testing.AudienceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.LoggerFactory;

/** What a scan of jobs.dir does to the schedules, on an in-memory Quartz scheduler that never fires. */
class ScheduleSynchronizerTest {

    private static final JobKey RECONCILIATION = JobKey.jobKey("reconciliation", ScheduleSynchronizer.GROUP);
    private static final JobKey CAMPAIGN = JobKey.jobKey("campaign:sale.yaml", ScheduleSynchronizer.GROUP);

    @TempDir
    Path jobs;

    private final JobDefinitionReader reader = new JobDefinitionReader(new CampaignDefinitionParser(), new CampaignTimeZones(""));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<CampaignDefinition> registered = new ArrayList<>();
    private Scheduler scheduler;
    private ScheduleSynchronizer synchronizer;

    @BeforeEach
    void createScheduler() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "sync-test-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        synchronizer = new ScheduleSynchronizer(scheduler, registered::add);
        log.start();
        ((Logger) LoggerFactory.getLogger(ScheduleSynchronizer.class)).addAppender(log);
        Files.createDirectories(jobs.resolve("campaigns"));
        AudienceFiles.write(jobs.resolve("campaigns"), "open_id", "s-", 3);
    }

    @AfterEach
    void shutDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(ScheduleSynchronizer.class)).detachAppender(log);
        scheduler.shutdown();
    }

    @Test
    void schedulesEachDefinitionInItsZoneFiringAMissedNightOnceOnStartUp() throws Exception {
        writeReconciliation("0 30 2 * * ?");
        writeCampaign("0 0 9 * * ?");

        scan();

        CronTrigger nightly = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("reconciliation", ScheduleSynchronizer.GROUP));
        assertThat(nightly.getCronExpression()).isEqualTo("0 30 2 * * ?");
        assertThat(nightly.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Riyadh"));
        assertThat(nightly.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        JobDetail job = scheduler.getJobDetail(RECONCILIATION);
        assertThat(job.getJobClass()).isEqualTo(LaunchScheduledJob.class);
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
        assertThat(job.getJobDataMap().getString("option.pollAttempts")).isEqualTo("3");
        assertThat(cronOf(CAMPAIGN)).isEqualTo("0 0 9 * * ?");
    }

    @Test
    void aCampaignsCronIsReadInItsOwnZone() throws Exception {
        writeCampaign("0 0 9 * * ?", "timeZone: Asia/Riyadh\n");

        scan();

        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(CAMPAIGN.getName(), ScheduleSynchronizer.GROUP));
        assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Riyadh"));
    }

    @Test
    void aCampaignWhoseNextFireComesAfterItsNotAfterIsAProblemNotASchedule() throws Exception {
        // 09:00 every 1 January from 2090: long after the end in 2080.
        writeCampaign("0 0 9 1 1 ? 2090-2099", "notAfter: 2080-01-01T00:00:00Z\n");

        scan();

        assertThat(scheduler.checkExists(CAMPAIGN)).isFalse();
        assertThat(registered).isEmpty();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("sale.yaml", "next fires at 2090-01-01T09:00",
                        "after notAfter 2080-01-01T00:00Z; it would send nothing"));
    }

    @Test
    void registersACampaignBeforeSchedulingItSoThatItsFiresPushItById() throws Exception {
        writeCampaign("0 0 9 * * ?");

        scan();
        scan();

        assertThat(registered).extracting(CampaignDefinition::campaignId).as("registered once, when first scheduled")
                .containsExactly("sale");
        assertThat(scheduler.getJobDetail(CAMPAIGN).getJobDataMap().getString(LaunchScheduledJob.CAMPAIGN)).isEqualTo("sale");
    }

    @Test
    void aCampaignScheduledBeforeFiresWentByIdIsRegisteredAndRescheduledWithItsId() throws Exception {
        writeCampaign("0 0 9 * * ?");
        ScheduledDefinition sale = reader.read(jobs).definitions().get(0);
        JobDetail earlier = ScheduleSynchronizer.jobDetail(sale);
        earlier.getJobDataMap().remove(LaunchScheduledJob.CAMPAIGN);
        scheduler.scheduleJob(earlier, ScheduleSynchronizer.trigger(sale));

        scan();

        assertThat(registered).extracting(CampaignDefinition::campaignId).containsExactly("sale");
        assertThat(scheduler.getJobDetail(CAMPAIGN).getJobDataMap().getString(LaunchScheduledJob.CAMPAIGN)).isEqualTo("sale");
    }

    @Test
    void aCampaignWhoseIdIsRegisteredWithAnotherDefinitionIsAProblemNotASchedule() throws Exception {
        writeCampaign("0 0 9 * * ?");
        synchronizer = new ScheduleSynchronizer(scheduler, definition -> {
            throw new CampaignDefinitionException(List.of("campaign sale already exists with another definition"));
        });

        scan();

        assertThat(scheduler.checkExists(CAMPAIGN)).isFalse();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("sale.yaml", "already exists with another definition"));
    }

    @Test
    void reschedulesAChangedFileAndLeavesAnUnchangedOneAlone() throws Exception {
        writeReconciliation("0 30 2 * * ?");
        writeCampaign("0 0 9 * * ?");
        scan();
        markTrigger(RECONCILIATION);

        writeCampaign("0 0 10 * * ?");
        scan();

        assertThat(cronOf(CAMPAIGN)).isEqualTo("0 0 10 * * ?");
        assertThat(scheduler.getJobDetail(RECONCILIATION).getJobDataMap().getString("marker"))
                .as("an unchanged definition keeps its job and trigger").isEqualTo("untouched");
    }

    @Test
    void unschedulesARemovedFileAndACampaignWithoutSchedule() throws Exception {
        writeReconciliation("0 30 2 * * ?");
        writeCampaign("0 0 9 * * ?");
        scan();

        Files.delete(jobs.resolve("reconciliation.yaml"));
        writeCampaign(null);
        scan();

        assertThat(scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.anyJobGroup())).isEmpty();
    }

    @Test
    void reportsAnInvalidFileOnceInOneLineWhileTheOthersKeepTheirSchedules() throws Exception {
        writeReconciliation("0 30 2 * * ?");
        writeCampaign("0 0 9 * * ?");
        scan();

        writeCampaign("not a cron");
        Files.writeString(jobs.resolve("campaigns/broken.yaml"), "campaign: [");
        scan();
        scan();

        assertThat(cronOf(RECONCILIATION)).isEqualTo("0 30 2 * * ?");
        assertThat(cronOf(CAMPAIGN)).as("the last valid version keeps its schedule").isEqualTo("0 0 9 * * ?");
        assertThat(log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(jobs.resolve("campaigns/sale.yaml").toString(),
                        "schedule", "not a cron").doesNotContain("\n"))
                .anySatisfy(line -> assertThat(line).contains(jobs.resolve("campaigns/broken.yaml").toString(), "not valid YAML"));
    }

    @Test
    void reportsACampaignWhoseOnlyDateHasPassedWithoutStoppingTheScan() throws Exception {
        writeCampaign("0 0 9 1 12 ? 2020");
        writeReconciliation("0 30 2 * * ?");

        scan();

        assertThat(scheduler.checkExists(CAMPAIGN)).isFalse();
        assertThat(cronOf(RECONCILIATION)).isEqualTo("0 30 2 * * ?");
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("sale.yaml: schedule:", "never fires again"));
    }

    @Test
    void aNightlyRunMissedForThreeNightsFiresOnceWhenTheSchedulerStarts() throws Exception {
        writeReconciliation("0 30 2 * * ?");
        ScheduledDefinition nightly = reader.read(jobs).definitions().get(0);
        Trigger threeNightsAgo = ScheduleSynchronizer.trigger(nightly).getTriggerBuilder()
                .startAt(Date.from(Instant.now().minus(Duration.ofDays(3)))).build();
        scheduler.setJobFactory((bundle, owner) -> context -> { });
        AtomicInteger fired = new AtomicInteger();
        scheduler.getListenerManager().addTriggerListener(new TriggerListenerSupport() {
            @Override
            public String getName() {
                return "count";
            }

            @Override
            public void triggerFired(Trigger trigger, JobExecutionContext context) {
                fired.incrementAndGet();
            }
        });
        scheduler.scheduleJob(ScheduleSynchronizer.jobDetail(nightly), threeNightsAgo);

        scheduler.start();
        ServeSchedulingContract.awaitUntil("the missed nights are handled", () -> fired.get() > 0
                && scheduler.getTrigger(threeNightsAgo.getKey()).getNextFireTime().after(new Date())
                && scheduler.getCurrentlyExecutingJobs().isEmpty());

        assertThat(fired).as("once, not once per missed night").hasValue(1);
    }

    private void scan() throws Exception {
        synchronizer.apply(reader.read(jobs));
    }

    private String cronOf(JobKey key) throws Exception {
        return ((CronTrigger) scheduler.getTriggersOfJob(key).get(0)).getCronExpression();
    }

    private void markTrigger(JobKey key) throws Exception {
        JobDetail marked = scheduler.getJobDetail(key).getJobBuilder().usingJobData("marker", "untouched").build();
        scheduler.addJob(marked, true, true);
    }

    private void writeReconciliation(String cron) throws Exception {
        Files.writeString(jobs.resolve("reconciliation.yaml"), """
                job: reconciliation
                cron: "%s"
                timeZone: Asia/Riyadh
                options: {closeAfter: 30m, pollAttempts: 3, pollInterval: 2s}
                """.formatted(cron));
    }

    private void writeCampaign(String cron) {
        writeCampaign(cron, "");
    }

    private void writeCampaign(String cron, String extra) {
        AudienceFiles.campaign(jobs.resolve("campaigns"), "sale", """
                campaign: sale
                channel: notify
                audience: s-audience.csv
                notify: {notifyType: 1, title: Hello, text: Hi, navigateType: "1", language: en_US}
                """ + (cron == null ? "" : "schedule: \"" + cron + "\"\n") + extra);
    }
}
