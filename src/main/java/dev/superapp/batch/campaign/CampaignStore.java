package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionException;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.definition.DefinitionJson;
import dev.superapp.batch.system.BoundedText;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code campaign} table: a campaign's registration (its definition, as parsed, in {@code definition}) and its
 * status. Statuses change only through {@link CampaignLifecycle}, each move one conditional update.
 */
@Repository
public class CampaignStore {

    private static final String COLUMNS =
            "campaign_id, channel, audience_path, status, definition, request_nonce, status_detail";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CampaignMoves moves;
    private final Clock clock;

    CampaignStore(JdbcClient jdbc, CampaignMoves moves, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.clock = clock;
    }

    /**
     * Records a campaign on its first push. A later push of the same id resumes that campaign, so it must
     * name the same channel and audience: one campaign id is one audience, sent once.
     *
     * @return true when this call registered it, false when it was registered before
     * @throws CampaignDefinitionException when the id is registered with another channel or audience
     */
    boolean register(CampaignDefinition definition) {
        LocalDateTime now = now();
        try {
            jdbc.sql("""
                            INSERT INTO campaign (campaign_id, channel, definition, audience_path, status, request_nonce,
                              created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(definition.campaignId(), definition.channel().name(), DefinitionJson.write(definition),
                            definition.audience().toString(), CampaignMove.REGISTER.to().name(), newRequestNonce(), now, now)
                    .update();
            moves.record(definition.campaignId(), CampaignMove.REGISTER, null, now);
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE campaign_id = ?")
                .param(campaignId)
                .query(CampaignStore::storedCampaign)
                .optional();
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

    /** The newest campaigns first, for the console. */
    public List<StoredCampaign> newest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign ORDER BY created_at DESC, campaign_id LIMIT ?")
                .param(limit)
                .query(CampaignStore::storedCampaign)
                .list();
    }

    /**
     * The newest campaigns whose id contains {@code fragment} (as typed: {@code _} and {@code %} are not wildcards),
     * for the console's search.
     */
    public List<StoredCampaign> newestContaining(String fragment, int limit) {
        // '!' rather than a backslash: MariaDB and H2 read a backslash in a literal differently.
        String literal = fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE campaign_id LIKE ? ESCAPE '!' "
                        + "ORDER BY created_at DESC, campaign_id LIMIT ?")
                .params("%" + literal + "%", limit)
                .query(CampaignStore::storedCampaign)
                .list();
    }

    /**
     * Makes {@code move} if the campaign is in one of the statuses it starts from, in one statement, recording
     * why ({@code status_detail}, cut to 500 characters; null clears it).
     *
     * @return true when it moved
     */
    boolean move(String campaignId, CampaignMove move, String why) {
        return move(campaignId, move, why, null);
    }

    /** As {@link #move(String, CampaignMove, String)}, asked by the console user {@code by}; recorded in {@link CampaignMoves}. */
    boolean move(String campaignId, CampaignMove move, String why, String by) {
        LocalDateTime now = now();
        boolean moved = update(campaignId, move.from(), "status = :to, ", why, move.to(), now);
        if (moved) {
            moves.record(campaignId, move, by, now);
        }
        return moved;
    }

    /** Records why the campaign is as it is, without moving it, if it is in one of {@code in}. */
    boolean note(String campaignId, Set<CampaignStatus> in, String why) {
        return update(campaignId, in, "", why, null, now());
    }

    private boolean update(String campaignId, Set<CampaignStatus> from, String setStatus, String why, CampaignStatus to,
                           LocalDateTime now) {
        JdbcClient.StatementSpec update = jdbc.sql("UPDATE campaign SET " + setStatus
                        + "status_detail = :why, updated_at = :now WHERE campaign_id = :id AND status IN (:from)")
                .param("why", why == null ? null : BoundedText.cap(why, BoundedText.DETAIL))
                .param("now", now)
                .param("id", campaignId)
                .param("from", from.stream().map(Enum::name).toList());
        return (to == null ? update : update.param("to", to.name())).update() == 1;
    }

    /** Times are stored as UTC wall-clock values; LocalDateTime passes them through every driver unshifted. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static StoredCampaign storedCampaign(ResultSet rs, int row) throws SQLException {
        return new StoredCampaign(rs.getString("campaign_id"), Channel.valueOf(rs.getString("channel")),
                Path.of(rs.getString("audience_path")), CampaignStatus.valueOf(rs.getString("status")),
                DefinitionJson.read(rs.getString("definition")), rs.getString("request_nonce"),
                rs.getString("status_detail"));
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
}
