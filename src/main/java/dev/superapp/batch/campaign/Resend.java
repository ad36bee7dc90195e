package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.RecipientState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One resend of a finished campaign, as recorded in {@code campaign_resend}.
 *
 * @param attempt     2 for the first resend, then 3, ...; the campaign's first send is attempt 1
 * @param requestedBy {@code os:<user>} or {@code console:<user>}
 * @param asked       the recipients in the chosen states when it was asked
 */
public record Resend(String campaignId, int attempt, ResendSelection selection, String requestedBy, Instant requestedAt,
                     long asked) {

    /** What each resent recipient's report line says, before how its new request went. */
    String note(RecipientState previous) {
        return "resent by " + requestedBy + " at " + requestedAt.truncatedTo(ChronoUnit.SECONDS) + ", attempt " + attempt + " (was " + previous + ")";
    }
}
