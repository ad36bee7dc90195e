package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.definition.NotifySettings;
import dev.superapp.batch.campaign.recipient.AudienceOverlap;
import dev.superapp.batch.runs.Run;
import dev.superapp.batch.runs.RunHistory;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.system.UserInputException;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Sending, pausing, resuming, cancelling and withdrawing console campaigns through the clustered scheduler,
 * against the sandbox, slowed down (one recipient per request, 25 requests a second) so that there is time to
 * pause between chunks.
 */
@SpringBootTest(properties = {"spring.quartz.auto-startup=true", "push.chunk-size=1", "platform.max-in-flight=1",
        "platform.rate-limit=25"})
abstract class CampaignControlContract {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir static Path uploads;

    @Autowired NewCampaign newCampaigns;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignStore store;
    @Autowired AudienceStaging staging;
    @Autowired JdbcClient jdbc;
    @Autowired RunHistory history;
    @Autowired AudienceOverlap overlap;
    @Autowired CampaignLauncher launcher;
    @Autowired CampaignDefinitionParser parser;
    @Autowired JobOperator jobOperator;
    @Autowired @Qualifier("campaignJob") Job campaignJob;

    private final SandboxPlatform sandbox = TestSandbox.platform();
    private final String prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + "_";

    static void environment(DynamicPropertyRegistry registry, TestDatabase database) {
        database.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", uploads::toString);
        registry.add("reports.dir", () -> uploads.resolve("reports").toString());
    }

    @Test
    void aPausedCampaignStopsSendingAndResumingSendsTheRestToEveryoneExactlyOnce() throws Exception {
        List<String> ids = register("ctl-pause", "notify", 150);
        lifecycle.schedule("ctl-pause", Instant.now());
        await(() -> delivered(ids) > 0);

        lifecycle.pause("ctl-pause", "mark");

        await(() -> status("ctl-pause") == CampaignStatus.PAUSED);
        long sentWhenPaused = delivered(ids);
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> delivered(ids) == sentWhenPaused);
        assertThat(delivered(ids)).isEqualTo(sentWhenPaused).isLessThan(ids.size());
        assertThat(lastExecutionStatus("ctl-pause")).isEqualTo("STOPPED");
        Run paused = history.find(lastExecutionId("ctl-pause")).orElseThrow();
        assertThat(paused.stop().text()).as("who paused it, not JobInterruptedException")
                .matches("paused by mark at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        lifecycle.resume("ctl-pause", "mark");

        await(() -> status("ctl-pause") == CampaignStatus.FINISHED);
        assertThat(store.find("ctl-pause").orElseThrow().statusDetail()).isNull();
        assertThat(history.find(lastExecutionId("ctl-pause")).orElseThrow().stop()).as("the resumed run finished").isNull();
        assertThat(history.find(paused.executionId()).orElseThrow().stop()).isEqualTo(paused.stop());
        assertThat(ids).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
    }

    @Test
    void aCancelledCampaignStopsForGoodAndItsExecutionIsAbandoned() throws Exception {
        List<String> ids = register("ctl-cancel", "notify", 150);
        lifecycle.schedule("ctl-cancel", Instant.now());
        await(() -> delivered(ids) > 0);

        lifecycle.cancel("ctl-cancel", "mark");

        await(() -> status("ctl-cancel") == CampaignStatus.CANCELED);
        await(() -> "ABANDONED".equals(lastExecutionStatus("ctl-cancel")));
        assertThat(history.find(lastExecutionId("ctl-cancel")).orElseThrow().stop().text()).startsWith("cancelled by mark at ");
        long sent = delivered(ids);
        assertThat(sent).isLessThan(ids.size());
        assertThatThrownBy(() -> lifecycle.resume("ctl-cancel", "mark")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("nothing to resume");
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> delivered(ids) == sent);
        assertThat(delivered(ids)).isEqualTo(sent);
    }

