package dev.superapp.batch.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per outcome for one run, and its amounts per outcome and currency. Amounts are only ever added up
 * within one currency: local amounts by the order's currency, platform amounts by the currency the platform
 * answered in (they differ exactly where it matters, a currency mismatch).
 *
 * @param lines         orders per outcome that occurred, in outcome-table order
 * @param currencyLines per outcome and currency, in outcome-table then currency order
 */
public record ReconciliationSummary(List<Line> lines, List<CurrencyLine> currencyLines) {

    /** Orders with this outcome. */
    public record Line(Outcome outcome, long orders) {
    }

    /**
     * One row of the summary CSV.
     *
     * @param orders         orders of this outcome whose local currency is {@code currency}
     * @param localAmount    their local amounts, in minor units
     * @param platformAmount the platform amounts of this outcome answered in {@code currency}, in minor units
     */
    public record CurrencyLine(Outcome outcome, String currency, long orders, long localAmount, long platformAmount) {
    }

    /** A currency's total over every outcome. */
    public record CurrencyTotal(String currency, long orders, long localAmount, long platformAmount) {
    }

    public long orders() {
        return lines.stream().mapToLong(Line::orders).sum();
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).mapToLong(Line::orders).sum();
    }

    /** One total per currency, in currency order; never a total across currencies. */
    public List<CurrencyTotal> totals() {
        Map<String, long[]> sums = new TreeMap<>();
        currencyLines.forEach(line -> {
            long[] sum = sums.computeIfAbsent(line.currency(), currency -> new long[3]);
            sum[0] += line.orders();
            sum[1] += line.localAmount();
            sum[2] += line.platformAmount();
        });
        return sums.entrySet().stream()
                .map(sum -> new CurrencyTotal(sum.getKey(), sum.getValue()[0], sum.getValue()[1], sum.getValue()[2]))
                .toList();
    }

    /** Orders and local amounts per currency and kind, for the control totals. */
    Map<String, Map<OutcomeKind, long[]>> byCurrencyAndKind() {
        Map<String, Map<OutcomeKind, long[]>> byCurrency = new TreeMap<>();
        currencyLines.stream().filter(line -> line.orders() > 0).forEach(line -> {
            long[] sum = byCurrency.computeIfAbsent(line.currency(), currency -> new LinkedHashMap<>())
                    .computeIfAbsent(line.outcome().kind(), kind -> new long[2]);
            sum[0] += line.orders();
            sum[1] += line.localAmount();
        });
        return byCurrency;
    }
}
