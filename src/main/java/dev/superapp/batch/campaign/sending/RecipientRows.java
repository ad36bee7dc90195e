package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Some rows of one campaign's {@code campaign_recipient}, by line or by the request (chunk) that carries them, as a
 * condition MariaDB and H2 both answer from an index, whether it names 50 keys or thousands:
 * {@code campaign_id = ? AND line_no BETWEEN first AND last AND line_no IN (...)} (or {@code chunk_no}). The range is
 * what H2 searches (with the IN alone it scanned all the campaign's rows); a plain IN of numbers is what MariaDB
 * plans quickly (row values {@code (campaign_id, line_no) IN (...)} of 1,600 recipients took it half a second,
 * measured).
 *
 * @param column {@code line_no} (the primary key's second column) or {@code chunk_no} (its own index's)
 */
record RecipientRows(String campaignId, String column, List<Long> keys) {

    static RecipientRows byLine(String campaignId, List<CampaignRecipient> recipients) {
        return new RecipientRows(campaignId, "line_no", recipients.stream().map(CampaignRecipient::lineNo).toList());
    }

    /** The recipients of these requests: a claimed recipient's chunk is its request's. */
    static RecipientRows byChunk(String campaignId, List<Long> chunkNos) {
        return new RecipientRows(campaignId, "chunk_no", List.copyOf(chunkNos));
    }

    /** The condition, with its parameters named after {@code name}; see {@link #bind}. */
    String condition(String name) {
        return "campaign_id = :" + name + "Campaign AND " + column + " BETWEEN :" + name + "First AND :" + name + "Last"
                + " AND " + column + " IN (:" + name + "Keys)";
    }

    void bind(Map<String, Object> params, String name) {
        params.put(name + "Campaign", campaignId);
        params.put(name + "First", Collections.min(keys));
        params.put(name + "Last", Collections.max(keys));
        params.put(name + "Keys", keys);
    }
}
