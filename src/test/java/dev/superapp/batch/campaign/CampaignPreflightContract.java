package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.sending.DryRun;
import dev.superapp.batch.campaign.sending.SendRate;
import dev.superapp.batch.campaign.sending.TestSend;
import dev.superapp.batch.campaign.sending.TestSends;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.sandbox.Delivery;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.system.UserInputException;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guards before and around a campaign's send (issue 17): the dry run's plan, test sends, the end time
 * ({@code notAfter}) and the campaign's own zone; a test send to a card that no longer exists suppresses it. Real database, real HTTP to the sandbox, the report file. The
 * subclasses configure {@value #RATE} requests per second of {@value #CHUNK} recipients, so that a campaign of
 * a hundred recipients takes several seconds to send.
 */
@SpringBootTest(properties = {"platform.rate-limit=" + CampaignPreflightContract.RATE, "push.chunk-size=" + CampaignPreflightContract.CHUNK})
public abstract class CampaignPreflightContract {

    static final String RATE = "4";
    static final String CHUNK = "5";

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignDefinitionParser parser;
    @Autowired CampaignStore store;
    @Autowired DryRun dryRun;
    @Autowired TestSends testSends;
    @Autowired SuppressionList suppressions;
    @Autowired JdbcClient jdbc;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "g" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void nothingLeavesAfterNotAfterAndTheRestAreReportedExpired() throws Exception {
        // 100 requests at 4 a second take 25 s: an end 4 s away comes long before the last of them.
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 100);
        OffsetDateTime notAfter = OffsetDateTime.now(ZoneOffset.ofHours(3)).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

        PushRun run = launcher.push(parser.parse(notifyCampaign(prefix + "ends", "notAfter: " + notAfter)));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.counts().get(RecipientState.SENT) + run.counts().get(RecipientState.EXPIRED)).isEqualTo(100);
        assertThat(run.counts().get(RecipientState.EXPIRED)).isPositive();
        List<Delivery> delivered = sandbox.deliveries().stream().filter(d -> d.openId().startsWith(prefix)).toList();
        assertThat(delivered).hasSize(run.counts().get(RecipientState.SENT).intValue())
                .allSatisfy(delivery -> assertThat(delivery.time()).isBeforeOrEqualTo(notAfter.toInstant()));
        List<String[]> expired = CampaignPushContract.report(run.report()).stream()
                .filter(row -> row[2].equals("EXPIRED")).toList();
        assertThat(expired).hasSize(run.counts().get(RecipientState.EXPIRED).intValue())
                .allSatisfy(row -> assertThat(row[4]).isEqualTo("not sent: the campaign's notAfter " + notAfter
                        + " had passed (or was less than a second away)"))
                .allSatisfy(row -> assertThat(sandbox.requestsCarrying(row[1])).as(row[1]).isZero());
        // Sent to some (FINISHED), or, on a machine so loaded that the end came before the first request, to none.
        assertThat(store.status(prefix + "ends")).isIn(CampaignStatus.FINISHED, CampaignStatus.FINISHED_WITH_ERRORS);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isLessThanOrEqualTo(1));
    }

    @Test
    void aRequestADeadRunLeftInFlightIsUnknownNotExpiredWhenTheEndHasPassedAndIsNotSentAgain() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 12);
        OffsetDateTime notAfter = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5);
        dryRun.run(parser.parse(activityCampaign(prefix + "crashed", "notAfter: " + notAfter)));
        // What a run killed while its first request was on the wire leaves: the request IN_FLIGHT, its recipients claimed.
        String requestId = store.registered(prefix + "crashed").requestId(1);
        jdbc.sql("INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at, updated_at)"
                        + " VALUES (?, 1, ?, 'IN_FLIGHT', 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(prefix + "crashed", requestId).update();
        jdbc.sql("UPDATE campaign_recipient SET chunk_no = 1, request_id = ? WHERE campaign_id = ? AND state = 'PENDING'"
                        + " AND line_no <= 6").params(requestId, prefix + "crashed").update();
        await().atMost(Duration.ofSeconds(30)).until(() -> OffsetDateTime.now().isAfter(notAfter));

        PushRun run = launcher.push(prefix + "crashed");

        assertThat(run.counts()).containsEntry(RecipientState.UNKNOWN, 5L).containsEntry(RecipientState.EXPIRED, 7L)
                .containsEntry(RecipientState.SENT, 0L);
        assertThat(CampaignPushContract.report(run.report())).filteredOn(row -> row[2].equals("UNKNOWN"))
                .allSatisfy(row -> assertThat(row[4]).startsWith("in flight when an earlier run stopped, and not re-sent:"
                        + " the campaign's notAfter"));
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isZero());
    }

    @Test
    void aCampaignWhoseNotAfterHasPassedIsRefusedBeforeItStartsAndSendsNothing() {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 5);

        assertThatThrownBy(() -> launcher.push(parser.parse(notifyCampaign(prefix + "late", "notAfter: 2020-01-01T00:00:00+03:00"))))
                .isInstanceOf(CampaignDefinitionException.class)
                .hasMessage("notAfter: 2020-01-01T00:00+03:00 has passed; campaign " + prefix
                        + "late would send nothing (set a later notAfter)");
        assertThat(store.find(prefix + "late")).isEmpty();
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isZero());
    }

    @Test
    void aSendPlannedAfterNotAfterIsRefused() {
        AudienceFiles.write(dir, "open_id", prefix, 5);
        OffsetDateTime notAfter = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        lifecycle.register(parser.parse(notifyCampaign(prefix + "plan", "notAfter: " + notAfter)));

        assertThatThrownBy(() -> lifecycle.schedule(prefix + "plan", notAfter.toInstant().plusSeconds(60)))
                .isInstanceOf(CampaignMoveRefusedException.class)
                .hasMessageContaining("campaign " + prefix + "plan ends at its notAfter " + notAfter)
                .hasMessageContaining("would send nothing");
        assertThat(store.status(prefix + "plan")).isEqualTo(CampaignStatus.REGISTERED);
    }

    @Test
    void aDryRunStagesAndPlansSendsNothingAndLeavesTheCampaignToBePushed() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 42);

        DryRun.Result result = dryRun.run(parser.parse(notifyCampaign(prefix + "dry", "timeZone: Asia/Riyadh")));

        assertThat(result.preview().valid()).isEqualTo(42);
        assertThat(result.preview().invalid()).isEqualTo(3);
        assertThat(result.preview().duplicate()).isEqualTo(2);
        assertThat(result.plan().recipients()).isEqualTo(42);
        assertThat(result.plan().requests()).isEqualTo(9);
        assertThat(result.plan().rate()).isEqualTo(new SendRate(4.0, SendRate.Source.CONFIGURED));
        assertThat(result.plan().duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(result.plan().startsAt().getZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
        assertThat(result.plan().finishesAt()).isEqualTo(result.plan().startsAt().plusSeconds(3));
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).isZero());
        assertThat(store.status(prefix + "dry")).isEqualTo(CampaignStatus.REGISTERED);

        PushRun run = launcher.push(parser.parse(notifyCampaign(prefix + "dry", "timeZone: Asia/Riyadh")));

        assertThat(run.counts()).containsEntry(RecipientState.SENT, 42L).containsEntry(RecipientState.INVALID, 3L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));
    }

    @Test
    void aTestSendIsRecordedApartAndTheRealSendStillReachesTheTestersOnce() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 12);
        List<String> testers = audience.validIds().subList(0, 2);
        lifecycle.register(parser.parse(activityCampaign(prefix + "tested")));

        TestSend test = testSends.send(prefix + "tested", testers, "ada");

        assertThat(test.outcome()).isEqualTo("ACKNOWLEDGED");
        assertThat(test.requestId()).matches(prefix + "tested-[0-9a-f]{8}-test-" + test.id());
        assertThat(testers).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(1));
        assertThat(testSends.of(prefix + "tested")).singleElement().satisfies(recorded -> {
            assertThat(recorded.sentBy()).isEqualTo("ada");
            assertThat(recorded.recipientIds()).isEqualTo(testers);
            assertThat(recorded.requestId()).isEqualTo(test.requestId());
            assertThat(recorded.outcome()).isEqualTo("ACKNOWLEDGED");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_request WHERE campaign_id = ?").param(prefix + "tested")
                .query(Long.class).single()).isZero();

        PushRun run = launcher.push(parser.parse(activityCampaign(prefix + "tested")));

        assertThat(run.counts()).containsEntry(RecipientState.SENT, 12L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveries().stream()
                .filter(d -> d.openId().equals(id) && d.activityId().equals(prefix + "activity")).count()).as(id).isEqualTo(1));
        assertThat(testers).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).isEqualTo(2));
        assertThat(CampaignPushContract.report(run.report())).extracting(row -> row[3])
                .doesNotContain(test.requestId());
    }

    @Test
    void aTestSendToACardThePlatformSaysDoesNotExistSuppressesItAndTheRealSendSkipsIt() throws Exception {
        AudienceFiles.write(dir, "unique_id", prefix, 3);
        String gone = prefix + "0002";
        sandbox.markGoneUniqueIds(List.of(gone));
        lifecycle.register(parser.parse(cardFormCampaign(prefix + "card-tested")));

        TestSend test = testSends.send(prefix + "card-tested", List.of(gone), "ada");

        assertThat(test.outcome()).isEqualTo("REJECTED");
        assertThat(test.detail()).contains("30001").endsWith("now on the suppression list: " + gone);
        assertThat(suppressions.list(gone, 10)).singleElement().satisfies(suppression -> {
            assertThat(suppression.kind()).isEqualTo(RecipientIdKind.UNIQUE_ID);
            assertThat(suppression.addedBy()).isEqualTo(SuppressionList.BY_PLATFORM);
            assertThat(suppression.reason()).contains("30001").contains("User unique ID does not exist");
        });

        PushRun run = launcher.push(parser.parse(cardFormCampaign(prefix + "card-tested")));

        assertThat(run.counts()).containsEntry(RecipientState.SUPPRESSED, 1L).containsEntry(RecipientState.SENT, 2L);
        assertThat(sandbox.deliveryCount(gone)).isZero();
    }

    @Test
    void testIdsAreCheckedAndLimitedToOneRequest() {
        assertThat(TestSends.recipientIds("a-1, b_2\nc3,a-1")).containsExactly("a-1", "b_2", "c3");
        assertThatThrownBy(() -> TestSends.recipientIds("ok,no!pe"))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("test recipient 'no!pe' is not a recipient id: bad character");
        assertThatThrownBy(() -> TestSends.recipientIds(" , "))
                .isInstanceOf(UserInputException.class).hasMessage("name at least one test recipient id");
        String fiftyOne = String.join(",", java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "id" + i).toList());
        assertThatThrownBy(() -> TestSends.recipientIds(fiftyOne))
                .isInstanceOf(UserInputException.class).hasMessage("a test goes to at most 50 recipients (one request), not 51");
    }

    private Path notifyCampaign(String campaignId, String extra) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: notify
                audience: %saudience.csv
                %s
                notify: {notifyType: 1, title: Shipped, text: Arrives tomorrow, navigateType: "2",
                         url: "https://shop.example/o", language: en_US}
                """.formatted(campaignId, prefix, extra));
    }

    private Path cardFormCampaign(String campaignId) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: cardform
                audience: %saudience.csv
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                """.formatted(campaignId, prefix));
    }

    private Path activityCampaign(String campaignId) {
        return activityCampaign(campaignId, "");
    }

    private Path activityCampaign(String campaignId, String extra) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: activity
                audience: %saudience.csv
                %s
                activity: {activityId: %sactivity, templateId: "1", color: FFFFFF, title: Sale, text: 20%% off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 86400, status: 1, language: en_US}
                """.formatted(campaignId, prefix, extra, prefix));
    }
}
