package dev.superapp.batch.reconciliation;

import java.time.Instant;

/**
 * A PENDING payment order as the reconciliation job reads it.
 *
 * @param tradeNo may be null: the trade was never created on the platform
 */
public record PendingOrder(long id, String outTradeNo, String tradeNo, String openId, long amount,
                           String currency, Instant createdAt) {
}
