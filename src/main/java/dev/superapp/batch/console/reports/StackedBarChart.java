package dev.superapp.batch.console.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The geometry of a report's stacked bar chart: one bar per run (or campaign), oldest on the left, one colour
 * per category. The page draws it as inline SVG from these numbers (the {@code reports/chart} fragment), so the
 * chart needs no script and prints as it shows. What a bar stands for is up to the caller, see
 * {@link OutcomeChart} and {@link DeliveryChart}.
 *
 * @param title       the chart's accessible name
 * @param unit        what the counts count, plural ({@code orders}), for the text around the chart
 * @param category    what a segment is ({@code outcome}), which names its data attribute in the SVG
 * @param maxCount    the tallest bar's total, which fills the plot
 * @param bars        one per column, even a column without counts (an empty bar), so bars and columns line up
 * @param legend      the categories that occur in the chart, in the order they are stacked
 * @param description every bar's label, for readers who cannot see the chart
 */
record StackedBarChart(String title, String unit, String category, int width, int height, int barWidth, long maxCount,
                       List<Bar> bars, List<Category> legend, String description) {

    private static final int PLOT_HEIGHT = 160;
    private static final int SLOT = 20;
    private static final int BAR_WIDTH = 14;
    private static final int MARGIN = 4;

    /**
     * What to draw for one bar, before geometry.
     *
     * @param label  its accessible name and tooltip (the run, its date and counts)
     * @param counts per category name; only categories that occurred
     */
    record Column(String label, Map<String, Long> counts) {
    }

    /** A category in stacking order with its colour; also a legend entry. */
    record Category(String name, String colour) {
    }

    /** A drawn bar: {@code label} is its accessible name. */
    record Bar(int x, String label, List<Segment> segments) {
    }

    /** One category's part of a bar, from {@code y} (top) down {@code height} pixels. */
    record Segment(int y, int height, String colour, String category, long count) {
    }

    /**
     * @param things      what a bar is, plural ({@code runs}), for the description
     * @param categories  every category, in the order bars stack them from the bottom
     * @param newestFirst one column per bar, as the page lists them; the chart puts the oldest on the left
     */
    static StackedBarChart of(String title, String unit, String category, String things, List<Category> categories,
                              List<Column> newestFirst) {
        List<Column> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        long max = Math.max(1, oldestFirst.stream().mapToLong(StackedBarChart::total).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Column column = oldestFirst.get(i);
            bars.add(new Bar(MARGIN + i * SLOT, column.label(), segments(categories, column.counts(), max)));
        }
        List<Category> legend = categories.stream()
                .filter(c -> oldestFirst.stream().anyMatch(column -> column.counts().containsKey(c.name()))).toList();
        String description = bars.isEmpty() ? "No " + things + " yet." : bars.size() + " " + things
                + ", oldest first, tallest " + max + " " + unit + ". "
                + bars.stream().map(Bar::label).collect(Collectors.joining(" "));
        return new StackedBarChart(title, unit, category, 2 * MARGIN + Math.max(1, bars.size()) * SLOT,
                PLOT_HEIGHT + MARGIN, BAR_WIDTH, max, bars, legend, description);
    }

    /** Where the bars stand: the page draws the axis there. */
    public int baseline() {
        return PLOT_HEIGHT;
    }

    private static long total(Column column) {
        return column.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Stacked from the bottom in category order. Heights are rounded from running totals, so they add up
     * to the bar's true height; a count too small for a pixel still gets one, taken from the tallest segment.
     */
    private static List<Segment> segments(List<Category> categories, Map<String, Long> byName, long max) {
        List<Category> occurring = categories.stream().filter(c -> byName.containsKey(c.name())).toList();
        long[] counts = occurring.stream().mapToLong(c -> byName.get(c.name())).toArray();
        int[] heights = new int[counts.length];
        long below = 0;
        int reached = 0;
        for (int i = 0; i < heights.length; i++) {
            below += counts[i];
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
            Category category = occurring.get(i);
            segments.add(new Segment(bottom, heights[i], category.colour(), category.name(), counts[i]));
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
}
