package dev.superapp.batch.console.reports;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their staged recipients as the delivery reports show them; read only. */
@Repository
class CampaignReports {

    private static final String COLUMNS = "line_no, recipient_id, state, detail, chunk_no, request_id";

    private record Campaign(String campaignId, String channel, String status, LocalDateTime createdAt) {
    }

    private record Count(String campaignId, String state, long recipients) {
    }

    private final JdbcClient jdbc;

    CampaignReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; campaigns are few, so a page is found by offset. */
    List<CampaignSummary> newest(int offset, int limit) {
        List<Campaign> campaigns = jdbc.sql("""
                        SELECT campaign_id, channel, status, created_at FROM campaign
                        ORDER BY created_at DESC, campaign_id LIMIT :limit OFFSET :offset""")
                .param("limit", limit)
                .param("offset", offset)
                .query(Campaign.class)
                .list();
        Map<String, Map<RecipientState, Long>> counts = counts(campaigns.stream().map(Campaign::campaignId).toList());
        return campaigns.stream()
                .map(c -> new CampaignSummary(c.campaignId(), c.channel(), c.status(), c.createdAt(),
                        counts.getOrDefault(c.campaignId(), Map.of())))
                .toList();
    }

    /**
     * @param state only recipients in this state; null for all
     * @param after recipients after this audience line (0 first)
     */
    RowPage<CampaignRecipient> recipients(String campaignId, RecipientState state, long after, int size) {
        // Ordered like the index each query uses, so the database reads a page in order instead of sorting.
        String sql = state == null
                ? "SELECT " + COLUMNS + " FROM campaign_recipient WHERE campaign_id = :campaign AND line_no > :after"
                        + " ORDER BY campaign_id, line_no LIMIT :limit"
                : "SELECT " + COLUMNS + " FROM campaign_recipient WHERE campaign_id = :campaign AND state = :state"
                        + " AND line_no > :after ORDER BY campaign_id, state, line_no LIMIT :limit";
        JdbcClient.StatementSpec query = jdbc.sql(sql)
                .param("campaign", campaignId)
                .param("after", after)
                .param("limit", size + 1);
        if (state != null) {
            query = query.param("state", state.name());
        }
        List<CampaignRecipient> fetched = query.query(CampaignRecipient.class).list();
        return RowPage.of(fetched, size, CampaignRecipient::lineNo);
    }

    private Map<String, Map<RecipientState, Long>> counts(List<String> campaignIds) {
        Map<String, Map<RecipientState, Long>> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT campaign_id, state, COUNT(*) AS recipients FROM campaign_recipient
                        WHERE campaign_id IN (:ids) GROUP BY campaign_id, state""")
                .param("ids", campaignIds)
                .query(Count.class)
                .list()
                .forEach(count -> counts.computeIfAbsent(count.campaignId(), id -> new EnumMap<>(RecipientState.class))
                        .put(RecipientState.valueOf(count.state()), count.recipients()));
        return counts;
    }
}
