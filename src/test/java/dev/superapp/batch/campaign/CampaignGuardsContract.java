package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.Suppression;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What keeps a campaign from pushing the wrong people: the suppression list (staged, and again just before sending;
 * filled by the card form's 30001 refusals too) and the frequency cap across the campaigns of a channel. Real
 * database, real HTTP to the sandbox, the report file.
 */
@SpringBootTest(properties = {"campaign.frequency-cap.max=2", "campaign.frequency-cap.window=24h"})
public abstract class CampaignGuardsContract {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignDefinitionParser parser;
    @Autowired SuppressionList suppressions;
    @Autowired AudienceStaging staging;
    @Autowired JobOperator jobOperator;
    @Autowired @Qualifier("campaignStagingJob") Job stagingJob;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "g" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void suppressedRecipientsAreNotSentWhetherSuppressedBeforeStagingOrBetweenStagingAndSending() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 60);
        String before = prefix + "0003";
        String meanwhile = prefix + "0040";
        suppressions.add(RecipientIdKind.OPEN_ID, List.of(before), "asked to stop", "ada");
        CampaignDefinition definition = parser.parse(notifyCampaign(prefix + "quiet"));
        lifecycle.register(definition);
        jobOperator.start(stagingJob, CampaignExecutions.parameters(definition.campaignId()));
        assertThat(staging.preview(definition.campaignId()).suppressed()).isEqualTo(1);

        suppressions.add(RecipientIdKind.OPEN_ID, List.of(meanwhile), "complained by mail", "bob");
        PushRun run = launcher.push(definition.campaignId());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.counts()).containsEntry(RecipientState.SUPPRESSED, 2L).containsEntry(RecipientState.SENT, 58L)
                .containsEntry(RecipientState.DUPLICATE, 2L);
        assertThat(sandbox.requestsCarrying(before)).isZero();
        assertThat(sandbox.requestsCarrying(meanwhile)).isZero();
        assertThat(audience.validIds()).filteredOn(id -> !id.equals(before) && !id.equals(meanwhile))
                .allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
        List<String[]> report = CampaignPushContract.report(run.report());
        assertThat(report).filteredOn(row -> row[2].equals("SUPPRESSED")).extracting(row -> row[1] + " " + row[4])
                .containsExactly(before + " on the suppression list: asked to stop",
                        meanwhile + " on the suppression list: complained by mail");
        assertThat(report).filteredOn(row -> row[1].equals(before) && row[2].equals("DUPLICATE")).hasSize(1);
        assertThat(summary(run)).contains("SUPPRESSED,2");
    }

    @Test
    void aCardThePlatformSaysDoesNotExistIsSuppressedWithTheReasonAndSkippedByTheNextCampaign() throws Exception {
        AudienceFiles.write(dir, "unique_id", prefix, 3);
        String gone = prefix + "0002";
        sandbox.markGoneUniqueIds(List.of(gone));

        PushRun first = launcher.push(parser.parse(cardFormCampaign(prefix + "card-1")));

        // The platform refused the whole request for it: its three recipients were not delivered.
        assertThat(first.counts()).containsEntry(RecipientState.REJECTED, 3L);
        assertThat(suppressions.list(gone, 10)).singleElement().satisfies(suppression -> {
            assertThat(suppression.kind()).isEqualTo(RecipientIdKind.UNIQUE_ID);
            assertThat(suppression.addedBy()).isEqualTo(SuppressionList.BY_PLATFORM);
            assertThat(suppression.reason()).contains("30001").contains("User unique ID does not exist");
        });
        assertThat(suppressions.list(prefix, 10)).extracting(Suppression::recipientId).containsExactly(gone);

        PushRun second = launcher.push(parser.parse(cardFormCampaign(prefix + "card-2")));

        assertThat(second.counts()).containsEntry(RecipientState.SUPPRESSED, 1L).containsEntry(RecipientState.SENT, 2L);
        assertThat(sandbox.deliveryCount(prefix + "0001")).isEqualTo(1);
        assertThat(sandbox.deliveryCount(gone)).isZero();
    }

    @Test
    void theFrequencyCapHoldsBackRecipientsPushedMaxTimesOnTheChannelAndThePreviewCountsThem() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 12);

        assertThat(launcher.push(parser.parse(notifyCampaign(prefix + "n1"))).counts()).containsEntry(RecipientState.SENT, 12L);
        assertThat(launcher.push(parser.parse(notifyCampaign(prefix + "n2"))).counts()).containsEntry(RecipientState.SENT, 12L);
        CampaignDefinition third = parser.parse(notifyCampaign(prefix + "n3"));
        lifecycle.register(third);
        jobOperator.start(stagingJob, CampaignExecutions.parameters(third.campaignId()));
        assertThat(staging.preview(third.campaignId()).capped()).isEqualTo(12);
        PushRun capped = launcher.push(third.campaignId());
        // Another channel counts its own pushes.
        PushRun activity = launcher.push(parser.parse(activityCampaign(prefix + "a1")));

        assertThat(capped.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(capped.counts()).containsEntry(RecipientState.CAPPED, 12L).containsEntry(RecipientState.SENT, 0L);
        assertThat(CampaignPushContract.report(capped.report())).filteredOn(row -> row[2].equals("CAPPED"))
                .hasSize(12).allSatisfy(row -> assertThat(row[4]).contains("campaign.frequency-cap.max 2"));
        assertThat(activity.counts()).containsEntry(RecipientState.SENT, 12L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(3));
    }

    @Test
    void twoCampaignsOfAChannelSendingAtOnceNeverPushOnePersonPastTheCap() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 400);
        assertThat(launcher.push(parser.parse(notifyCampaign(prefix + "first"))).counts())
                .containsEntry(RecipientState.SENT, 400L);
        CampaignDefinition left = parser.parse(notifyCampaign(prefix + "left"));
        CampaignDefinition right = parser.parse(notifyCampaign(prefix + "right"));

        CompletableFuture<PushRun> a = CompletableFuture.supplyAsync(() -> launcher.push(left));
        CompletableFuture<PushRun> b = CompletableFuture.supplyAsync(() -> launcher.push(right));
        Map<RecipientState, Long> leftCounts = a.get(120, TimeUnit.SECONDS).counts();
        Map<RecipientState, Long> rightCounts = b.get(120, TimeUnit.SECONDS).counts();

        assertThat(leftCounts.get(RecipientState.SENT) + rightCounts.get(RecipientState.SENT)).isEqualTo(400);
        assertThat(leftCounts.get(RecipientState.CAPPED) + rightCounts.get(RecipientState.CAPPED)).isEqualTo(400);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(2));
    }

    private static String summary(PushRun run) throws Exception {
        return java.nio.file.Files.readString(run.summaryFile());
    }

    Path notifyCampaign(String campaignId) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: notify
                audience: %saudience.csv
                notify: {notifyType: 1, title: Shipped, text: Arrives tomorrow, navigateType: "1", language: en_US}
                """.formatted(campaignId, prefix));
    }

    Path activityCampaign(String campaignId) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: activity
                audience: %saudience.csv
                activity: {activityId: %s, templateId: "1", color: FFFFFF, title: Sale, text: 20%% off,
                           iconUrl: "https://cdn.example/i.png", validityTime: 86400, status: 1, language: en_US}
                """.formatted(campaignId, prefix, campaignId));
    }

    Path cardFormCampaign(String campaignId) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: cardform
                audience: %saudience.csv
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                """.formatted(campaignId, prefix));
    }
}
