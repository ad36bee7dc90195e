package dev.superapp.batch.console.reports;

import dev.superapp.batch.console.reports.StackedBarChart.Bar;
import dev.superapp.batch.console.reports.StackedBarChart.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A line over a {@link StackedBarChart}'s bars, on the bars' scale: one point at the centre of each bar that has a
 * value (a run from before the value was recorded has none, and the line skips it).
 *
 * @param label  what it shows, for the legend and each point's tooltip
 * @param points the SVG {@code points} of the polyline
 */
record ChartLine(String label, String points, List<Point> dots) {

    /** One point, with its value for the tooltip. */
    record Point(int x, int y, long value) {
    }

    static ChartLine of(String label, List<Bar> bars, List<Column> oldestFirst, long max, int plotHeight) {
        List<Point> dots = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Long value = oldestFirst.get(i).line();
            if (value != null) {
                dots.add(new Point(bars.get(i).centre(), plotHeight - (int) Math.round((double) value * plotHeight / max),
                        value));
            }
        }
        return new ChartLine(label, dots.stream().map(dot -> dot.x() + "," + dot.y()).collect(Collectors.joining(" ")),
                dots);
    }
}
