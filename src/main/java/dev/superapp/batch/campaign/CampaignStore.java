package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.system.BoundedText;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign tables: registers a campaign before its job runs, and reads back its staged recipients for
 * the sender and the delivery report, a keyset page by line at a time so memory stays flat on large files.
 */
@Repository
public class CampaignStore {

    static final String REGISTERED = "REGISTERED";
    private static final String CAMPAIGN_COLUMNS =
            "campaign_id, channel, audience_path, status, definition, request_nonce, status_detail";
    private static final String RECIPIENT_COLUMNS = "line_no, recipient_id, state, detail, chunk_no, request_id";

    private final JdbcClient jdbc;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    CampaignStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a campaign on its first push. A later push of the same id resumes that campaign, so it must
     * name the same channel and audience: one campaign id is one audience, sent once.
     *
     * @return true when this call registered it, false when it was registered before
     * @throws CampaignDefinitionException when the id is registered with another channel or audience
     */
    public boolean register(CampaignDefinition definition) {
        // Times are stored as UTC wall-clock values; LocalDateTime passes them through every driver unshifted.
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        try {
            jdbc.sql("""
                            INSERT INTO campaign (campaign_id, channel, definition, audience_path, status, request_nonce,
                              created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(definition.campaignId(), definition.channel().name(), json(definition),
                            definition.audience().toString(), REGISTERED, newRequestNonce(), now, now)
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRegistered) {
            StoredCampaign stored = find(definition.campaignId()).orElseThrow(() -> alreadyRegistered);
            if (stored.channel() != definition.channel() || !stored.audience().equals(definition.audience())) {
                throw new CampaignDefinitionException(List.of("campaign " + stored.campaignId()
                        + " already exists with another definition (channel " + stored.channel().key()
                        + ", audience " + stored.audience() + "); use a new campaign id"));
            }
            return false;
        }
    }

    public Optional<StoredCampaign> find(String campaignId) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign WHERE campaign_id = ?")
                .param(campaignId)
                .query(CampaignStore::storedCampaign)
                .optional();
    }

    /** Staged recipients per state; every state is present, 0 when it has none. */
    public Map<RecipientState, Long> countByState(String campaignId) {
        Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
        for (RecipientState state : RecipientState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, COUNT(*) AS recipients FROM campaign_recipient WHERE campaign_id = ? GROUP BY state")
                .param(campaignId)
                .query(rs -> {
                    counts.put(RecipientState.valueOf(rs.getString("state")), rs.getLong("recipients"));
                });
        return counts;
    }

    /** The registered campaign a job runs for; a job is only ever started for a registered one. */
    public StoredCampaign registered(String campaignId) {
        return find(campaignId).orElseThrow(() -> new IllegalStateException("campaign " + campaignId
                + " is not registered; register its definition before starting " + CampaignJobConfiguration.JOB_NAME));
    }

    /** The recorded status; a campaign that is not registered has none. */
    public CampaignStatus status(String campaignId) {
        return jdbc.sql("SELECT status FROM campaign WHERE campaign_id = ?").param(campaignId)
                .query(String.class).optional().map(CampaignStatus::valueOf).orElse(null);
    }

    /**
     * Moves the campaign to {@code to} only if it is in one of {@code from}, in one statement, so that two
     * nodes or two people asking at once cannot both win.
     *
     * @return true when it moved
     */
    public boolean moveStatus(String campaignId, Set<CampaignStatus> from, CampaignStatus to) {
        return moveStatus(campaignId, from, to, null);
    }

    /** The same, recording why ({@code status_detail}, cut to 500 characters); null clears it. */
    public boolean moveStatus(String campaignId, Set<CampaignStatus> from, CampaignStatus to, String why) {
        return jdbc.sql("UPDATE campaign SET status = :to, status_detail = :why, updated_at = :now"
                        + " WHERE campaign_id = :id AND status IN (:from)")
                .param("to", to.name())
                .param("why", why == null ? null : BoundedText.cap(why, BoundedText.DETAIL))
                .param("now", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .param("id", campaignId)
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    /** The newest campaigns first, for the console. */
    public List<StoredCampaign> newest(int limit) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign ORDER BY created_at DESC, campaign_id LIMIT ?")
                .param(limit)
                .query(CampaignStore::storedCampaign)
                .list();
    }

    /** The first {@code limit} staged lines that will not be sent (INVALID or DUPLICATE), by line. */
    public List<CampaignRecipient> problems(String campaignId, int limit) {
        return jdbc.sql("SELECT " + RECIPIENT_COLUMNS + " FROM campaign_recipient"
                        + " WHERE campaign_id = ? AND state IN ('INVALID', 'DUPLICATE') ORDER BY campaign_id, line_no LIMIT ?")
                .params(campaignId, limit)
                .query(CampaignStore::recipient).list();
    }

    /** The campaign was sent and reported: pushing it again sends nothing. */
    public void markFinished(String campaignId) {
        jdbc.sql("UPDATE campaign SET status = 'FINISHED', updated_at = ? WHERE campaign_id = ?")
                .params(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), campaignId).update();
    }

    /**
     * For the delivery report: up to {@code limit} recipients after line {@code afterLine} (0 first), by line.
     * Ordered by the whole primary key, which H2 then reads in order; ordered by line_no alone, H2 sorted every
     * remaining row for each page, quadratic in the audience.
     */
    public List<CampaignRecipient> recipients(String campaignId, long afterLine, int limit) {
        return jdbc.sql("SELECT " + RECIPIENT_COLUMNS + " FROM campaign_recipient"
                        + " WHERE campaign_id = ? AND line_no > ? ORDER BY campaign_id, line_no LIMIT ?")
                .params(campaignId, afterLine, limit)
                .query(CampaignStore::recipient).list();
    }

    /** For the sender: up to {@code limit} PENDING recipients after line {@code afterLine} (0 first), by line. */
    public List<CampaignRecipient> pendingRecipients(String campaignId, long afterLine, int limit) {
        return jdbc.sql("SELECT " + RECIPIENT_COLUMNS + " FROM campaign_recipient"
                        + " WHERE campaign_id = ? AND state = 'PENDING' AND line_no > ? ORDER BY campaign_id, state, line_no LIMIT ?")
                .params(campaignId, afterLine, limit)
                .query(CampaignStore::recipient).list();
    }

    /** The last audience line staged, 0 when none: staging resumes after it. */
    long lastStagedLine(String campaignId) {
        return jdbc.sql("SELECT COALESCE(MAX(line_no), 0) FROM campaign_recipient WHERE campaign_id = ?")
                .param(campaignId).query(Long.class).single();
    }

    private static StoredCampaign storedCampaign(ResultSet rs, int row) throws SQLException {
        return new StoredCampaign(rs.getString("campaign_id"), Channel.valueOf(rs.getString("channel")),
                Path.of(rs.getString("audience_path")), rs.getString("status"), rs.getString("definition"),
                rs.getString("request_nonce"), rs.getString("status_detail"));
    }

    public static CampaignRecipient recipient(ResultSet rs, int row) throws SQLException {
        return new CampaignRecipient(rs.getLong("line_no"), rs.getString("recipient_id"),
                RecipientState.valueOf(rs.getString("state")), rs.getString("detail"),
                rs.getObject("chunk_no", Long.class), rs.getString("request_id"));
    }

    /**
     * Part of every request id of the campaign: the same campaign id registered again (a new database,
     * another environment on the same card form) must not reuse request ids the platform has already
     * seen, or its de-duplication would silently drop new material.
     */
    private static String newRequestNonce() {
        byte[] nonce = new byte[4];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    private static String json(CampaignDefinition definition) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("campaign", definition.campaignId());
        normalized.put("channel", definition.channel().key());
        normalized.put("audience", definition.audience().toString());
        normalized.put("schedule", definition.schedule());
        normalized.put(definition.channel().key(), definition.message());
        return JsonMapper.shared().writeValueAsString(normalized);
    }
}
