package dev.superapp.batch.console.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryChartTest {

    @Test
    void stacksSentAtTheBottomOfEachCampaignsBarOldestOnTheLeft() {
        CampaignSummary newest = campaign("autumn", Map.of(RecipientState.PENDING, 2L, RecipientState.SENT, 8L,
                RecipientState.INVALID, 1L));
        CampaignSummary oldest = campaign("spring", Map.of(RecipientState.INVALID, 3L, RecipientState.DUPLICATE, 2L,
                RecipientState.SENT, 60L, RecipientState.FAILED, 1L));

        StackedBarChart chart = DeliveryChart.of(List.of(newest, oldest));

        assertThat(chart.bars()).extracting(StackedBarChart.Bar::label).containsExactly(
                "Campaign spring of 2026-11-25 09:30: SENT 60, FAILED 1, INVALID 3, DUPLICATE 2.",
                "Campaign autumn of 2026-11-25 09:30: SENT 8, INVALID 1, PENDING 2.");
        assertThat(chart.bars()).extracting(StackedBarChart.Bar::href, StackedBarChart.Bar::date).containsExactly(
                tuple("/reports/campaigns/spring", "2026-11-25"), tuple("/reports/campaigns/autumn", "2026-11-25"));
        assertThat(chart.line()).isNull();
        List<StackedBarChart.Segment> spring = chart.bars().get(0).segments();
        assertThat(spring).extracting(StackedBarChart.Segment::category, StackedBarChart.Segment::count)
                .containsExactly(tuple("SENT", 60L),
                        tuple("FAILED", 1L),
                        tuple("INVALID", 3L),
                        tuple("DUPLICATE", 2L));
        assertThat(spring.get(0).y() + spring.get(0).height()).isEqualTo(chart.baseline());
        assertThat(chart.legend()).extracting(StackedBarChart.Category::name)
                .containsExactly("SENT", "FAILED", "INVALID", "DUPLICATE", "PENDING");
        assertThat(chart.title()).isEqualTo("Recipients per state of the last 2 campaigns, oldest on the left");
    }

    @Test
    void everyStateHasItsOwnColourAndAPlaceInTheStack() {
        assertThat(DeliveryChart.ORDER).containsExactlyInAnyOrder(RecipientState.values());
        assertThat(Arrays.stream(RecipientState.values()).map(DeliveryChart::colour).distinct())
                .hasSize(RecipientState.values().length);
    }

    private static CampaignSummary campaign(String id, Map<RecipientState, Long> counts) {
        Map<RecipientState, Long> ordered = new EnumMap<>(RecipientState.class);
        ordered.putAll(counts);
        return new CampaignSummary(id, "ACTIVITY", CampaignStatus.FINISHED, LocalDateTime.of(2026, 11, 25, 9, 30), ordered);
    }
}
