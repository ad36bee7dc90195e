package dev.superapp.batch.campaign.sending;

import java.time.Instant;
import java.util.List;

/**
 * One test send of a campaign's message, as {@code campaign_test_send} keeps it.
 *
 * @param outcome ACKNOWLEDGED, REJECTED, FAILED or UNKNOWN, as for the campaign's requests; IN_FLIGHT while out
 * @param detail  why, when it did not simply go through; null otherwise
 */
public record TestSend(long id, String campaignId, String sentBy, Instant sentAt, List<String> recipientIds,
                       String requestId, String outcome, String detail) {

    public boolean acknowledged() {
        return RequestState.ACKNOWLEDGED.name().equals(outcome);
    }
}
