package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.RecipientState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Whether a campaign that sent everything it had to send went well enough to be plainly FINISHED: it did not
 * when nobody was sent the push, or when more than {@code campaign.max-error-rate} of the recipients sent to
 * were REJECTED or FAILED. UNKNOWN recipients (the platform may have delivered) count as sent to, not as errors.
 * No I/O: the counts come from the staged recipients.
 *
 * @param failing true when the campaign must end {@link CampaignStatus#FINISHED_WITH_ERRORS}
 * @param detail  the counts and the reason, in words for the campaign's page and {@code push}; null when not failing
 */
public record DeliveryVerdict(boolean failing, String detail) {

    static DeliveryVerdict of(Map<RecipientState, Long> counts, BigDecimal maxErrorRate) {
        long sent = count(counts, RecipientState.SENT);
        long rejected = count(counts, RecipientState.REJECTED);
        long failed = count(counts, RecipientState.FAILED);
        long sentTo = sent + rejected + failed + count(counts, RecipientState.UNKNOWN);
        String tally = sent + " sent, " + rejected + " rejected, " + failed + " failed, "
                + count(counts, RecipientState.UNKNOWN) + " unknown, " + count(counts, RecipientState.INVALID) + " invalid, "
                + count(counts, RecipientState.DUPLICATE) + " duplicate"
                + held(counts, RecipientState.SUPPRESSED, " suppressed") + held(counts, RecipientState.CAPPED, " capped")
                + held(counts, RecipientState.EXPIRED, " expired")
                // Left out by a person: named, so that "nobody was sent" is not a mystery when everyone was.
                + held(counts, RecipientState.EXCLUDED, " left out");
        if (sent == 0) {
            return new DeliveryVerdict(true, "no recipient was sent the push (" + tally + ")");
        }
        BigDecimal errorRate = BigDecimal.valueOf(rejected + failed).divide(BigDecimal.valueOf(sentTo), 4, RoundingMode.HALF_UP);
        if (errorRate.compareTo(maxErrorRate) > 0) {
            return new DeliveryVerdict(true, (rejected + failed) + " of " + sentTo + " recipients ("
                    + percent(errorRate) + ") were rejected or failed, more than campaign.max-error-rate "
                    + percent(maxErrorRate) + " (" + tally + ")");
        }
        return new DeliveryVerdict(false, null);
    }

    /** Recipients held back on purpose are named only when there are some. */
    private static String held(Map<RecipientState, Long> counts, RecipientState state, String what) {
        long held = count(counts, state);
        return held == 0 ? "" : ", " + held + what;
    }

    private static long count(Map<RecipientState, Long> counts, RecipientState state) {
        return counts.getOrDefault(state, 0L);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
