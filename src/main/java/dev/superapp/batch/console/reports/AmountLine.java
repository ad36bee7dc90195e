package dev.superapp.batch.console.reports;

import dev.superapp.batch.reconciliation.Outcome;

/**
 * Sums of one outcome in one currency, in minor units. Local and platform amounts are summed by their own
 * currency, since they differ exactly where it matters (a currency mismatch).
 *
 * @param localAmount    null when no order of this outcome is in this currency locally
 * @param platformAmount null when the platform gave no amount in this currency
 */
record AmountLine(Outcome outcome, String currency, Long localAmount, Long platformAmount) {
}
