package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.definition.NotifySettings;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The campaign tables and their store behave the same on every database we support. */
@SpringBootTest
abstract class CampaignStoreContract {

    @Autowired CampaignStore store;
    @Autowired RecipientStore recipients;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void registersACampaignOnceAndAcceptsTheSameDefinitionAgain() throws IOException {
        CampaignDefinition definition = CampaignFixtures.activity("once", audience("once.csv"));

        assertThat(store.register(definition)).isTrue();
        assertThat(store.register(definition)).isFalse();
        StoredCampaign stored = store.find("once").orElseThrow();
        assertThat(stored.channel()).isEqualTo(Channel.ACTIVITY);
        assertThat(stored.audience()).isEqualTo(definition.audience());
        assertThat(stored.status()).isEqualTo(CampaignStatus.REGISTERED);
        assertThat(stored.definition()).isEqualTo(definition);
        assertThat(jdbc.sql("SELECT definition FROM campaign WHERE campaign_id = 'once'").query(String.class).single())
                .contains("\"campaign\":\"once\"", "\"channel\":\"activity\"",
                        "\"activityId\":\"spring-sale-2026\"", "\"validityTime\":86400");
    }

    @Test
    void refusesTheSameCampaignIdWithAnotherChannelOrAudience() throws IOException {
        CampaignDefinition first = CampaignFixtures.activity("taken", audience("taken.csv"));
        store.register(first);
        Path other = audience("other.csv");

        assertThatThrownBy(() -> store.register(CampaignFixtures.activity("taken", other)))
                .isInstanceOf(CampaignDefinitionException.class)
                .hasMessage("campaign taken already exists with another definition (channel activity, audience "
                        + first.audience() + "); use a new campaign id");
        assertThatThrownBy(() -> store.register(new CampaignDefinition("taken", Channel.NOTIFY, first.audience(),
                null, new NotifySettings(1, "t", "x", "1", null, null, "en_US"))))
                .isInstanceOf(CampaignDefinitionException.class);
    }

    @Test
    void movesTheStatusOnlyFromTheGivenStatusesAndListsTheNewestCampaignsFirst() throws IOException {
        store.register(CampaignFixtures.activity("older", audience("older.csv")));
        store.register(CampaignFixtures.activity("newer", audience("newer.csv")));

        assertThat(store.move("older", CampaignMove.SCHEDULE, null)).isTrue();
        assertThat(store.move("older", CampaignMove.PAUSE, null)).isFalse();
        assertThat(store.move("nobody", CampaignMove.CANCEL_PLAN, null)).isFalse();

        assertThat(store.status("older")).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(store.status("newer")).isEqualTo(CampaignStatus.REGISTERED);
        assertThat(store.status("nobody")).isNull();
        assertThat(store.newest(10)).extracting(StoredCampaign::campaignId).containsSubsequence("newer", "older");
    }

    @Test
    void listsTheFirstLinesThatWillNotBeSentByLine() throws IOException {
        store.register(CampaignFixtures.activity("problems", audience("problems.csv")));
        stage("problems", 2, "u1", RecipientState.PENDING, null, "u1");
        stage("problems", 7, "u1", RecipientState.DUPLICATE, "duplicate of line 2", null);
        stage("problems", 3, null, RecipientState.INVALID, "empty", null);
        stage("problems", 9, "bad id", RecipientState.INVALID, "bad character", null);

        assertThat(recipients.problems("problems", 2)).extracting(CampaignRecipient::lineNo).containsExactly(3L, 7L);
    }

    @Test
    void countsEveryStateAndPagesRecipientsByLine() throws IOException {
        store.register(CampaignFixtures.activity("paged", audience("paged.csv")));
        stage("paged", 2, "u1", RecipientState.PENDING, null, "u1");
        stage("paged", 3, null, RecipientState.INVALID, "empty", null);
        stage("paged", 5, "u1", RecipientState.DUPLICATE, "duplicate of line 2", null);
        stage("paged", 6, "u2", RecipientState.PENDING, null, "u2");
        stage("paged", 7, "u3", RecipientState.SENT, null, "u3");

        assertThat(recipients.countByState("paged")).containsEntry(RecipientState.PENDING, 2L)
                .containsEntry(RecipientState.INVALID, 1L).containsEntry(RecipientState.DUPLICATE, 1L)
                .containsEntry(RecipientState.SENT, 1L).containsEntry(RecipientState.FAILED, 0L)
                .hasSize(RecipientState.values().length);
        assertThat(recipients.page("paged", 0, 2)).containsExactly(
                new CampaignRecipient(2, "u1", RecipientState.PENDING, null, null, null),
                new CampaignRecipient(3, null, RecipientState.INVALID, "empty", null, null));
        assertThat(recipients.page("paged", 3, 10)).extracting(CampaignRecipient::lineNo).containsExactly(5L, 6L, 7L);
        assertThat(recipients.page("paged", RecipientState.PENDING, 0, 10)).extracting(CampaignRecipient::lineNo)
                .containsExactly(2L, 6L);
        assertThat(recipients.page("paged", RecipientState.PENDING, 2, 10)).extracting(CampaignRecipient::recipientId)
                .containsExactly("u2");
        assertThat(recipients.lastStagedLine("paged")).isEqualTo(7);
        assertThat(recipients.lastStagedLine("unknown")).isZero();
    }

    @Test
    void sendKeyAllowsEachRecipientOnceTellingLetterCaseApart() throws IOException {
        store.register(CampaignFixtures.activity("keys", audience("keys.csv")));
        stage("keys", 2, "abc", RecipientState.PENDING, null, "abc");
        stage("keys", 3, "ABC", RecipientState.PENDING, null, "ABC");
        stage("keys", 4, null, RecipientState.INVALID, "empty", null);
        stage("keys", 5, null, RecipientState.INVALID, "empty", null);

        assertThatThrownBy(() -> stage("keys", 6, "abc", RecipientState.PENDING, null, "abc"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(recipients.countByState("keys")).containsEntry(RecipientState.PENDING, 2L);
    }

    @Test
    void requestIdsAreUniqueForTheSender() throws IOException {
        store.register(CampaignFixtures.activity("requests", audience("requests.csv")));
        String insert = """
                INSERT INTO campaign_request (campaign_id, chunk_no, request_id, state, recipients, created_at,
                  updated_at) VALUES (?, ?, ?, 'IN_FLIGHT', 50, ?, ?)""";
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql(insert).params("requests", 1, "requests-1", now, now).update();

        assertThatThrownBy(() -> jdbc.sql(insert).params("requests", 2, "requests-1", now, now).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    private void stage(String campaignId, long line, String recipientId, RecipientState state, String detail,
                       String sendKey) {
        jdbc.sql("""
                        INSERT INTO campaign_recipient (campaign_id, line_no, recipient_id, state, detail, send_key)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(campaignId, line, recipientId, state.name(), detail, sendKey).update();
    }

    private Path audience(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "open_id\nu1\n");
    }
}
