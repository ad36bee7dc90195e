package dev.superapp.batch.console.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The geometry of a report's stacked bar chart: one bar per run (or campaign), oldest on the left, one colour
 * per category, at least {@value #MIN_WIDTH} px wide, each bar dated under the axis and, when it has an address,
 * a link to its page. An optional line (the open orders after each run) is drawn over the bars on the same scale.
 * The page draws it as inline SVG from these numbers (the {@code reports/chart} fragment), so the chart needs no
 * script and prints as it shows. What a bar stands for is up to the caller, see {@link OutcomeChart} and
 * {@link DeliveryChart}.
 *
 * @param title       the chart's accessible name
 * @param unit        what the counts count, plural ({@code orders}), for the text around the chart
 * @param category    what a segment is ({@code outcome}), which names its data attribute in the SVG
 * @param maxCount    the largest value drawn (a bar's total or a line's point), which fills the plot
 * @param bars        one per column, even a column without counts (an empty bar), so bars and columns line up
 * @param legend      the categories that occur in the chart, in the order they are stacked
 * @param groups      the legend by group (settled, needs a person, ...); empty when categories are not grouped
 * @param line        the line over the bars; null when the chart has none
 * @param description every bar's label, for readers who cannot see the chart
 */
record StackedBarChart(String title, String unit, String category, int width, int height, int barWidth, long maxCount,
                       List<Bar> bars, List<Category> legend, List<Group> groups, ChartLine line, String description) {

    static final int MIN_WIDTH = 600;
    private static final int PLOT_HEIGHT = 160;
    /** Room under the plot for the dates, written at an angle so thirty fit side by side. */
    private static final int AXIS_HEIGHT = 64;
    private static final int SLOT = 20;
    private static final int MAX_BAR_WIDTH = 40;
    private static final int MARGIN = 4;

    /**
     * What to draw for one bar, before geometry.
     *
     * @param label  its accessible name and tooltip (the run, its date and counts)
     * @param counts per category name; only categories that occurred
     * @param date   its label on the axis; null for none
     * @param href   the page a click on the bar opens; null for none
     * @param line   its point on the chart's line; null when the line has no value here
     */
    record Column(String label, Map<String, Long> counts, String date, String href, Long line) {

        Column(String label, Map<String, Long> counts) {
            this(label, counts, null, null, null);
        }
    }

    /**
     * A category in stacking order with its colour; also a legend entry.
     *
     * @param pattern {@code hatch}, {@code dots} or null: drawn over the colour, so kinds differ without colour
     * @param group   the legend group it is listed under; null when the chart's categories are not grouped
     */
    record Category(String name, String colour, String pattern, String group) {

        Category(String name, String colour) {
            this(name, colour, null, null);
        }
    }

    /** A legend entry for a group of categories that share its colour and pattern. */
    record Group(String label, String colour, String pattern, List<String> members) {
    }

    /** A drawn bar: {@code label} is its accessible name, {@code centre} where its date and line point stand. */
    record Bar(int x, int centre, String label, String date, String href, List<Segment> segments) {
    }

    /** One category's part of a bar, from {@code y} (top) down {@code height} pixels. */
    record Segment(int y, int height, String colour, String pattern, String category, long count) {
    }

    /**
     * @param things      what a bar is, plural ({@code runs}), for the description
     * @param categories  every category, in the order bars stack them from the bottom
     * @param newestFirst one column per bar, as the page lists them; the chart puts the oldest on the left
     * @param lineLabel   what the line shows ({@code open orders after the run}); null for no line
     */
    static StackedBarChart of(String title, String unit, String category, String things, List<Category> categories,
                              List<Column> newestFirst, String lineLabel) {
        List<Column> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        long max = Math.max(1, oldestFirst.stream()
                .mapToLong(column -> Math.max(total(column), column.line() == null ? 0 : column.line())).max().orElse(1));
        int slot = Math.max(SLOT, (MIN_WIDTH - 2 * MARGIN) / Math.max(1, oldestFirst.size()));
        int barWidth = Math.min(MAX_BAR_WIDTH, slot * 7 / 10);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Column column = oldestFirst.get(i);
            int left = MARGIN + i * slot;
            bars.add(new Bar(left + (slot - barWidth) / 2, left + slot / 2, column.label(), column.date(), column.href(),
                    BarSegments.of(categories, column.counts(), max, PLOT_HEIGHT)));
        }
        List<Category> legend = categories.stream()
                .filter(c -> oldestFirst.stream().anyMatch(column -> column.counts().containsKey(c.name()))).toList();
        String description = bars.isEmpty() ? "No " + things + " yet." : bars.size() + " " + things
                + ", oldest first, tallest " + max + " " + unit + ". "
                + bars.stream().map(Bar::label).collect(Collectors.joining(" "));
        ChartLine line = lineLabel == null ? null : ChartLine.of(lineLabel, bars, oldestFirst, max, PLOT_HEIGHT);
        return new StackedBarChart(title, unit, category, Math.max(MIN_WIDTH, 2 * MARGIN + bars.size() * slot),
                PLOT_HEIGHT + AXIS_HEIGHT, barWidth, max, bars, legend, groups(legend), line, description);
    }

    static StackedBarChart of(String title, String unit, String category, String things, List<Category> categories,
                              List<Column> newestFirst) {
        return of(title, unit, category, things, categories, newestFirst, null);
    }

    /** Where the bars stand: the page draws the axis there. */
    public int baseline() {
        return PLOT_HEIGHT;
    }

    private static long total(Column column) {
        return column.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Group> groups(List<Category> legend) {
        Map<String, List<Category>> byGroup = legend.stream().filter(c -> c.group() != null)
                .collect(Collectors.groupingBy(Category::group, LinkedHashMap::new, Collectors.toList()));
        return byGroup.entrySet().stream().map(group -> new Group(group.getKey(), group.getValue().get(0).colour(),
                group.getValue().get(0).pattern(), group.getValue().stream().map(Category::name).toList())).toList();
    }
}
