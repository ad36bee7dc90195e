package dev.superapp.batch.console.reports;

import dev.superapp.batch.reconciliation.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The geometry of the outcomes chart: one stacked bar per run, oldest on the left, one colour per outcome.
 * The page draws it as inline SVG from these numbers, so the chart needs no script and prints as it shows.
 *
 * @param bars   one per run, even a run without results (an empty bar), so bars and runs line up
 * @param legend the outcomes that occur in the chart, in outcome-table order
 */
record OutcomeChart(int width, int height, int barWidth, long maxOrders, List<Bar> bars, List<LegendEntry> legend,
                    String description) {

    private static final int PLOT_HEIGHT = 160;
    private static final int SLOT = 20;
    private static final int BAR_WIDTH = 14;
    private static final int MARGIN = 4;

    /** A run's bar: {@code label} is its accessible name (the run, its date and counts). */
    record Bar(int x, String label, List<Segment> segments) {
    }

    /** One outcome's part of a bar, from {@code y} (top) down {@code height} pixels. */
    record Segment(int y, int height, String colour, Outcome outcome, long orders) {
    }

    record LegendEntry(Outcome outcome, String colour) {
    }

    /** @param newestFirst the runs as listed, newest first */
    static OutcomeChart of(List<RunSummary> newestFirst) {
        List<RunSummary> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        long max = Math.max(1, runs.stream().mapToLong(RunSummary::orders).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        for (int i = 0; i < runs.size(); i++) {
            RunSummary run = runs.get(i);
            seen.addAll(run.counts().keySet());
            bars.add(new Bar(MARGIN + i * SLOT, label(run), segments(run, max)));
        }
        List<LegendEntry> legend = seen.stream().map(outcome -> new LegendEntry(outcome, colour(outcome))).toList();
        String description = runs.isEmpty() ? "No runs yet." : runs.size() + " runs, oldest first, tallest "
                + max + " orders. " + bars.stream().map(Bar::label).collect(Collectors.joining(" "));
        return new OutcomeChart(2 * MARGIN + Math.max(1, runs.size()) * SLOT, PLOT_HEIGHT + MARGIN, BAR_WIDTH, max,
                bars, legend, description);
    }

    /** Where the bars stand: the page draws the axis there. */
    public int baseline() {
        return PLOT_HEIGHT;
    }

    /**
     * Stacked from the bottom in outcome-table order. Heights are rounded from running totals, so they add up
     * to the bar's true height; a count too small for a pixel still gets one, taken from the tallest segment.
     */
    private static List<Segment> segments(RunSummary run, long max) {
        List<Map.Entry<Outcome, Long>> counts = List.copyOf(run.counts().entrySet());
        int[] heights = new int[counts.size()];
        long below = 0;
        int reached = 0;
        for (int i = 0; i < heights.length; i++) {
            below += counts.get(i).getValue();
            int top = (int) Math.round((double) below * PLOT_HEIGHT / max);
            heights[i] = top - reached;
            reached = top;
        }
        for (int i = 0; i < heights.length; i++) {
            if (heights[i] == 0) {
                heights[i] = 1;
                int tallest = tallest(heights);
                if (heights[tallest] > 1) {
                    heights[tallest]--;
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        int bottom = PLOT_HEIGHT;
        for (int i = 0; i < heights.length; i++) {
            bottom -= heights[i];
            Map.Entry<Outcome, Long> count = counts.get(i);
            segments.add(new Segment(bottom, heights[i], colour(count.getKey()), count.getKey(), count.getValue()));
        }
        return segments;
    }

    private static int tallest(int[] heights) {
        int tallest = 0;
        for (int i = 1; i < heights.length; i++) {
            if (heights[i] > heights[tallest]) {
                tallest = i;
            }
        }
        return tallest;
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
