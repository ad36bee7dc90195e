package dev.superapp.batch.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignPushContract;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.system.UserInputException;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stop means stop: a pause or cancel asked in the middle of a chunk of the send step (64 requests read before any
 * is sent) lets at most the requests in flight reach the platform, against a slow sandbox (250 ms an answer, 4 in
 * flight). The ask is a write of the campaign's status, which is all a console on another node does too. A paused
 * campaign resumed sends every remaining recipient exactly once; a cancelled one never sends them and reports them
 * CANCELED; both pages say what was sent, offer only the moves that exist and link their CSV.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "platform.max-in-flight=4", "push.chunk-size=5"})
@AutoConfigureMockMvc
public abstract class StopMeansStopContract {

    static final int MAX_IN_FLIGHT = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static SandboxServer slowSandbox;

    @TempDir static Path reportsDir;
    @TempDir Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignStore store;
    @Autowired CampaignDefinitionParser parser;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private final String prefix = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";

    static synchronized SandboxServer slowSandbox() {
        if (slowSandbox == null) {
            slowSandbox = SandboxServer.start(SandboxSettings.defaults(TestSandbox.APP_ID, TestSandbox.SECRET)
                    .withLatency(Duration.ofMillis(250)));
        }
        return slowSandbox;
    }

    static void environment(DynamicPropertyRegistry registry, TestDatabase database) {
        database.register(registry);
        registry.add("superapp.base-url", () -> slowSandbox().baseUrl());
        registry.add("superapp.app-id", () -> TestSandbox.APP_ID);
        registry.add("superapp.secret", () -> TestSandbox.SECRET);
        registry.add("cardform.base-url", () -> slowSandbox().baseUrl());
        registry.add("cardform.miniapp-id", () -> TestSandbox.APP_ID);
        registry.add("cardform.biz-id", () -> SandboxCardForm.DEFAULT_BIZ_ID);
        registry.add("cardform.secret-access-key", () -> TestSandbox.SECRET);
        registry.add("reports.dir", () -> reportsDir.toString());
    }

    @AfterAll
    static void stopSandbox() {
        if (slowSandbox != null) {
            slowSandbox.close();
            slowSandbox = null;
        }
    }

