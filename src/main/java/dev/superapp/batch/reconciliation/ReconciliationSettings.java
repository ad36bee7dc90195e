package dev.superapp.batch.reconciliation;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/** The settings one run uses: the properties, overridden by that run's job parameters. */
record ReconciliationSettings(Duration closeAfter, int pollAttempts, Duration pollInterval) {

    /** @param jobParameters the run's parameters by name; {@code closeAfter}, {@code pollAttempts}, {@code pollInterval} */
    static ReconciliationSettings of(ReconciliationProperties properties, Map<String, Object> jobParameters) {
        Object closeAfter = jobParameters.get("closeAfter");
        Object pollAttempts = jobParameters.get("pollAttempts");
        Object pollInterval = jobParameters.get("pollInterval");
        return new ReconciliationSettings(
                closeAfter == null ? properties.closeAfter() : DurationStyle.detectAndParse(closeAfter.toString()),
                pollAttempts == null ? properties.pollAttempts() : Integer.parseInt(pollAttempts.toString()),
                pollInterval == null ? properties.pollInterval() : DurationStyle.detectAndParse(pollInterval.toString()));
    }
}
