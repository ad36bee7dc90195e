package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignLauncher.ResendRun;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.AudienceFiles.Audience;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resending a finished notify campaign's UNKNOWN and FAILED recipients: a person's decision, a new attempt recorded
 * with who asked and when, sent through the same exactly-once record, never to anyone else. A throttled platform
 * fails requests within the short call deadline set here, so FAILED is reached in seconds.
 */
@SpringBootTest(properties = "platform.call-deadline=8s")
public abstract class CampaignResendContract {

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired CampaignLauncher launcher;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignStore store;
    @Autowired CampaignDefinitionParser parser;
    @Autowired JdbcClient jdbc;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeEach
    void answeringPlatform() {
        sandbox.clearQueuedFaults();
    }

    @Test
    void resendingUnknownSendsOnlyThoseOnceAsANewAttemptAndThenFailedOnesAndThenNothing() throws Exception {
        // Three requests of 50 at once: whichever comes first is answered 502 after the platform acted (UNKNOWN), the
        // other two are throttled until the call deadline (FAILED).
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 150);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.BAD_GATEWAY_AFTER_ACTING);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1000, Fault.HTTP_429);
        CampaignDefinition definition = parser.parse(notifyCampaign(prefix + "mixed"));
        PushRun first = launcher.push(definition);
        sandbox.clearQueuedFaults();
        assertThat(first.counts()).containsEntry(RecipientState.UNKNOWN, 50L).containsEntry(RecipientState.FAILED, 100L)
                .containsEntry(RecipientState.SENT, 0L);
        assertThat(store.status(definition.campaignId())).as("the campaigns that most need a resend")
                .isEqualTo(CampaignStatus.FINISHED_WITH_ERRORS);
        Map<String, String[]> before = byRecipient(CampaignPushContract.report(first.report()));
        List<String> unknown = idsIn(before, "UNKNOWN");
        List<String> failed = idsIn(before, "FAILED");
        Map<String, Long> carried = carried(audience.validIds());

        ResendRun resend = launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester");

        assertThat(resend.resend().attempt()).isEqualTo(2);
        assertThat(resend.resend().asked()).isEqualTo(50);
        assertThat(resend.run().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resend.run().executionId()).isNotEqualTo(first.executionId());
        assertThat(resend.run().counts()).containsEntry(RecipientState.SENT, 50L).containsEntry(RecipientState.FAILED, 100L)
                .containsEntry(RecipientState.UNKNOWN, 0L).containsEntry(RecipientState.INVALID, 3L)
                .containsEntry(RecipientState.DUPLICATE, 2L).containsEntry(RecipientState.PENDING, 0L);
        assertThat(unknown).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id) - carried.get(id)).as(id).isEqualTo(1));
        assertThat(failed).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(carried.get(id)));
        assertThat(store.status(definition.campaignId())).as("100 of 150 failed still").isEqualTo(CampaignStatus.FINISHED_WITH_ERRORS);
        assertThat(jdbc.sql("SELECT requested_by, states, asked FROM campaign_resend WHERE campaign_id = ? AND attempt = 2"
                        + " AND requested_at IS NOT NULL AND prepared_at IS NOT NULL")
                .param(definition.campaignId()).query().singleRow())
                .containsValues("os:tester", "UNKNOWN", 50L);

        // The new report: each recipient's final outcome and the request that delivered it, under a new request id.
        assertThat(resend.run().report()).isNotEqualTo(first.report());
        Map<String, String[]> after = byRecipient(CampaignPushContract.report(resend.run().report()));
        assertThat(after).hasSameSizeAs(before);
        assertThat(unknown).allSatisfy(id -> {
            assertThat(after.get(id)[2]).isEqualTo("SENT");
            assertThat(after.get(id)[3]).startsWith(definition.campaignId() + "-").isNotEqualTo(before.get(id)[3]);
            assertThat(after.get(id)[4]).matches("resent by os:tester at \\S+Z, attempt 2 \\(was UNKNOWN\\)");
        });
        assertThat(failed).allSatisfy(id -> assertThat(after.get(id)).containsExactly(before.get(id)));
        Set<String> oldRequests = unknown.stream().map(id -> before.get(id)[3]).collect(Collectors.toSet());
        assertThat(unknown.stream().map(id -> after.get(id)[3])).doesNotContainAnyElementsOf(oldRequests);
        assertThat(jdbc.sql("SELECT previous_request_id FROM campaign_resend_recipient WHERE campaign_id = ? AND attempt = 2")
                .param(definition.campaignId()).query(String.class).set()).isEqualTo(oldRequests);

        Map<String, Long> carriedAfterResend = carried(audience.validIds());
        ResendRun nothingLeft = launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester");

        assertThat(nothingLeft.resend()).isNull();
        assertThat(nothingLeft.run().alreadyFinished()).isTrue();
        assertThat(nothingLeft.run().executionId()).isEqualTo(resend.run().executionId());
        assertThat(carried(audience.validIds())).isEqualTo(carriedAfterResend);

        ResendRun failedAgain = launcher.resend(definition, ResendSelection.parse("FAILED,UNKNOWN"), "os:tester");

        assertThat(failedAgain.resend().attempt()).isEqualTo(3);
        assertThat(failedAgain.run().counts()).containsEntry(RecipientState.SENT, 150L).containsEntry(RecipientState.FAILED, 0L);
        assertThat(store.status(definition.campaignId())).as("everyone sent at last").isEqualTo(CampaignStatus.FINISHED);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id) - carried.get(id)).as(id)
                .isEqualTo(1));
        assertThat(byRecipient(CampaignPushContract.report(failedAgain.run().report())).get(failed.get(0))[4])
                .contains("attempt 3 (was FAILED)");
        assertThat(launcher.resend(definition, ResendSelection.parse("UNKNOWN,FAILED"), "os:tester").resend()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_resend WHERE campaign_id = ?").param(definition.campaignId())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void sentInvalidAndDuplicateRecipientsAreNeverResent() throws Exception {
        // Four requests of 50: two end UNKNOWN (one the platform acted on, one it did not), two are SENT.
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 200);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.BAD_GATEWAY_AFTER_ACTING);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.HTTP_503);
        CampaignDefinition definition = parser.parse(notifyCampaign(prefix + "sent"));
        PushRun first = launcher.push(definition);
        assertThat(first.counts()).containsEntry(RecipientState.SENT, 100L).containsEntry(RecipientState.UNKNOWN, 100L);
        List<String> sent = idsIn(byRecipient(CampaignPushContract.report(first.report())), "SENT");
        Map<String, Long> carried = carried(audience.validIds());

        ResendRun resend = launcher.resend(definition, ResendSelection.parse("UNKNOWN,FAILED"), "console:mark");

        assertThat(resend.run().counts()).containsEntry(RecipientState.SENT, 200L).containsEntry(RecipientState.INVALID, 3L)
                .containsEntry(RecipientState.DUPLICATE, 2L);
        assertThat(sent).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(carried.get(id)));
        assertThat(audience.validIds()).filteredOn(id -> !sent.contains(id))
                .allSatisfy(id -> assertThat(sandbox.requestsCarrying(id) - carried.get(id)).as(id).isEqualTo(1));
        assertThat(CampaignPushContract.report(resend.run().report()))
                .filteredOn(row -> row[2].equals("INVALID") || row[2].equals("DUPLICATE")).hasSize(5)
                .allSatisfy(row -> assertThat(row[4]).doesNotContain("resent"));
    }

    @Test
    void aCampaignBeingSentOrNotYetSentIsRefusedAndItsFailedRecipientsAreResentOnceItFinished() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 40);
        CampaignDefinition definition = parser.parse(notifyCampaign(prefix + "busy"));
        assertThatThrownBy(() -> launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester"))
                .hasMessage("campaign " + prefix + "busy was never pushed; there is nobody to resend to");
        assertThat(store.find(definition.campaignId())).isEmpty();
        lifecycle.register(definition);
        assertThatThrownBy(() -> launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester"))
                .isInstanceOf(CampaignMoveRefusedException.class)
                .hasMessage("campaign " + prefix + "busy has not finished; only a finished campaign is resent"
                        + " (push or resume it to finish it first)");
        // Throttled until the call deadline: sending for seconds, then FAILED.
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1000, Fault.HTTP_429);
        CompletableFuture<PushRun> sending = CompletableFuture.supplyAsync(() -> launcher.push(definition));
        await().atMost(Duration.ofSeconds(60)).until(() -> store.status(definition.campaignId()) == CampaignStatus.SENDING);

        assertThatThrownBy(() -> launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester"))
                .isInstanceOf(CampaignMoveRefusedException.class).hasMessageContaining("has not finished");

        assertThat(sending.get(60, TimeUnit.SECONDS).counts()).containsEntry(RecipientState.FAILED, 40L);
        sandbox.clearQueuedFaults();
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isZero());
        ResendRun resend = launcher.resend(definition, ResendSelection.parse("FAILED"), "os:tester");
        assertThat(resend.run().counts()).containsEntry(RecipientState.SENT, 40L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.deliveryCount(id)).as(id).isEqualTo(1));
    }

    @Test
    void aResendAskedWhoseProcessDiedBeforeItStartedIsSentOnceByTheNextPush() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 100);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.MALFORMED_JSON);
        CampaignDefinition definition = parser.parse(notifyCampaign(prefix + "asked"));
        assertThat(launcher.push(definition).counts()).containsEntry(RecipientState.UNKNOWN, 50L);
        Map<String, Long> carried = carried(audience.validIds());
        // Asked and recorded, but the process that asked died before anything started it.
        Resend asked = lifecycle.resend(definition.campaignId(), ResendSelection.parse("UNKNOWN"), "console:mark").orElseThrow();
        assertThat(store.status(definition.campaignId())).isEqualTo(CampaignStatus.SCHEDULED);

        PushRun resumed = launcher.push(definition);
        PushRun again = launcher.push(definition);

        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.counts()).containsEntry(RecipientState.SENT, 100L).containsEntry(RecipientState.UNKNOWN, 0L);
        assertThat(again.alreadyFinished()).isTrue();
        assertThat(again.executionId()).isEqualTo(resumed.executionId());
        assertThat(audience.validIds()).filteredOn(id -> sandbox.requestsCarrying(id) > carried.get(id)).hasSize(50)
                .allSatisfy(id -> assertThat(sandbox.requestsCarrying(id) - carried.get(id)).isEqualTo(1));
        assertThat(CampaignPushContract.report(resumed.report())).filteredOn(row -> row[4].contains("attempt 2"))
                .hasSize(50).allSatisfy(row -> assertThat(row[4]).startsWith("resent by console:mark at ")
                        .contains(asked.requestedAt().toString().substring(0, 19)));
    }

    @Test
    void anAmbiguousAnswerToAResendLeavesItsRecipientsUnknownAgainAndNeverRepeatsIt() throws Exception {
        Audience audience = AudienceFiles.write(dir, "open_id", prefix, 50);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.MALFORMED_JSON);
        CampaignDefinition definition = parser.parse(notifyCampaign(prefix + "again"));
        assertThat(launcher.push(definition).counts()).containsEntry(RecipientState.UNKNOWN, 50L);
        sandbox.failNext(OpenApiPaths.SEND_NOTIFY, 1, Fault.BAD_GATEWAY_AFTER_ACTING);

        ResendRun resend = launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester");

        assertThat(resend.run().counts()).containsEntry(RecipientState.UNKNOWN, 50L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(2));
        assertThat(CampaignPushContract.report(resend.run().report())).filteredOn(row -> row[2].equals("UNKNOWN"))
                .hasSize(50).allSatisfy(row -> assertThat(row[4]).startsWith("resent by os:tester at ")
                        .contains("attempt 2 (was UNKNOWN); ", "may have acted", "not re-sent"));

        ResendRun third = launcher.resend(definition, ResendSelection.parse("UNKNOWN"), "os:tester");

        assertThat(third.resend().attempt()).isEqualTo(3);
        assertThat(third.run().counts()).containsEntry(RecipientState.SENT, 50L);
        assertThat(audience.validIds()).allSatisfy(id -> assertThat(sandbox.requestsCarrying(id)).as(id).isEqualTo(3));
    }

    @Test
    void onlyUnknownAndFailedCanBeChosen() {
        for (String never : List.of("SENT", "REJECTED", "INVALID", "DUPLICATE", "PENDING", "UNKNOWN,SENT", "", "EXPIRED")) {
            assertThatThrownBy(() -> ResendSelection.parse(never)).as(never)
                    .hasMessageStartingWith("only FAILED or UNKNOWN recipients can be sent again; ");
        }
        assertThat(ResendSelection.parse("unknown, FAILED").states())
                .isEqualTo(EnumSet.of(RecipientState.UNKNOWN, RecipientState.FAILED));
        assertThatThrownBy(() -> new ResendSelection(EnumSet.of(RecipientState.SENT)))
                .hasMessageContaining("cannot be sent again");
    }

    private Map<String, Long> carried(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), sandbox::requestsCarrying));
    }

    private static Map<String, String[]> byRecipient(List<String[]> report) {
        return report.stream().filter(row -> !row[2].equals("INVALID") && !row[2].equals("DUPLICATE"))
                .collect(Collectors.toMap(row -> row[1], row -> row));
    }

    private static List<String> idsIn(Map<String, String[]> report, String outcome) {
        return report.values().stream().filter(row -> row[2].equals(outcome)).map(row -> row[1]).sorted().toList();
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