    @Test
    void recipientsAnEarlierCampaignSentCanBeLeftOutAndAreReportedExcluded() throws Exception {
        List<String> earlier = register("ctl-first", "notify", 4);
        lifecycle.schedule("ctl-first", Instant.now());
        await(() -> status("ctl-first") == CampaignStatus.FINISHED);
        List<String> later = register("ctl-second", "notify", 10);
        assertThat(overlap.between("ctl-second", "ctl-first")).isEqualTo(new AudienceOverlap.Overlap("ctl-first", 4, 4, 0));

        assertThat(lifecycle.leaveOut("ctl-second", "ctl-first", true, "mark")).isEqualTo(4);

        assertThat(staging.preview("ctl-second").valid()).isEqualTo(6);
        assertThat(staging.preview("ctl-second").excluded()).isEqualTo(4);
        assertThat(overlap.between("ctl-second", "ctl-first")).isEqualTo(new AudienceOverlap.Overlap("ctl-first", 0, 0, 4));
        lifecycle.schedule("ctl-second", Instant.now());
        assertThatThrownBy(() -> lifecycle.leaveOut("ctl-second", "ctl-first", false, "mark"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("before it is sent or scheduled");
        await(() -> status("ctl-second") == CampaignStatus.FINISHED);
        assertThat(later).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
        assertThat(earlier).isEqualTo(later.subList(0, 4));
        Path report = launcher.lastRun("ctl-second").orElseThrow().report();
        assertThat(Files.readAllLines(report)).filteredOn(line -> line.contains(",EXCLUDED,")).hasSize(4)
                .allSatisfy(line -> assertThat(line).endsWith("left out by mark: sent by campaign ctl-first"));
    }

    @Test
    void aCampaignCancelledBeforeSendingIsNeverSent() throws Exception {
        List<String> ids = register("ctl-early", "notify", 5);
        lifecycle.schedule("ctl-early", Instant.now().plus(Duration.ofHours(1)));
        assertThat(status("ctl-early")).isEqualTo(CampaignStatus.SCHEDULED);

        lifecycle.cancel("ctl-early", "mark");

        assertThat(status("ctl-early")).isEqualTo(CampaignStatus.CANCELED);
        assertThatThrownBy(() -> lifecycle.schedule("ctl-early", Instant.now())).isInstanceOf(UserInputException.class);
        assertThat(delivered(ids)).isZero();
    }

    @Test
    void aCampaignCancelledAsItsJobStartsSendsNobodyAndCannotBeRestarted() throws Exception {
        List<String> ids = register("ctl-race", "notify", 20);
        // The cancel lands after the fire checked the campaign but before its job claimed it.
        lifecycle.cancel("ctl-race", "mark");

        JobExecution execution = jobOperator.start(campaignJob, new JobParametersBuilder()
                .addString("campaign", "ctl-race").toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(status("ctl-race")).isEqualTo(CampaignStatus.CANCELED);
        assertThat(delivered(ids)).isZero();
        assertThatThrownBy(() -> jobOperator.restart(execution)).isInstanceOf(JobRestartException.class);
    }

    @Test
    void aPlannedCampaignWhoseFireCannotStartItIsFailedNotLeftScheduled() throws Exception {
        List<String> ids = register("ctl-lost", "notify", 5);
        lifecycle.schedule("ctl-lost", Instant.now().plusSeconds(1));
        // A row the fire cannot read (as if a newer build had written it): the push cannot even begin.
        jdbc.sql("UPDATE campaign SET definition = '{\"channel\":\"fax\"}' WHERE campaign_id = 'ctl-lost'").update();

        await(() -> store.status("ctl-lost") == CampaignStatus.FAILED);
        assertThat(delivered(ids)).isZero();
        assertThat(jdbc.sql("SELECT status_detail FROM campaign WHERE campaign_id = 'ctl-lost'").query(String.class).single())
                .startsWith("the planned send did not start: ").contains("no known channel");
    }

    @Test
    void aCampaignRegisteredByPushIsResumedFromItsRecordedDefinition() throws Exception {
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> prefix + "p" + i).toList();
        Path elsewhere = Files.createDirectories(uploads.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("audience.csv"), "open_id\n" + String.join("\n", ids) + "\n");
        Path yaml = Files.writeString(elsewhere.resolve("campaign.yaml"), """
                campaign: ctl-cli
                channel: notify
                audience: audience.csv
                notify: {notifyType: 1, title: Hi, text: Hello, navigateType: "1", language: en_US}
                """);
        lifecycle.register(parser.parse(yaml));
        // As if its push had been stopped (a node shut down) before it sent anything.
        jdbc.sql("UPDATE campaign SET status = 'STOPPED' WHERE campaign_id = 'ctl-cli'").update();

        lifecycle.resume("ctl-cli", "mark");

        await(() -> status("ctl-cli") == CampaignStatus.FINISHED);
        assertThat(ids).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));
        // Fired by id from the recorded definition: no definition file was written to be read back.
        assertThat(uploads.resolve("definitions")).doesNotExist();
    }

