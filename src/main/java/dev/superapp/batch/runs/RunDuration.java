package dev.superapp.batch.runs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

/** How long an execution took, for people: {@code 0.4s}, {@code 2m05s}, {@code 1h02m}. */
public record RunDuration(LocalDateTime start, LocalDateTime end) {

    /** "-" until the execution has both started and ended (a killed process never records its end). */
    public String text() {
        if (start == null || end == null) {
            return "-";
        }
        Duration elapsed = Duration.between(start, end);
        if (elapsed.toMinutes() < 1) {
            return String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0);
        }
        if (elapsed.toHours() < 1) {
            return String.format(Locale.ROOT, "%dm%02ds", elapsed.toMinutes(), elapsed.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%dh%02dm", elapsed.toHours(), elapsed.toMinutesPart());
    }
}
