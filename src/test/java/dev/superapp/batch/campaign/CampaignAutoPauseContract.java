package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A campaign that goes wrong pauses itself: its canary fails, or more than {@code campaign.max-error-rate} of the last
 * minute's recipients are rejected; its page (the campaign's {@code status_detail}) says why, and Resume goes on. Small
 * requests, one at a time, so that a pause lands mid-campaign. Card uniqueIds starting with {@code unknown-} are
 * refused by the sandbox in {@code errorUniqueId}.
 */
@SpringBootTest(properties = {"spring.quartz.auto-startup=true", "push.chunk-size=5", "platform.max-in-flight=1"})
public abstract class CampaignAutoPauseContract {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignStore store;
    @Autowired RecipientStore recipients;
    @Autowired CampaignDefinitionParser parser;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void aFailingCanaryPausesTheCampaignBeforeAnyoneElseIsSentAndResumeSendsTheRest() throws Exception {
        List<String> good = audience(4, 36);
        String campaign = prefix + "canary";

        PushRun run = launcher.push(parser.parse(cardFormCampaign(campaign, "canary: {recipients: 10, maxErrorRate: 0.05}")));

        assertThat(run.status()).isEqualTo(BatchStatus.STOPPED);
        StoredCampaign paused = store.registered(campaign);
        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(paused.statusDetail()).isEqualTo("paused by the canary: 4 of its first 10 recipients (40.0%) were"
                + " rejected or failed, more than its maxErrorRate 5.0%; resume it to send the rest");
        assertThat(recipients.carriedByState(campaign).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        assertThat(good.subList(6, good.size())).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isZero());

        lifecycle.resume(campaign, "mark");

        await(() -> store.status(campaign) == CampaignStatus.FINISHED);
        assertThat(store.registered(campaign).statusDetail()).isNull();
        assertThat(recipients.countByState(campaign)).containsEntry(RecipientState.SENT, 36L)
                .containsEntry(RecipientState.REJECTED, 4L).containsEntry(RecipientState.PENDING, 0L);
        assertThat(good).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
    }

    @Test
    void aCanaryThatPassesLetsTheCampaignGoOn() throws Exception {
        audience(0, 30);
        String campaign = prefix + "fine";

        PushRun run = launcher.push(parser.parse(cardFormCampaign(campaign, "canary: {recipients: 10, maxErrorRate: 0.05}")));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(store.status(campaign)).isEqualTo(CampaignStatus.FINISHED);
        assertThat(run.counts()).containsEntry(RecipientState.SENT, 30L);
    }

    @Test
    void anErrorRateAboveTheLimitOverTheLastMinutePausesAnyCampaignAndResumeGoesOn() throws Exception {
        audience(400, 0);
        String campaign = prefix + "bad";

        PushRun run = launcher.push(parser.parse(cardFormCampaign(campaign, "")));

        assertThat(run.status()).isEqualTo(BatchStatus.STOPPED);
        StoredCampaign paused = store.registered(campaign);
        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(paused.statusDetail()).startsWith("paused itself: ")
                .contains("recipients answered in the last minute (100%) were rejected or failed, more than"
                        + " campaign.max-error-rate 50%");
        long carried = carried(campaign);
        assertThat(carried).isBetween(100L, 399L);

        lifecycle.resume(campaign, "mark");

        // Still failing: it goes on, then pauses itself again further on.
        await(() -> carried(campaign) > carried && store.status(campaign) == CampaignStatus.PAUSED);
        assertThat(store.registered(campaign).statusDetail()).startsWith("paused itself: ");
    }

    private long carried(String campaign) {
        return recipients.carriedByState(campaign).values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code bad} ids the card form refuses, then {@code good} ones; answers the good ones. */
    private List<String> audience(int bad, int good) throws IOException {
        List<String> lines = new ArrayList<>(List.of("unique_id"));
        List<String> goodIds = new ArrayList<>();
        for (int i = 1; i <= bad; i++) {
            lines.add(SandboxPlatform.UNKNOWN_UNIQUE_ID_PREFIX + prefix + i);
        }
        for (int i = 1; i <= good; i++) {
            goodIds.add(prefix + i);
        }
        lines.addAll(goodIds);
        Files.write(dir.resolve(prefix + "audience.csv"), lines);
        return goodIds;
    }

    private Path cardFormCampaign(String campaignId, String canary) {
        return AudienceFiles.campaign(dir, campaignId, """
                campaign: %s
                channel: cardform
                audience: %saudience.csv
                %s
                cardform:
                  text: {imageUrl: "https://cdn.example/c.jpg", clickUrl: "launcherdlt://miniapp?appId=1&page=pages/index/index&query=a%%3D1"}
                  keyword: iphone
                """.formatted(campaignId, prefix, canary));
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(condition);
    }
}
