package dev.superapp.batch.console.reports;

import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their staged recipients as the delivery reports show them; read only. */
@Repository
class CampaignReports {

    private record Campaign(String campaignId, String channel, CampaignStatus status, LocalDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final RecipientStore recipients;

    CampaignReports(JdbcClient jdbc, RecipientStore recipients) {
        this.jdbc = jdbc;
        this.recipients = recipients;
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
        Map<String, Map<RecipientState, Long>> counts =
                recipients.countByState(campaigns.stream().map(Campaign::campaignId).toList());
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
        List<CampaignRecipient> fetched = state == null ? recipients.page(campaignId, after, size + 1)
                : recipients.page(campaignId, state, after, size + 1);
        return RowPage.of(fetched, size, CampaignRecipient::lineNo);
    }
}
