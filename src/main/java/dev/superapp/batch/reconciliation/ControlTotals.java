package dev.superapp.batch.reconciliation;

import java.util.List;
import java.util.Map;

/**
 * A run's control totals (issue 16.4): per currency, the orders and local amounts (minor units) that settled, that
 * need a person, and that are still open, beside those of the previous business date's run. Written into the
 * manifest and shown on the run's page.
 *
 * @param previous the latest run of the latest earlier business date; null when there is none
 */
public record ControlTotals(String businessDate, List<CurrencyControl> currencies, ControlTotals previous) {

    /** One currency's three kinds; amounts in its minor units. */
    public record CurrencyControl(String currency, long settledOrders, long settledAmount, long needsPersonOrders,
                                  long needsPersonAmount, long openOrders, long openAmount) {
    }

    static ControlTotals of(String businessDate, ReconciliationSummary summary, ControlTotals previous) {
        List<CurrencyControl> currencies = summary.byCurrencyAndKind().entrySet().stream()
                .map(entry -> control(entry.getKey(), entry.getValue())).toList();
        return new ControlTotals(businessDate, currencies, previous);
    }

    /** The previous run's totals in {@code currency}; null when it had none or there is no previous run. */
    public CurrencyControl previousOf(String currency) {
        return previous == null ? null : previous.currencies.stream()
                .filter(control -> control.currency().equals(currency)).findFirst().orElse(null);
    }

    private static CurrencyControl control(String currency, Map<OutcomeKind, long[]> kinds) {
        long[] settled = kinds.getOrDefault(OutcomeKind.SETTLED, new long[2]);
        long[] person = kinds.getOrDefault(OutcomeKind.NEEDS_PERSON, new long[2]);
        long[] open = kinds.getOrDefault(OutcomeKind.STILL_OPEN, new long[2]);
        return new CurrencyControl(currency, settled[0], settled[1], person[0], person[1], open[0], open[1]);
    }
}
