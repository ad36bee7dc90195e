package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.definition.NotifySettings;
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
    @Autowired CampaignActions actions;
    @Autowired ActivityWithdrawal withdrawal;
    @Autowired CampaignStore store;
    @Autowired AudienceStaging staging;
    @Autowired JdbcClient jdbc;
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
        actions.sendAt("ctl-pause", Instant.now());
        await(() -> delivered(ids) > 0);

        actions.pause("ctl-pause");

        await(() -> status("ctl-pause") == CampaignStatus.PAUSED);
        long sentWhenPaused = delivered(ids);
        Thread.sleep(1500);
        assertThat(delivered(ids)).isEqualTo(sentWhenPaused).isLessThan(ids.size());
        assertThat(lastExecutionStatus("ctl-pause")).isEqualTo("STOPPED");

        actions.resume("ctl-pause");

        await(() -> status("ctl-pause") == CampaignStatus.FINISHED);
        assertThat(store.find("ctl-pause").orElseThrow().statusDetail()).isNull();
        assertThat(ids).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
    }

    @Test
    void aCancelledCampaignStopsForGoodAndItsExecutionIsAbandoned() throws Exception {
        List<String> ids = register("ctl-cancel", "notify", 150);
        actions.sendAt("ctl-cancel", Instant.now());
        await(() -> delivered(ids) > 0);

        actions.cancel("ctl-cancel");

        await(() -> status("ctl-cancel") == CampaignStatus.CANCELED);
        await(() -> "ABANDONED".equals(lastExecutionStatus("ctl-cancel")));
        long sent = delivered(ids);
        assertThat(sent).isLessThan(ids.size());
        assertThatThrownBy(() -> actions.resume("ctl-cancel")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("nothing to resume");
        Thread.sleep(1000);
        assertThat(delivered(ids)).isEqualTo(sent);
    }

    @Test
    void aCampaignCancelledBeforeSendingIsNeverSent() throws Exception {
        List<String> ids = register("ctl-early", "notify", 5);
        actions.sendAt("ctl-early", Instant.now().plus(Duration.ofHours(1)));
        assertThat(status("ctl-early")).isEqualTo(CampaignStatus.SCHEDULED);

        actions.cancel("ctl-early");

        assertThat(status("ctl-early")).isEqualTo(CampaignStatus.CANCELED);
        assertThatThrownBy(() -> actions.sendAt("ctl-early", Instant.now())).isInstanceOf(UserInputException.class);
        assertThat(delivered(ids)).isZero();
    }

    @Test
    void aCampaignCancelledAsItsJobStartsSendsNobodyAndCannotBeRestarted() throws Exception {
        List<String> ids = register("ctl-race", "notify", 20);
        // The cancel lands after the fire checked the campaign but before its job claimed it.
        store.moveStatus("ctl-race", CampaignStatus.NOT_STARTED, CampaignStatus.CANCELED);

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
        actions.sendAt("ctl-lost", Instant.now().plusSeconds(1));
        Files.delete(uploads.resolve("definitions/ctl-lost.yaml"));

        await(() -> status("ctl-lost") == CampaignStatus.FAILED);
        assertThat(delivered(ids)).isZero();
        assertThat(store.find("ctl-lost").orElseThrow().statusDetail())
                .startsWith("the planned send did not start: ").contains("ctl-lost.yaml");
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
        store.register(parser.parse(yaml));
        // As if its push had been stopped (a node shut down) before it sent anything.
        store.moveStatus("ctl-cli", CampaignStatus.NOT_STARTED, CampaignStatus.STOPPED);

        actions.resume("ctl-cli");

        await(() -> status("ctl-cli") == CampaignStatus.FINISHED);
        assertThat(ids).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));
        assertThat(uploads.resolve("definitions/ctl-cli.yaml")).exists();
    }

    @Test
    void anAudienceCheckThatFailedCanBeRunAgainAndTakesUpWhereItStopped() throws Exception {
        Path audience = uploads.resolve("later.csv");
        store.register(new CampaignDefinition("ctl-check", Channel.NOTIFY, audience, null,
                new NotifySettings(1, "Hi", "Hello", "1", null, null, "en_US")));
        staging.stageInBackground("ctl-check");
        await(() -> staging.preview("ctl-check").staging() == AudiencePreview.Staging.FAILED);
        assertThat(staging.preview("ctl-check").failure()).contains("later.csv");

        Files.writeString(audience, "open_id\n" + prefix + "a\n" + prefix + "b\n");
        actions.checkAgain("ctl-check");

        await(() -> staging.preview("ctl-check").staging() == AudiencePreview.Staging.STAGED);
        assertThat(staging.preview("ctl-check").valid()).isEqualTo(2);
        assertThatThrownBy(() -> actions.checkAgain("ctl-check")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("checked already");
    }

    @Test
    void aCampaignStillSendingCannotBeWithdrawn() throws Exception {
        register("ctl-busy", "activity", 5);
        store.moveStatus("ctl-busy", CampaignStatus.NOT_STARTED, CampaignStatus.SENDING);

        assertThatThrownBy(() -> withdrawal.withdraw("ctl-busy")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is still sending");
    }

    @Test
    void withdrawingAnActivitySendsStatusZeroToEveryoneWhoGotTheCard() throws Exception {
        List<String> ids = register("ctl-show", "activity", 20);
        actions.sendAt("ctl-show", Instant.now());
        await(() -> status("ctl-show") == CampaignStatus.FINISHED);

        String withdrawalId = withdrawal.withdraw("ctl-show");

        assertThat(withdrawalId).isEqualTo("ctl-show-withdraw");
        await(() -> status(withdrawalId) == CampaignStatus.FINISHED);
        assertThat(sandbox.deliveries()).filteredOn(d -> d.openId().startsWith(prefix) && d.status() == 0)
                .hasSize(ids.size());
        assertThatThrownBy(() -> withdrawal.withdraw("ctl-show")).isInstanceOf(UserInputException.class)
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
                Channel.fromKey(channel).orElseThrow(), fields,
                new MockMultipartFile("audience", "audience.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(outcome.problems()).isEmpty();
        await(() -> staging.preview(campaignId).staging() == AudiencePreview.Staging.STAGED);
        return ids;
    }

    private long delivered(List<String> ids) {
        return ids.stream().filter(id -> sandbox.deliveryCount(id) > 0).count();
    }

    private CampaignStatus status(String campaignId) {
        return CampaignStatus.valueOf(store.find(campaignId).orElseThrow().status());
    }

    private String lastExecutionStatus(String campaignId) {
        return jdbc.sql("""
                        SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                        JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                        WHERE i.JOB_NAME = 'campaignJob' AND p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ?
                        ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""")
                .param(campaignId).query(String.class).optional().orElse(null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", PATIENCE).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
