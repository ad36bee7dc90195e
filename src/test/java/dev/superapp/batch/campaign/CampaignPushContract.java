package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.opencsv.CSVReader;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.report.DeliveryReportTasklet;
import dev.superapp.batch.lease.LeaseRefusedException;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestSandbox;
import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code campaignJob} end to end: staged files, the real database, real HTTP to the sandbox, the report file. */
@SpringBootTest
public abstract class CampaignPushContract {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignDefinitionParser parser;
    @Autowired JdbcClient jdbc;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeEach
    void answeringPlatform() {
        sandbox.clearQueuedFaults();
    }

    @Test
    void sendsEveryValidActivityRecipientOnceInRequestsOfAtMostFifty() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 1050);
        long requestsBefore = sandbox.requestCount(OpenApiPaths.SEND_ACTIVITY);

        PushRun run = launcher.push(parser.parse(activityCampaign(prefix + "spring", 1)));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.counts()).containsEntry(RecipientState.SENT, 1050L).containsEntry(RecipientState.INVALID, 3L)
                .containsEntry(RecipientState.DUPLICATE, 2L).containsEntry(RecipientState.PENDING, 0L);
        assertThat(sandbox.requestCount(OpenApiPaths.SEND_ACTIVITY) - requestsBefore).isEqualTo(21);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(1));
        List<String[]> report = report(run.report());
        assertThat(report).hasSize(audience.nonBlankLines());
        assertThat(report).filteredOn(row -> row[2].equals("DUPLICATE")).extracting(row -> row[4])
                .containsExactly("duplicate of line 4", "duplicate of line 23");
        assertThat(report.get(0)).startsWith("2", prefix + "0001", "SENT");
        assertThat(report.get(0)[3]).matches(prefix + "spring-[0-9a-f]{8}-1");
    }

    @Test
    void aCampaignAlreadyBeingSentIsRefusedNamingItsExecutionAndNodeAndNobodyIsSentTwice() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 40);
        // The first request hangs past the read timeout and is sent again: the push holds its lease meanwhile.
        sandbox.failNext(OpenApiPaths.SEND_ACTIVITY, 1, Fault.TIMEOUT);
        CampaignDefinition definition = parser.parse(activityCampaign(prefix + "busy", 1));
        CompletableFuture<PushRun> first = CompletableFuture.supplyAsync(() -> launcher.push(definition));
        long holder = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT JOB_EXECUTION_ID FROM job_lease WHERE LEASE_KEY = ?").param("campaign:" + prefix + "busy")
                .query(Long.class).optional(), Optional::isPresent).orElseThrow();

        assertThatThrownBy(() -> launcher.push(definition)).isInstanceOf(LeaseRefusedException.class)
                .hasMessageContaining("campaign " + prefix + "busy is already running as execution " + holder
                        + " (campaignJob) on node ");
        PushRun run = first.get(60, TimeUnit.SECONDS);

        assertThat(run.executionId()).isEqualTo(holder);
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
    }

    @Test
    void notificationsRideOutThrottlingButAServerFaultLeavesItsRecipientsUnknownAndNotResent() throws Exception {
        // Six requests of 50. Throttled ones are sent again; each of the three 5xx answers ends one request
        // UNKNOWN, whether the platform acted before it (the bad gateway) or not (503, status 500).
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 300);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 2, Fault.HTTP_429);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.BAD_GATEWAY_AFTER_ACTING);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.HTTP_503);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.STATUS_500_IN_BODY);
        long requestsBefore = sandbox.requestCount(OpenApiPaths.SEND_NOTIFY);

        PushRun run = launcher.push(parser.parse(notifyCampaign(prefix + "notify")));

        assertThat(run.counts()).containsEntry(RecipientState.SENT, 150L).containsEntry(RecipientState.UNKNOWN, 150L)
                .containsEntry(RecipientState.FAILED, 0L);
        assertThat(sandbox.requestCount(OpenApiPaths.SEND_NOTIFY) - requestsBefore).isEqualTo(8);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
        assertThat(audience.validIds()).filteredOn(id -> sandbox.deliveryCount(id) == 1).hasSize(200);
        assertThat(report(run.report())).filteredOn(row -> row[2].equals("UNKNOWN")).hasSize(150)
                .allSatisfy(row -> assertThat(row[4]).contains("may have acted", "not re-sent"));
    }

    @Test
    void notificationThatMayHaveArrivedIsReportedUnknownAndNeverSentAgain() throws Exception {
        // Three full requests of 50, so whichever the timeout strikes, 50 recipients are in doubt.
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 150);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.TIMEOUT);

        PushRun run = launcher.push(parser.parse(notifyCampaign(prefix + "timeout")));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.counts()).containsEntry(RecipientState.UNKNOWN, 50L).containsEntry(RecipientState.SENT, 100L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isLessThanOrEqualTo(1));
        assertThat(report(run.report())).filteredOn(row -> row[2].equals("UNKNOWN"))
                .allSatisfy(row -> assertThat(row[4]).contains("not re-sent"));
    }

    @Test
    void campaignThatFinishedSendsNothingWhenPushedAgain() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 60);
        Path campaign = notifyCampaign(prefix + "twice");
        PushRun first = launcher.push(parser.parse(campaign));
        long requests = sandbox.requestCount(OpenApiPaths.SEND_NOTIFY);

        PushRun second = launcher.push(parser.parse(campaign));

        assertThat(second.alreadyFinished()).isTrue();
        assertThat(second.executionId()).isEqualTo(first.executionId());
        assertThat(sandbox.requestCount(OpenApiPaths.SEND_NOTIFY)).isEqualTo(requests);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));
    }

    @Test
    void activityIsWithdrawnBySendingTheSameActivityIdWithStatusZero() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 70);
        launcher.push(parser.parse(activityCampaign(prefix + "show", 1)));
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));

        PushRun withdrawal = launcher.push(parser.parse(activityCampaign(prefix + "withdraw", 0)));

        assertThat(withdrawal.counts()).containsEntry(RecipientState.SENT, 70L);
        assertThat(sandbox.deliveries()).filteredOn(d -> d.openId().startsWith(prefix) && d.status() == 0).hasSize(70);
    }

    @Test
    void cardFormsReportRecipientsThePlatformListsAsFailedAndRideOutThrottling() throws Exception {
        Audience audience = AudienceFiles.write(dir, "unique_id", prefix, 1020);
        List<String> unknown = audience.validIds().subList(100, 107);
        sandbox.markUnknownUniqueIds(unknown);
        sandbox.failNext(OpenApiPaths.SEND_CARD_FORM, 2, Fault.HTTP_429);
        sandbox.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.STATUS_500_IN_BODY);
        sandbox.failNext(OpenApiPaths.SEND_CARD_FORM, 1, Fault.HTTP_503);

        PushRun run = launcher.push(parser.parse(AudienceFiles.campaign(dir, prefix + "card", """
                campaign: %scard
                channel: cardform
                audience: %saudience.csv
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                  labels: [{labelName: country, labelValue: "406"}]
                """.formatted(prefix, prefix))));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.counts()).containsEntry(RecipientState.SENT, 1013L).containsEntry(RecipientState.REJECTED, 7L)
                .containsEntry(RecipientState.FAILED, 0L);
        assertThat(report(run.report())).filteredOn(row -> row[2].equals("REJECTED")).extracting(row -> row[1])
                .containsExactlyElementsOf(unknown);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(1));
    }

    Path activityCampaign(String campaignId, int status) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: activity
                audience: %saudience.csv
                activity: {activityId: %sactivity, templateId: "1", color: FFFFFF, title: Sale, text: 20%% off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 86400, status: %d, language: en_US}
                """.formatted(campaignId, prefix, prefix, status));
    }

    Path notifyCampaign(String campaignId) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: notify
                audience: %saudience.csv
                notify: {notifyType: 1, title: Shipped, text: Arrives tomorrow, navigateType: "2",
                         url: "https://shop.example/o", language: en_US}
                """.formatted(campaignId, prefix));
    }

    public static List<String[]> report(Path report) throws Exception {
        try (CSVReader csv = new CSVReader(new FileReader(report.toFile(), StandardCharsets.UTF_8))) {
            List<String[]> rows = csv.readAll();
            assertThat(rows.get(0)).containsExactly(DeliveryReportTasklet.HEADER);
            return rows.subList(1, rows.size());
        }
    }
}
