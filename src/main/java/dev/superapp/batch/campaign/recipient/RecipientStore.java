package dev.superapp.batch.campaign.recipient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the staged recipients of {@code campaign_recipient} for the sender, the delivery report, the preview and
 * the console's reports, a keyset page by line at a time so memory stays flat on large audiences. Every page is
 * ordered by the columns of the index it reads ({@code (campaign_id, line_no)} or {@code (campaign_id, state,
 * line_no)}): ordered by line_no alone, H2 sorted every remaining row for each page, quadratic in the audience.
 * The sender's own writes stay with its exactly-once record ({@code PushRequestStore}); the one write here closes
 * the lines a cancelled campaign never sent.
 */
@Repository
public class RecipientStore {

    private static final String COLUMNS = "line_no, recipient_id, state, detail, resend_note, chunk_no, request_id";

    private final JdbcClient jdbc;

    RecipientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} recipients after line {@code afterLine} (0 first), by line. */
    public List<CampaignRecipient> page(String campaignId, long afterLine, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_recipient"
                        + " WHERE campaign_id = ? AND line_no > ? ORDER BY campaign_id, line_no LIMIT ?")
                .params(campaignId, afterLine, limit)
                .query(RecipientStore::recipient).list();
    }

    /** The same, only recipients in {@code state}. */
    public List<CampaignRecipient> page(String campaignId, RecipientState state, long afterLine, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_recipient WHERE campaign_id = ? AND state = ?"
                        + " AND line_no > ? ORDER BY campaign_id, state, line_no LIMIT ?")
                .params(campaignId, state.name(), afterLine, limit)
                .query(RecipientStore::recipient).list();
    }

    /** For the sender: up to {@code limit} PENDING recipients not yet given to a request, after {@code afterLine}. */
    public List<CampaignRecipient> unassigned(String campaignId, long afterLine, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_recipient WHERE campaign_id = ? AND state = 'PENDING'"
                        + " AND chunk_no IS NULL AND line_no > ? ORDER BY campaign_id, state, line_no LIMIT ?")
                .params(campaignId, afterLine, limit)
                .query(RecipientStore::recipient).list();
    }

    /** The recipients request {@code chunkNo} carries, by line. */
    public List<CampaignRecipient> ofChunk(String campaignId, long chunkNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_recipient WHERE campaign_id = ? AND chunk_no = ? ORDER BY line_no")
                .params(campaignId, chunkNo)
                .query(RecipientStore::recipient).list();
    }

    /** The first {@code limit} staged lines that will not be sent (INVALID, DUPLICATE or SUPPRESSED), by line. */
    public List<CampaignRecipient> problems(String campaignId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_recipient"
                        + " WHERE campaign_id = ? AND state IN ('INVALID', 'DUPLICATE', 'SUPPRESSED') ORDER BY campaign_id, line_no LIMIT ?")
                .params(campaignId, limit)
                .query(RecipientStore::recipient).list();
    }

    /** Staged recipients per state; every state is present, 0 when it has none. */
    public Map<RecipientState, Long> countByState(String campaignId) {
        Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
        for (RecipientState state : RecipientState.values()) {
            counts.put(state, 0L);
        }
        counts.putAll(countByState(List.of(campaignId)).getOrDefault(campaignId, Map.of()));
        return counts;
    }

    /** Per campaign, its staged recipients per state; states (and campaigns) without any are absent. */
    public Map<String, Map<RecipientState, Long>> countByState(List<String> campaignIds) {
        Map<String, Map<RecipientState, Long>> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT campaign_id, state, COUNT(*) AS recipients FROM campaign_recipient"
                        + " WHERE campaign_id IN (:ids) GROUP BY campaign_id, state")
                .param("ids", campaignIds)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("campaign_id"), id -> new EnumMap<>(RecipientState.class))
                            .put(RecipientState.valueOf(rs.getString("state")), rs.getLong("recipients"));
                });
        return counts;
    }

    /**
     * Marks every recipient still PENDING and given to no request CANCELED, saying why: a cancelled campaign's report
     * lists them as not sent because of the cancel. Requests left in flight keep their recipients as they are.
     *
     * @return how many were marked
     */
    public int cancelUnsent(String campaignId) {
        return jdbc.sql("UPDATE campaign_recipient SET state = 'CANCELED', detail = ?"
                        + " WHERE campaign_id = ? AND state = 'PENDING' AND chunk_no IS NULL")
                .params("not sent: the campaign was cancelled before a request carried it", campaignId).update();
    }

    /** The recipients some request has carried so far, per state: what a canary is judged on. */
    public Map<RecipientState, Long> carriedByState(String campaignId) {
        Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
        jdbc.sql("SELECT state, COUNT(*) AS recipients FROM campaign_recipient WHERE campaign_id = ? AND chunk_no IS NOT NULL"
                        + " GROUP BY state")
                .param(campaignId)
                .query(rs -> {
                    counts.put(RecipientState.valueOf(rs.getString("state")), rs.getLong("recipients"));
                });
        return counts;
    }

    /** The last audience line staged, 0 when none: staging resumes after it. */
    public long lastStagedLine(String campaignId) {
        return jdbc.sql("SELECT COALESCE(MAX(line_no), 0) FROM campaign_recipient WHERE campaign_id = ?")
                .param(campaignId).query(Long.class).single();
    }

    private static CampaignRecipient recipient(ResultSet rs, int row) throws SQLException {
        return new CampaignRecipient(rs.getLong("line_no"), rs.getString("recipient_id"),
                RecipientState.valueOf(rs.getString("state")), detail(rs.getString("resend_note"), rs.getString("detail")),
                rs.getObject("chunk_no", Long.class), rs.getString("request_id"));
    }

    /** A resent recipient's line says who resent it, when and in which attempt, then how its new request went. */
    private static String detail(String resendNote, String detail) {
        if (resendNote == null) {
            return detail;
        }
        return detail == null ? resendNote : resendNote + "; " + detail;
    }
}
