package dev.superapp.batch.console.reports;

import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.console.reports.StackedBarChart.Category;
import dev.superapp.batch.console.reports.StackedBarChart.Column;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The campaign delivery chart: one bar per campaign, dated by its registration and opening its page when clicked,
 * one colour per recipient state. Bars stack delivered
 * recipients at the bottom, then the failures, then the lines never sent and those still pending, so the
 * green parts of neighbouring bars compare at a glance.
 */
final class DeliveryChart {

    /** Stacking order, bottom first. */
    static final List<RecipientState> ORDER = List.of(RecipientState.SENT, RecipientState.REJECTED,
            RecipientState.FAILED, RecipientState.UNKNOWN, RecipientState.EXPIRED, RecipientState.INVALID,
            RecipientState.DUPLICATE, RecipientState.CANCELED, RecipientState.SUPPRESSED, RecipientState.CAPPED,
            RecipientState.EXCLUDED,
            RecipientState.PENDING);

    private static final List<Category> STATES = ORDER.stream()
            .map(state -> new Category(state.name(), colour(state))).toList();
    private static final DateTimeFormatter REGISTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DeliveryChart() {
    }

    /** @param newestFirst the campaigns as listed, newest first */
    static StackedBarChart of(List<CampaignSummary> newestFirst) {
        List<Column> columns = newestFirst.stream()
                .map(campaign -> new Column(label(campaign), byName(campaign.counts()),
                        campaign.createdAt().toLocalDate().toString(), "/reports/campaigns/" + campaign.campaignId(), null))
                .toList();
        return StackedBarChart.of("Recipients per state of the last " + columns.size()
                + " campaigns, oldest on the left", "recipients", "state", "campaigns", STATES, columns);
    }

    private static Map<String, Long> byName(Map<RecipientState, Long> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((state, count) -> byName.put(state.name(), count));
        return byName;
    }

    /** Counts in stacking order, like the bar they name. */
    private static String label(CampaignSummary campaign) {
        String counts = ORDER.stream().filter(campaign.counts()::containsKey)
                .map(state -> state + " " + campaign.counts().get(state)).collect(Collectors.joining(", "));
        return "Campaign " + campaign.campaignId() + " of " + REGISTERED.format(campaign.createdAt()) + ": "
                + (counts.isEmpty() ? "no recipients" : counts) + ".";
    }

    /**
     * Green for delivered, red and oranges for failed deliveries, greys for lines never sent, blue for not yet
     * sent; a muted purple for lines a cancel left unsent. Each is at least 3:1 against the white page except the light grey, which duplicates stand for.
     */
    static String colour(RecipientState state) {
        return switch (state) {
            case SENT -> "#1b7f3b";
            case REJECTED -> "#b3261e";
            case FAILED -> "#e8710a";
            case UNKNOWN -> "#a0522d";
            case EXPIRED -> "#8d6e00";
            case INVALID -> "#5f6368";
            case DUPLICATE -> "#9aa0a6";
            case CANCELED -> "#6f5b8b";
            case SUPPRESSED -> "#3c4043";
            case CAPPED -> "#7b5ea7";
            case EXCLUDED -> "#00796b";
            case PENDING -> "#0b5cad";
        };
    }
}