    @Test
    void anAudienceCheckThatFailedCanBeRunAgainAndTakesUpWhereItStopped() throws Exception {
        Path audience = uploads.resolve("later.csv");
        lifecycle.register(new CampaignDefinition("ctl-check", Channel.NOTIFY, audience, null,
                new NotifySettings(1, "Hi", "Hello", "1", null, null, "en_US")));
        lifecycle.checkAudience("ctl-check");
        await(() -> staging.preview("ctl-check").staging() == AudiencePreview.Staging.FAILED);
        assertThat(staging.preview("ctl-check").failure()).contains("later.csv");

        Files.writeString(audience, "open_id\n" + prefix + "a\n" + prefix + "b\n");
        lifecycle.checkAudience("ctl-check");

        await(() -> staging.preview("ctl-check").staging() == AudiencePreview.Staging.STAGED);
        assertThat(staging.preview("ctl-check").valid()).isEqualTo(2);
        assertThatThrownBy(() -> lifecycle.checkAudience("ctl-check")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("checked already");
    }

    @Test
    void aCampaignStillSendingCannotBeWithdrawn() throws Exception {
        register("ctl-busy", "activity", 5);
        lifecycle.start("ctl-busy");

        assertThatThrownBy(() -> lifecycle.withdraw("ctl-busy", uploads.resolve(prefix + "busy.csv"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is still sending");
    }

    @Test
    void withdrawingAnActivitySendsStatusZeroToEveryoneWhoGotTheCard() throws Exception {
        List<String> ids = register("ctl-show", "activity", 20);
        lifecycle.schedule("ctl-show", Instant.now());
        await(() -> status("ctl-show") == CampaignStatus.FINISHED);

        String withdrawalId = lifecycle.withdraw("ctl-show", uploads.resolve(prefix + "show.csv"));

        assertThat(withdrawalId).isEqualTo("ctl-show-withdraw");
        await(() -> status(withdrawalId) == CampaignStatus.FINISHED);
        assertThat(sandbox.deliveries()).filteredOn(d -> d.openId().startsWith(prefix) && d.status() == 0)
                .hasSize(ids.size());
        assertThatThrownBy(() -> lifecycle.withdraw("ctl-show", uploads.resolve(prefix + "show.csv"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("already withdrawn");
    }

    private List<String> register(String campaignId, String channel, int recipients) throws Exception {
        List<String> ids = IntStream.range(0, recipients).mapToObj(i -> prefix + i).toList();
        String csv = "open_id\n" + String.join("\n", ids) + "\n";
        Map<String, String> fields = channel.equals("notify")
                ? Map.of("notifyType", "1", "title", "Hi", "text", "Hello", "navigateType", "1", "language", "en_US")
                : Map.of("activityId", campaignId + prefix, "templateId", "1", "title", "Sale", "text", "Half price",
                        "iconUrl", "https://example.com/i.png", "color", "FFFFFF", "validityTime", "3600",
                        "status", "1", "language", "en_US");
        NewCampaign.Outcome outcome = newCampaigns.register(campaignId,
                Channel.fromKey(channel).orElseThrow(), FormValues.of(fields), new CampaignTimes(null, null),
                new MockMultipartFile("audience", "audience.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(outcome.problems()).isEmpty();
        await(() -> staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGED);
        return ids;
    }

    private long delivered(List<String> ids) {
        return ids.stream().filter(id -> sandbox.deliveryCount(id) > 0).count();
    }

    private CampaignStatus status(String campaignId) {
        return store.find(campaignId).orElseThrow().status();
    }

    private long lastExecutionId(String campaignId) {
        return jdbc.sql("""
                        SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e
                        JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                        JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                        WHERE i.JOB_NAME = 'campaignJob' AND p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ?""")
                .param(campaignId).query(Long.class).single();
    }

    private String lastExecutionStatus(String campaignId) {
        return jdbc.sql("""
                        SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                        JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                        WHERE i.JOB_NAME = 'campaignJob' AND p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ?
                        ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""")
                .param(campaignId).query(String.class).optional().orElse(null);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
