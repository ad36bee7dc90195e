package dev.superapp.batch.reconciliation;

import java.time.Instant;

/**
 * One validated line of an orders file, ready to be stored in {@code payment_order}.
 *
 * @param line       where the order is in its file (or list), so that a refusal can point at it
 * @param outTradeNo the merchant's order number; the key orders are upserted by
 * @param tradeNo    the platform's trade number, or {@code null} when no trade was created
 * @param openId     the paying user's openId as the platform gave it, or {@code null}
 * @param amount     in cents
 * @param currency   three upper-case letters
 * @param createdAt  when the merchant created the order
 */
public record OrderRow(long line, String outTradeNo, String tradeNo, String openId, long amount, String currency, OrderStatus status,
                       Instant createdAt) {
}
