package dev.superapp.batch.console.reports;

import dev.superapp.batch.console.reports.StackedBarChart.Category;
import dev.superapp.batch.console.reports.StackedBarChart.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How one bar of a {@link StackedBarChart} is cut into its categories' segments. */
final class BarSegments {

    private BarSegments() {
    }

    /**
     * Stacked from the bottom in category order. Heights are rounded from running totals, so they add up
     * to the bar's true height; a count too small for a pixel still gets one, taken from the tallest segment.
     */
    static List<Segment> of(List<Category> categories, Map<String, Long> byName, long max, int plotHeight) {
        List<Category> occurring = categories.stream().filter(c -> byName.containsKey(c.name())).toList();
        long[] counts = occurring.stream().mapToLong(c -> byName.get(c.name())).toArray();
        int[] heights = new int[counts.length];
        long below = 0;
        int reached = 0;
        for (int i = 0; i < heights.length; i++) {
            below += counts[i];
            int top = (int) Math.round((double) below * plotHeight / max);
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
        int bottom = plotHeight;
        for (int i = 0; i < heights.length; i++) {
            bottom -= heights[i];
            Category category = occurring.get(i);
            segments.add(new Segment(bottom, heights[i], category.colour(), category.pattern(), category.name(),
                    counts[i]));
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
