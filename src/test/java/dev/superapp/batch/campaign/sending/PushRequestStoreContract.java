package dev.superapp.batch.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sender's exactly-once records, claimed by ranges and committed in groups, on every database we support. */
@SpringBootTest
abstract class PushRequestStoreContract {

    @Autowired PushRequestStore requests;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired CampaignStore store;
    @Autowired RecipientStore recipients;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void aRequestOneOfWhoseRecipientsAnotherRunClaimedIsRefusedAndLeavesNoRecordWhileItsNeighbourIsClaimed() throws IOException {
        StoredCampaign campaign = campaign("claims");
        stagePending("claims", 2, 3, 4);
        stage("claims", 5, null, RecipientState.INVALID);
        stagePending("claims", 6, 7, 8, 9, 10, 11);
        List<CampaignRecipient> page = recipients.unassigned("claims", 0, 100);
        PushRequest first = PushRequest.first(campaign, 1, page.subList(0, 4));
        PushRequest second = PushRequest.first(campaign, 2, page.subList(4, 9));
        jdbc.sql("UPDATE campaign_recipient SET chunk_no = 99, request_id = 'another-run' WHERE campaign_id = 'claims' AND line_no = 8")
                .update();

        assertThat(requests.recordInFlight(first, Channel.ACTIVITY)).isEqualTo(first);
        assertThatThrownBy(() -> requests.recordInFlight(second, Channel.ACTIVITY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("campaign claims: 1 recipient(s) of request " + second.requestId()
                        + " were claimed by another run; not sent");

        assertThat(chunks("claims")).containsExactly(
                Map.entry(2L, "1"), Map.entry(3L, "1"), Map.entry(4L, "1"), Map.entry(5L, "-"), Map.entry(6L, "1"),
                Map.entry(7L, "-"), Map.entry(8L, "99"), Map.entry(9L, "-"), Map.entry(10L, "-"), Map.entry(11L, "-"));
        assertThat(jdbc.sql("SELECT chunk_no FROM campaign_request WHERE campaign_id = 'claims'").query(Long.class).list())
                .containsExactly(1L);
    }

    @Test
    void manySendersAtOnceClaimTheirOwnRecipientsAndTheirAnswersSetEachRecipientsOutcome() throws Exception {
        StoredCampaign campaign = campaign("many");
        int senders = 12;
        int perRequest = 5;
        for (int line = 2; line < 2 + senders * perRequest; line++) {
            stagePending("many", line);
        }
        List<CampaignRecipient> page = recipients.unassigned("many", 0, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                PushRequest request = PushRequest.first(campaign, i + 1, page.subList(i * perRequest, (i + 1) * perRequest));
                // The first recipient of every third request refused by the platform; the others delivered.
                Set<String> refused = i % 3 == 0 ? Set.of(request.recipients().get(0).recipientId()) : Set.of();
                sent.add(pool.submit(() -> {
                    PushRequest claimed = requests.recordInFlight(request, Channel.ACTIVITY);
                    requests.recordAnswer(new PushResult(claimed, PushAnswer.acknowledged(refused, "{\"code\":200}")),
                            Channel.ACTIVITY);
                }));
            }
            for (Future<?> each : sent) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < senders; i++) {
            for (int j = 0; j < perRequest; j++) {
                long line = 2 + (long) i * perRequest + j;
                RecipientState expected = i % 3 == 0 && j == 0 ? RecipientState.REJECTED : RecipientState.SENT;
                assertThat(jdbc.sql("SELECT state, chunk_no FROM campaign_recipient WHERE campaign_id = 'many' AND line_no = ?")
                        .param(line).query((rs, n) -> rs.getString("state") + "/" + rs.getLong("chunk_no")).single())
                        .as("line %d", line).isEqualTo(expected.name() + "/" + (i + 1));
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_request WHERE campaign_id = 'many' AND state = 'ACKNOWLEDGED'")
                .query(Long.class).single()).isEqualTo(senders);
    }

    private StoredCampaign campaign(String campaignId) throws IOException {
        Path audience = Files.writeString(dir.resolve(campaignId + ".csv"), "open_id\nu1\n");
        lifecycle.register(new CampaignDefinition(campaignId, Channel.ACTIVITY, audience.toAbsolutePath(), null,
                new ActivitySettings("spring-sale-2026", "1", "FFFFFF", "Spring sale", "20% off", "https://cdn.example/i.png",
                        null, 86400, 1, "en_US")));
        return store.registered(campaignId);
    }

    private void stagePending(String campaignId, long... lines) {
        for (long line : lines) {
            stage(campaignId, line, "u" + line, RecipientState.PENDING);
        }
    }

    private void stage(String campaignId, long line, String recipientId, RecipientState state) {
        jdbc.sql("INSERT INTO campaign_recipient (campaign_id, line_no, recipient_id, state, send_key) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, line, recipientId, state.name(), recipientId).update();
    }

    private List<Map.Entry<Long, String>> chunks(String campaignId) {
        return jdbc.sql("SELECT line_no, chunk_no FROM campaign_recipient WHERE campaign_id = ? ORDER BY line_no")
                .param(campaignId)
                .query((rs, n) -> Map.entry(rs.getLong("line_no"), rs.getObject("chunk_no") == null ? "-" : rs.getString("chunk_no")))
                .list();
    }
}