    @Test
    void aPauseInTheMiddleOfAChunkLetsOnlyTheRequestsInFlightOutAndResumeSendsTheRestExactlyOnce() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 640);
        CampaignDefinition campaign = parser.parse(notifyCampaign(prefix + "pause"));

        Stop stop = sendAndStopMidChunk(campaign, id -> lifecycle.pause(id, "mark"));

        assertThat(stop.run().status()).isEqualTo(BatchStatus.STOPPED);
        assertThat(store.status(campaign.campaignId())).isEqualTo(CampaignStatus.PAUSED);
        assertThat(stop.requestsAfterAsk()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
        long delivered = delivered(audience);
        assertThat(delivered).isLessThan(320).isEqualTo(stop.run().counts().get(RecipientState.SENT));
        assertThat(stop.run().counts().get(RecipientState.PENDING)).isEqualTo(640 - delivered);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id = ? AND state = 'PENDING'"
                + " AND chunk_no IS NOT NULL").param(campaign.campaignId()).query(Long.class).single())
                .as("nothing unsent is recorded as given to a request").isZero();
        List<String[]> report = CampaignPushContract.report(stop.run().report());
        assertThat(report).filteredOn(row -> row[2].equals("SENT")).hasSize((int) delivered);
        assertThat(report).filteredOn(row -> row[2].equals("PENDING")).hasSize(640 - (int) delivered);
        assertThat(page(campaign.campaignId())).contains("PAUSED", "id=\"resume\"", "id=\"cancel\"", "id=\"download-report\"",
                "Sent to " + delivered + " recipients", (640 - delivered) + " not sent yet (Resume sends them, nobody twice)")
                .doesNotContain("id=\"pause\"", "id=\"send-now\"");

        PushRun resumed = launcher.push(campaign);

        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(store.status(campaign.campaignId())).isEqualTo(CampaignStatus.FINISHED);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox().deliveryCount(id)).as(id).isEqualTo(1));
        assertThat(resumed.counts()).containsEntry(RecipientState.SENT, 640L).containsEntry(RecipientState.PENDING, 0L);
    }

    @Test
    void aCancelInTheMiddleOfAChunkLetsOnlyTheRequestsInFlightOutAndReportsTheRestCanceled() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 640);
        CampaignDefinition campaign = parser.parse(notifyCampaign(prefix + "cancel"));

        Stop stop = sendAndStopMidChunk(campaign, id -> lifecycle.cancel(id, "mark"));

        assertThat(stop.run().status()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(store.status(campaign.campaignId())).isEqualTo(CampaignStatus.CANCELED);
        assertThat(stop.requestsAfterAsk()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
        long requests = sandbox().requestCount(OpenApiPaths.SEND_NOTIFY);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> sandbox().requestCount(OpenApiPaths.SEND_NOTIFY) == requests);
        long delivered = delivered(audience);
        assertThat(delivered).isLessThan(320);
        List<String[]> report = CampaignPushContract.report(launcher.lastRun(campaign.campaignId()).orElseThrow().report());
        assertThat(report).filteredOn(row -> row[2].equals("SENT")).hasSize((int) delivered);
        assertThat(report).filteredOn(row -> row[2].equals("CANCELED")).hasSize(640 - (int) delivered)
                .allSatisfy(row -> assertThat(row[4]).isEqualTo("not sent: the campaign was cancelled before a request carried it"));
        assertThat(page(campaign.campaignId())).contains("CANCELED", "id=\"download-report\"", "Sent to " + delivered
                        + " recipients", (640 - delivered) + " not sent because the campaign was cancelled")
                .doesNotContain("id=\"resume\"", "id=\"cancel\"", "id=\"pause\"");
        assertThatThrownBy(() -> launcher.push(campaign)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("was cancelled");
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox().deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
    }

    @Test
    void aPausedCampaignCancelledLaterReportsItsUnsentRecipientsCanceled() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 640);
        CampaignDefinition campaign = parser.parse(notifyCampaign(prefix + "later"));
        Stop stop = sendAndStopMidChunk(campaign, id -> lifecycle.pause(id, "mark"));

        lifecycle.cancel(campaign.campaignId(), "mark");

        assertThat(store.status(campaign.campaignId())).isEqualTo(CampaignStatus.CANCELED);
        long delivered = delivered(audience);
        List<String[]> report = CampaignPushContract.report(stop.run().report());
        assertThat(report).filteredOn(row -> row[2].equals("CANCELED")).hasSize(640 - (int) delivered);
        assertThat(report).filteredOn(row -> row[2].equals("PENDING")).isEmpty();
    }

    /** What an ask made while the first chunk was being sent let through. */
    private record Stop(PushRun run, long requestsAfterAsk) {
    }

    private Stop sendAndStopMidChunk(CampaignDefinition campaign, Consumer<String> ask) throws Exception {
        long before = sandbox().requestCount(OpenApiPaths.SEND_NOTIFY);
        CompletableFuture<PushRun> push = CompletableFuture.supplyAsync(() -> launcher.push(campaign));
        // Well inside the first chunk of 64 requests: all of it has been read, and most of it is still to be sent.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> sandbox().requestCount(OpenApiPaths.SEND_NOTIFY) - before >= 8);
        long atAsk = sandbox().requestCount(OpenApiPaths.SEND_NOTIFY);
        Instant asked = Instant.now();
        ask.accept(campaign.campaignId());
        PushRun run = push.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        long after = sandbox().requestCount(OpenApiPaths.SEND_NOTIFY) - atAsk;
        System.out.printf("%s: %d requests reached the sandbox after the ask; the last one arrived %d ms after it (negative: before)%n",
                campaign.campaignId(), after, sandbox().deliveries().stream().filter(d -> d.openId().startsWith(prefix))
                        .map(d -> Duration.between(asked, d.time()).toMillis()).max(Long::compare).orElse(0L));
        return new Stop(run, after);
    }

    private String page(String campaignId) throws Exception {
        return mvc.perform(get("/campaigns/" + campaignId).with(user("mark").roles("MARKETING"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private long delivered(Audience audience) {
        return audience.validIds().stream().filter(id -> sandbox().deliveryCount(id) > 0).count();
    }

    private static SandboxPlatform sandbox() {
        return slowSandbox().platform();
    }

    private Path notifyCampaign(String campaignId) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: notify
                audience: %saudience.csv
                notify: {notifyType: 1, title: Shipped, text: Arrives tomorrow, navigateType: "2",
                         url: "https://shop.example/o", language: en_US}
                """.formatted(campaignId, prefix));
    }
}
