package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.system.UserInputException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The form's time zone and end time: the end is typed as a local date and time in the zone chosen beside it (the
 * console's by default), and becomes the definition's {@code notAfter} with its offset.
 *
 * @param timeZone the zone id typed, null when left empty (the parser checks it)
 * @param notAfter null when left empty
 */
record CampaignTimes(String timeZone, OffsetDateTime notAfter) {

    /** @throws UserInputException when the end time is not a date and time */
    static CampaignTimes typed(String timeZone, String notAfter, ZoneId consoleZone) {
        String zone = timeZone.strip();
        String end = notAfter.strip();
        if (end.isEmpty()) {
            return new CampaignTimes(zone.isEmpty() ? null : zone, null);
        }
        ZoneId endZone = consoleZone;
        try {
            endZone = zone.isEmpty() ? consoleZone : ZoneId.of(zone);
        } catch (DateTimeException unknownZone) {
            // the parser names the zone; the end is read in the console's meanwhile
        }
        try {
            return new CampaignTimes(zone.isEmpty() ? null : zone, LocalDateTime.parse(end).atZone(endZone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            throw new UserInputException("notAfter: '" + end + "' is not a date and time");
        }
    }
}
