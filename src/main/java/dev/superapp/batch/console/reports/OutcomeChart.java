package dev.superapp.batch.console.reports;

import dev.superapp.batch.console.reports.StackedBarChart.Category;
import dev.superapp.batch.console.reports.StackedBarChart.Column;
import dev.superapp.batch.reconciliation.Outcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reconciliation outcomes chart: one bar per run, stacked in outcome-table order, one colour per outcome. */
final class OutcomeChart {

    private static final List<Category> OUTCOMES = Arrays.stream(Outcome.values())
            .map(outcome -> new Category(outcome.name(), colour(outcome))).toList();

    private OutcomeChart() {
    }

    /** @param newestFirst the runs as listed, newest first */
    static StackedBarChart of(List<RunSummary> newestFirst) {
        List<Column> columns = newestFirst.stream()
                .map(run -> new Column(label(run), byName(run.counts()))).toList();
        return StackedBarChart.of("Orders per outcome of the last " + columns.size() + " runs, oldest on the left",
                "orders", "outcome", "runs", OUTCOMES, columns);
    }

    private static Map<String, Long> byName(Map<Outcome, Long> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> byName.put(outcome.name(), count));
        return byName;
    }

    private static String label(RunSummary run) {
        return "Run " + run.executionId() + " of " + run.businessDate() + ": "
                + (run.counts().isEmpty() ? "no orders" : run.outcomes(", ")) + ".";
    }

    /** Green for paid, warm colours for what finance must review, reds for failures, greys for not yet decided. */
    static String colour(Outcome outcome) {
        return switch (outcome) {
            case MATCHED -> "#1b7f3b";
            case AMOUNT_MISMATCH -> "#e8710a";
            case CURRENCY_MISMATCH -> "#f9ab00";
            case OPENID_MISMATCH -> "#a0522d";
            case PAYMENT_FAILED -> "#b3261e";
            case EXPIRED -> "#8e24aa";
            case CANCELED -> "#5e35b1";
            case CLOSED -> "#3949ab";
            case CLOSED_STALE -> "#0b5cad";
            case STILL_PROCESSING -> "#9aa0a6";
            case MISSING_ON_PLATFORM -> "#d01884";
            case NO_TRADE_NO -> "#6d4c41";
            case ERROR -> "#202124";
        };
    }
}
