package dev.superapp.batch.campaign.sending;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * What sending a campaign will take, before it is sent: the preview's and {@code push --dry-run}'s plan.
 *
 * @param recipients the staged recipients still to be sent
 * @param requests   requests of at most {@code push.chunk-size} recipients
 * @param duration   the requests at {@code rate}, rounded up to a second
 * @param startsAt   when sending starts: the planned time, else now; in the campaign's zone
 * @param notAfter   the campaign's end time, null when it has none
 */
public record SendPlan(long recipients, long requests, SendRate rate, Duration duration, ZonedDateTime startsAt,
                       OffsetDateTime notAfter) {

    /** {@code 1h 02m 05s}, {@code 3m 00s}, {@code 12s}. */
    public String durationText() {
        long hours = duration.toHours();
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, duration.toMinutesPart(), duration.toSecondsPart());
        }
        if (duration.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%dm %02ds", duration.toMinutes(), duration.toSecondsPart());
        }
        return duration.toSeconds() + "s";
    }

    public ZonedDateTime finishesAt() {
        return startsAt.plus(duration);
    }

    /** The end time comes before the last request would leave: the rest would be reported EXPIRED. */
    public boolean cutShortByNotAfter() {
        return notAfter != null && finishesAt().toInstant().isAfter(notAfter.toInstant());
    }
}
