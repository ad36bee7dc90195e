package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.TradeDetail;

/**
 * The decision about one order: how it compared, what the platform last said (null when it said
 * nothing usable), why, and the raw answers that decided it.
 */
public record ReconciliationResult(PendingOrder order, Outcome outcome, TradeDetail platform, String detail,
                                   String evidence) {
}
