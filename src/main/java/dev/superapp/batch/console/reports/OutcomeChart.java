package dev.superapp.batch.console.reports;

import dev.superapp.batch.console.reports.StackedBarChart.Category;
import dev.superapp.batch.console.reports.StackedBarChart.Column;
import dev.superapp.batch.reconciliation.Outcome;
import dev.superapp.batch.reconciliation.OutcomeKind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation outcomes chart: one bar per run under its business date, a click opening that run, and a line of
 * the orders still open after each run. Outcomes stack by kind — settled at the bottom, then what needs a person,
 * then what is still open — and take their kind's colour from the Okabe–Ito palette (blue, vermillion, orange),
 * which readers with any common colour-vision deficiency tell apart; the two warm kinds also differ by pattern
 * (hatched, dotted), so the chart reads in greyscale too.
 */
final class OutcomeChart {

    static final String LINE_LABEL = "orders still open after the run";
    private static final List<Category> OUTCOMES = Arrays.stream(Outcome.values())
            .sorted(Comparator.comparing(Outcome::kind))
            .map(outcome -> new Category(outcome.name(), colour(outcome.kind()), pattern(outcome.kind()),
                    outcome.kind().label()))
            .toList();

    private OutcomeChart() {
    }

    /**
     * @param newestFirst the runs as listed, newest first
     * @param openOrders  orders still open after each run, by execution id; runs without a count have no point
     */
    static StackedBarChart of(List<RunSummary> newestFirst, Map<Long, Long> openOrders) {
        List<Column> columns = newestFirst.stream()
                .map(run -> new Column(label(run, openOrders.get(run.executionId())), byName(run.counts()),
                        run.businessDate().toString(), "/reports/reconciliation/" + run.executionId(),
                        openOrders.get(run.executionId())))
                .toList();
        return StackedBarChart.of("Orders per outcome of the last " + columns.size() + " runs, oldest on the left",
                "orders", "outcome", "runs", OUTCOMES, columns, LINE_LABEL);
    }

    private static Map<String, Long> byName(Map<Outcome, Long> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> byName.put(outcome.name(), count));
        return byName;
    }

    private static String label(RunSummary run, Long open) {
        return "Run " + run.executionId() + " of " + run.businessDate() + ": "
                + (run.counts().isEmpty() ? "no orders" : run.outcomes(", "))
                + (open == null ? "" : "; " + open + " " + LINE_LABEL) + ".";
    }

    static String colour(OutcomeKind kind) {
        return switch (kind) {
            case SETTLED -> "#0072B2";
            case NEEDS_PERSON -> "#D55E00";
            case STILL_OPEN -> "#E69F00";
        };
    }

    static String pattern(OutcomeKind kind) {
        return switch (kind) {
            case SETTLED -> null;
            case NEEDS_PERSON -> "hatch";
            case STILL_OPEN -> "dots";
        };
    }
}
