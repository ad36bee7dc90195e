package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses a sending campaign, as {@link CampaignLifecycle#pauseItself}, once more than {@code campaign.max-error-rate}
 * of the recipients answered over the last minute were rejected or failed: a campaign going wrong stops itself
 * instead of reaching everyone wrongly. It counts the answers of this run on this node (one node sends a campaign at
 * a time), and judges only once at least {@value #MIN_RECIPIENTS} recipients were answered within the minute, so
 * that one bad first request of a large campaign does not stop it. UNKNOWN recipients (may have been delivered) count
 * as answered, not as errors, as in the campaign's end verdict. Thread-safe: every sender reports here.
 */
final class ErrorRateGuard {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MIN_RECIPIENTS = 100;

    private static final Logger log = LoggerFactory.getLogger(ErrorRateGuard.class);

    private record Answered(long atMillis, int recipients, int errors) {
    }

    private final CampaignLifecycle lifecycle;
    private final String campaignId;
    private final BigDecimal maxErrorRate;
    private final Clock clock;
    private final Deque<Answered> lastMinute = new ArrayDeque<>();
    private long recipients;
    private long errors;
    private boolean paused;

    ErrorRateGuard(CampaignLifecycle lifecycle, String campaignId, BigDecimal maxErrorRate, Clock clock) {
        this.lifecycle = lifecycle;
        this.campaignId = campaignId;
        this.maxErrorRate = maxErrorRate;
        this.clock = clock;
    }

    void answered(PushResult result) {
        int failed = 0;
        for (CampaignRecipient recipient : result.request().recipients()) {
            RecipientState outcome = result.answer().outcomeOf(recipient.recipientId());
            failed += outcome == RecipientState.REJECTED || outcome == RecipientState.FAILED ? 1 : 0;
        }
        String why = add(new Answered(clock.millis(), result.request().recipients().size(), failed));
        if (why != null && lifecycle.pauseItself(campaignId, why)) {
            log.warn("campaign {} {}", campaignId, why);
        }
    }

    /** @return why the campaign must pause, the first time the rate is too high; else null */
    private synchronized String add(Answered answer) {
        lastMinute.addLast(answer);
        recipients += answer.recipients();
        errors += answer.errors();
        while (!lastMinute.isEmpty() && lastMinute.peekFirst().atMillis() <= answer.atMillis() - WINDOW.toMillis()) {
            Answered old = lastMinute.removeFirst();
            recipients -= old.recipients();
            errors -= old.errors();
        }
        if (paused || recipients < MIN_RECIPIENTS) {
            return null;
        }
        BigDecimal rate = BigDecimal.valueOf(errors).divide(BigDecimal.valueOf(recipients), 4, RoundingMode.HALF_UP);
        if (rate.compareTo(maxErrorRate) <= 0) {
            return null;
        }
        paused = true;
        return "paused itself: " + errors + " of the " + recipients + " recipients answered in the last minute ("
                + percent(rate) + ") were rejected or failed, more than campaign.max-error-rate " + percent(maxErrorRate)
                + "; resume it to send the rest";
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
