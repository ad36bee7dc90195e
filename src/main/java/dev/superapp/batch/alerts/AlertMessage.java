package dev.superapp.batch.alerts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The alerts of one job execution, as delivered. The webhook body is this record as JSON: a chat webhook (Slack,
 * Mattermost, Teams' incoming webhooks) shows {@code text}, and a program reads the other fields.
 */
public record AlertMessage(String text, String job, String businessDate, long executionId, List<Alert> alerts) {

    public static AlertMessage of(String job, String businessDate, long executionId, List<Alert> alerts) {
        String text = job + " run " + executionId + " of " + businessDate + " raised " + alerts.size()
                + (alerts.size() == 1 ? " alert: " : " alerts: ")
                + alerts.stream().map(Alert::message).collect(Collectors.joining(" "));
        return new AlertMessage(text, job, businessDate, executionId, alerts);
    }
}
