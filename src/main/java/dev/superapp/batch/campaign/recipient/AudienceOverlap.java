package dev.superapp.batch.campaign.recipient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How much of a campaign's audience an earlier campaign already had, and leaving those recipients out: people
 * who got the spring sale need not get its reminder. Recipients are compared by {@code send_key}, the id exactly
 * as staged (bytes, not letter case).
 */
@Repository
public class AudienceOverlap {

    /**
     * @param inAudience this campaign's recipients still to be sent that were staged to be sent by {@code earlier}
     * @param sent       of those, the ones {@code earlier} sent
     * @param leftOut    this campaign's recipients already left out (for any earlier campaign)
     */
    public record Overlap(String earlier, long inAudience, long sent, long leftOut) {
    }

    private final JdbcClient jdbc;

    AudienceOverlap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Overlap between(String campaignId, String earlier) {
        return jdbc.sql("""
                        SELECT COUNT(o.send_key) AS in_audience,
                               COALESCE(SUM(CASE WHEN o.state = 'SENT' THEN 1 ELSE 0 END), 0) AS sent,
                               (SELECT COUNT(*) FROM campaign_recipient x WHERE x.campaign_id = :campaign
                                  AND x.state = 'EXCLUDED') AS left_out
                        FROM campaign_recipient r
                        JOIN campaign_recipient o ON o.campaign_id = :earlier AND o.send_key = r.send_key
                        WHERE r.campaign_id = :campaign AND r.state = 'PENDING'""")
                .param("campaign", campaignId)
                .param("earlier", earlier)
                .query((rs, row) -> new Overlap(earlier, rs.getLong("in_audience"), rs.getLong("sent"), rs.getLong("left_out")))
                .single();
    }

    /**
     * Marks EXCLUDED, with {@code detail}, this campaign's recipients still to be sent that {@code earlier} had to
     * send (or sent, when {@code sentOnly}), in one statement that does nothing unless the campaign is still
     * REGISTERED: once a send is planned, the audience is what it will be.
     *
     * @return how many were left out
     */
    public int leaveOut(String campaignId, String earlier, boolean sentOnly, String detail) {
        // The earlier campaign's keys through a derived table: MariaDB refuses a subquery on the updated table itself.
        return jdbc.sql("""
                        UPDATE campaign_recipient SET state = 'EXCLUDED', detail = :detail
                        WHERE campaign_id = :campaign AND state = 'PENDING' AND chunk_no IS NULL
                          AND send_key IN (SELECT k.send_key FROM (SELECT send_key FROM campaign_recipient
                                WHERE campaign_id = :earlier AND send_key IS NOT NULL""" + (sentOnly ? " AND state = 'SENT'" : "") + """
                          ) k)
                          AND EXISTS (SELECT 1 FROM campaign c WHERE c.campaign_id = :campaign AND c.status = 'REGISTERED')""")
                .param("detail", detail)
                .param("campaign", campaignId)
                .param("earlier", earlier)
                .update();
    }
}
