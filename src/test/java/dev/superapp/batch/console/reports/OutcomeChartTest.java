package dev.superapp.batch.console.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.superapp.batch.reconciliation.Outcome;
import dev.superapp.batch.reconciliation.OutcomeKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeChartTest {

    @Test
    void drawsOneDatedLinkedBarPerRunOldestOnTheLeftWithinThePlot() {
        RunSummary newest = run(3, Map.of(Outcome.MATCHED, 1L, Outcome.AMOUNT_MISMATCH, 1L, Outcome.CURRENCY_MISMATCH, 1L,
                Outcome.PAYMENT_FAILED, 1L, Outcome.MISSING_ON_PLATFORM, 1L, Outcome.NO_TRADE_NO, 1L));
        RunSummary empty = run(2, Map.of());
        RunSummary oldest = run(1, Map.of(Outcome.MATCHED, 20_000L, Outcome.ERROR, 1L));

        StackedBarChart chart = OutcomeChart.of(List.of(newest, empty, oldest), Map.of(1L, 5L, 3L, 2L));

        assertThat(chart.bars()).extracting(StackedBarChart.Bar::label)
                .containsExactly("Run 1 of 2026-11-25: MATCHED 20000, ERROR 1; 5 orders still open after the run.",
                        "Run 2 of 2026-11-25: no orders.",
                        "Run 3 of 2026-11-25: MATCHED 1, AMOUNT_MISMATCH 1, CURRENCY_MISMATCH 1, PAYMENT_FAILED 1, "
                                + "MISSING_ON_PLATFORM 1, NO_TRADE_NO 1; 2 orders still open after the run.");
        assertThat(chart.bars()).extracting(StackedBarChart.Bar::href).containsExactly("/reports/reconciliation/1",
                "/reports/reconciliation/2", "/reports/reconciliation/3");
        assertThat(chart.bars()).extracting(StackedBarChart.Bar::date).containsOnly("2026-11-25");
        assertThat(chart.width()).isGreaterThanOrEqualTo(600);
        assertThat(chart.bars().get(1).segments()).isEmpty();
        for (StackedBarChart.Bar bar : chart.bars()) {
            assertThat(bar.x() + chart.barWidth()).isLessThanOrEqualTo(chart.width());
            assertThat(bar.segments()).allSatisfy(segment -> {
                assertThat(segment.y()).isGreaterThanOrEqualTo(0);
                assertThat(segment.height()).isPositive();
                assertThat(segment.y() + segment.height()).isLessThanOrEqualTo(chart.baseline());
            });
        }
        // The tallest run fills the plot; a single error among 20,000 orders still shows.
        List<StackedBarChart.Segment> tallest = chart.bars().get(0).segments();
        assertThat(tallest.get(0).y() + tallest.get(0).height()).isEqualTo(chart.baseline());
        assertThat(tallest.get(1)).extracting(StackedBarChart.Segment::category, StackedBarChart.Segment::height)
                .containsExactly("ERROR", 1);
        assertThat(tallest.get(1).y()).isZero();
        // Stacked by kind: what settled at the bottom, then what needs a person, then what is still open.
        assertThat(chart.legend()).extracting(StackedBarChart.Category::name)
                .containsExactly("MATCHED", "PAYMENT_FAILED", "AMOUNT_MISMATCH", "CURRENCY_MISMATCH",
                        "MISSING_ON_PLATFORM", "NO_TRADE_NO", "ERROR");
        assertThat(chart.groups()).extracting(StackedBarChart.Group::label, StackedBarChart.Group::pattern)
                .containsExactly(tuple("settled", null), tuple("needs a person", "hatch"), tuple("still open", "dots"));
        assertThat(chart.groups().get(1).members())
                .containsExactly("AMOUNT_MISMATCH", "CURRENCY_MISMATCH", "MISSING_ON_PLATFORM", "NO_TRADE_NO");
        assertThat(chart.line().dots()).extracting(ChartLine.Point::x, ChartLine.Point::value)
                .containsExactly(tuple(chart.bars().get(0).centre(), 5L), tuple(chart.bars().get(2).centre(), 2L));
        assertThat(chart.title()).isEqualTo("Orders per outcome of the last 3 runs, oldest on the left");
        assertThat(chart.description()).startsWith("3 runs, oldest first, tallest 20001 orders. Run 1 of");
    }

    @Test
    void kindsTakeOkabeItoColoursThatDifferAlsoByPattern() {
        assertThat(Arrays.stream(OutcomeKind.values()).map(OutcomeChart::colour))
                .containsExactly("#0072B2", "#D55E00", "#E69F00");
        assertThat(Arrays.stream(OutcomeKind.values()).map(OutcomeChart::pattern)).containsExactly(null, "hatch", "dots");
    }

    private static RunSummary run(long id, Map<Outcome, Long> counts) {
        Map<Outcome, Long> ordered = new EnumMap<>(Outcome.class);
        ordered.putAll(counts);
        return new RunSummary(id, id, LocalDate.of(2026, 11, 25), "COMPLETED", null, 1, ordered);
    }
}
