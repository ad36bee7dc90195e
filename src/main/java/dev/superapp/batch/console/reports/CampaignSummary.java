package dev.superapp.batch.console.reports;

import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One campaign as the list shows it.
 *
 * @param status where the campaign is, FINISHED (or FINISHED_WITH_ERRORS) once its delivery report is written
 * @param counts recipients per state that occurs, in state order
 */
record CampaignSummary(String campaignId, String channel, CampaignStatus status, LocalDateTime createdAt,
                       Map<RecipientState, Long> counts) {

    public long recipients() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counts as text: {@code SENT 50 · INVALID 3}. */
    public String states() {
        return counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
                .collect(Collectors.joining(" · "));
    }
}
