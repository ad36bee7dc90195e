package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a campaign that is not sending any more has sent, in one sentence for its page: a paused, stopped, failed,
 * cancelled or finished campaign says how many were sent, how many went wrong, and what became of the rest.
 */
final class DeliveryLine {

    private DeliveryLine() {
    }

    /** @return null while the campaign has not started or is still sending: its progress says more then */
    static String of(CampaignStatus status, Map<RecipientState, Long> counts) {
        if (!status.ended() && status != CampaignStatus.PAUSED && status != CampaignStatus.STOPPED
                && status != CampaignStatus.FAILED) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add("Sent to " + count(counts, RecipientState.SENT) + " recipient" + plural(count(counts, RecipientState.SENT)));
        add(parts, counts, RecipientState.REJECTED, "rejected by the platform");
        add(parts, counts, RecipientState.FAILED, "failed after retries");
        add(parts, counts, RecipientState.UNKNOWN, "unknown (the platform may have delivered; not re-sent)");
        add(parts, counts, RecipientState.CANCELED, "not sent because the campaign was cancelled");
        add(parts, counts, RecipientState.EXPIRED, "not sent because its end time (notAfter) had passed");
        add(parts, counts, RecipientState.PENDING, status == CampaignStatus.CANCELED ? "were in flight at the cancel"
                : "not sent yet (Resume sends them, nobody twice)");
        add(parts, counts, RecipientState.INVALID, "invalid lines");
        add(parts, counts, RecipientState.DUPLICATE, "duplicate lines");
        return String.join("; ", parts) + ".";
    }

    private static void add(List<String> parts, Map<RecipientState, Long> counts, RecipientState state, String what) {
        long count = count(counts, state);
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    private static long count(Map<RecipientState, Long> counts, RecipientState state) {
        return counts.getOrDefault(state, 0L);
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
