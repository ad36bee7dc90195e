package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import java.util.List;
import java.util.Map;

/**
 * Some recipients of one campaign, as a condition on {@code campaign_recipient}'s primary key that MariaDB and
 * H2 both answer from the index, whether it names 50 recipients or thousands:
 * {@code campaign_id = ? AND line_no BETWEEN first AND last AND line_no IN (...)}. The range is what H2 searches
 * (with the IN alone it scanned all the campaign's rows); a plain IN of numbers is what MariaDB plans quickly
 * (row values {@code (campaign_id, line_no) IN (...)} of 1,600 recipients took it half a second, measured).
 *
 * @param lines the recipients' line numbers
 */
record RecipientLines(String campaignId, List<Long> lines) {

    static RecipientLines of(String campaignId, List<CampaignRecipient> recipients) {
        return new RecipientLines(campaignId, recipients.stream().map(CampaignRecipient::lineNo).toList());
    }

    /** The condition, with its parameters named after {@code name}; see {@link #bind}. */
    String condition(String name) {
        return "campaign_id = :" + name + "Campaign AND line_no BETWEEN :" + name + "First AND :" + name + "Last"
                + " AND line_no IN (:" + name + "Lines)";
    }

    void bind(Map<String, Object> params, String name) {
        params.put(name + "Campaign", campaignId);
        params.put(name + "First", lines.stream().mapToLong(Long::longValue).min().orElseThrow());
        params.put(name + "Last", lines.stream().mapToLong(Long::longValue).max().orElseThrow());
        params.put(name + "Lines", lines);
    }
}
