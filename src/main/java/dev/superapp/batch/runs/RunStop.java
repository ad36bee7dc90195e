package dev.superapp.batch.runs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Who stopped a campaign's run and when, from the campaign's recorded moves: what a paused or cancelled run says
 * instead of the {@code JobInterruptedException} Spring Batch records.
 *
 * @param what "paused", "paused itself" (its canary or its error rate) or "cancelled"
 * @param by   the console user who asked; null when the system did
 * @param at   in the JVM's zone, as Spring Batch records its times (and the Runs pages show them)
 */
public record RunStop(String what, String by, LocalDateTime at) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Paused, by a person or by itself: resuming sends the rest. */
    public boolean paused() {
        return what.startsWith("paused");
    }

    /** "paused by mark at 2026-12-03 06:10:02". */
    public String text() {
        return what + (by == null ? "" : " by " + by) + " at " + AT.format(at);
    }
}
