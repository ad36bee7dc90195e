package dev.superapp.batch.reconciliation.review;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * An order that needs a person: REVIEW, or PENDING after an ERROR, or still processing for more than a day.
 * Times are UTC.
 *
 * @param lastOutcome the latest decision about it (a run's, or a re-check's); null for an order imported as REVIEW
 * @param decidedAt   when that decision was made; null with it
 */
public record OpenOrder(long id, String outTradeNo, String tradeNo, String openId, long amount, String currency,
                        String status, LocalDateTime createdAt, String lastOutcome, String lastDetail,
                        LocalDateTime decidedAt) {

    /** Whole days since the order was created. */
    public long ageDays(LocalDateTime now) {
        return Math.max(0, Duration.between(createdAt, now).toDays());
    }
}
