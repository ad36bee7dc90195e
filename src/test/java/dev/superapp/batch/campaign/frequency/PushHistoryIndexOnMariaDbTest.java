package dev.superapp.batch.campaign.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The frequency cap's per-request queries stay index lookups on a large history (250,000 pushes of 60,000 people):
 * MariaDB's plan is asserted, not a time. The timing measured on this data is in the README.
 */
@SpringBootTest(properties = "campaign.frequency-cap.max=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushHistoryIndexOnMariaDbTest {

    @Autowired JdbcClient jdbc;
    @Autowired PushHistory history;
    @Autowired TransactionTemplate transactions;

    private final List<String> ids = IntStream.range(0, 50).mapToObj(i -> "u%06d".formatted(i * 1000 + 7)).toList();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.MARIADB.register(registry);
        TestSandbox.register(registry);
    }

    @BeforeAll
    void aLargeHistory() {
        // MariaDB's sequence engine: 250,000 rows in one statement, spread over the last 48 hours.
        jdbc.sql("INSERT INTO recipient_push (campaign_id, line_no, channel, recipient_id, pushed_at)"
                + " SELECT CONCAT('c', seq % 5), seq, 'NOTIFY', CONCAT('u', LPAD(seq % 60000, 6, '0')),"
                + " UTC_TIMESTAMP(6) - INTERVAL (seq % 48) HOUR FROM seq_1_to_250000").update();
        jdbc.sql("INSERT INTO recipient_push_lock (recipient_id, channel)"
                + " SELECT DISTINCT recipient_id, channel FROM recipient_push").update();
        jdbc.sql("ANALYZE TABLE recipient_push, recipient_push_lock").query().listOfRows();
    }

    @Test
    void theCountOfARequestsRecipientsPushesIsARangeOnTheRecipientIndex() {
        Map<String, Object> plan = explain("SELECT recipient_id FROM recipient_push WHERE recipient_id IN (:ids)"
                + " AND channel = 'NOTIFY' AND pushed_at > UTC_TIMESTAMP(6) - INTERVAL 24 HOUR"
                + " GROUP BY recipient_id HAVING COUNT(*) >= 2");

        assertThat(plan).containsEntry("key", "recipient_push_recipient_ix").containsEntry("type", "range");
        assertThat(Long.parseLong(String.valueOf(plan.get("rows")))).isLessThan(1_000);
    }

    @Test
    void theLockOfARequestsRecipientsLocksOnlyTheirRows() {
        Map<String, Object> plan = explain("SELECT recipient_id FROM recipient_push_lock WHERE recipient_id IN (:ids)"
                + " AND channel = 'NOTIFY' ORDER BY recipient_id FOR UPDATE");

        assertThat(plan).containsEntry("key", "PRIMARY").containsEntry("type", "range");
        assertThat(Long.parseLong(String.valueOf(plan.get("rows")))).isLessThanOrEqualTo(ids.size());
    }

    @Test
    void theCappedAmongThemAreThoseWithTwoPushesInTheWindow() {
        // u000007: pushes at seq 7, 60007, 120007, 180007, 240007: hours 7, 7, 7, 7, 7 ago (seq % 48 = 7 for each).
        Set<String> capped = transactions.execute(status -> history.lockAndFindCapped(Channel.NOTIFY, ids));

        assertThat(capped).contains("u000007");
    }

    private Map<String, Object> explain(String query) {
        return jdbc.sql("EXPLAIN " + query).param("ids", ids).query().listOfRows().get(0);
    }
}
