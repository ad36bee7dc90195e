package dev.superapp.batch.campaign.sending;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recipients a campaign's requests had answered from a moment on: the sends of one run, so that a resumed
 * campaign's rate counts what this run sent and not what earlier runs did.
 */
@Repository
public class CampaignSendCounts {

    private final JdbcClient jdbc;

    CampaignSendCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param sinceUtc as {@code campaign_request.updated_at} is written: UTC */
    public long answeredSince(String campaignId, LocalDateTime sinceUtc) {
        return jdbc.sql("SELECT COALESCE(SUM(recipients), 0) FROM campaign_request "
                        + "WHERE campaign_id = ? AND state <> 'IN_FLIGHT' AND updated_at >= ?")
                .params(campaignId, sinceUtc).query(Long.class).single();
    }
}
