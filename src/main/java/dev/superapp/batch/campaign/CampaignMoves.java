package dev.superapp.batch.campaign;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code campaign_move} table: every move {@link CampaignStore} made, with who asked and when, so that a run
 * that stopped can say who paused or cancelled it. Written only by the store, right after the move it records.
 */
@Repository
public class CampaignMoves {

    /**
     * One move made.
     *
     * @param movedBy the console user who asked; null when the job or the scheduler moved it
     * @param movedAt UTC
     */
    public record Made(String campaignId, CampaignMove move, String movedBy, LocalDateTime movedAt) {
    }

    private final JdbcClient jdbc;

    CampaignMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String campaignId, CampaignMove move, String by, LocalDateTime at) {
        jdbc.sql("INSERT INTO campaign_move (campaign_id, move, status, moved_by, moved_at) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, move.name(), move.to() == null ? null : move.to().name(), by, at)
                .update();
    }

    /** The moves of {@code campaignIds} that are one of {@code moves}, oldest first. */
    public List<Made> of(Collection<String> campaignIds, Collection<CampaignMove> moves) {
        if (campaignIds.isEmpty() || moves.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT campaign_id, move, moved_by, moved_at FROM campaign_move
                        WHERE campaign_id IN (:campaigns) AND move IN (:moves)
                        ORDER BY moved_at, move_id""")
                .param("campaigns", List.copyOf(campaignIds))
                .param("moves", moves.stream().map(Enum::name).toList())
                .query((rs, row) -> new Made(rs.getString("campaign_id"), CampaignMove.valueOf(rs.getString("move")),
                        rs.getString("moved_by"), rs.getObject("moved_at", LocalDateTime.class)))
                .list();
    }
}
