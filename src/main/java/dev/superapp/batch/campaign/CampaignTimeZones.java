package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The zone a campaign's times are entered and shown in: its definition's {@code timeZone}, else the console's
 * ({@code console.time-zone}, by default the system zone). Send-at times and schedules are read in it, so nobody
 * converts to UTC by hand.
 */
@Component
public class CampaignTimeZones {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz (xxx)", Locale.ENGLISH);

    private final ZoneId consoleZone;

    public CampaignTimeZones(@Value("${console.time-zone:}") String consoleZone) {
        this.consoleZone = consoleZone.isBlank() ? ZoneId.systemDefault() : zone(consoleZone);
    }

    public ZoneId of(CampaignDefinition definition) {
        return definition.timeZone() != null ? definition.timeZone() : consoleZone;
    }

    public ZoneId consoleZone() {
        return consoleZone;
    }

    /** {@code 2026-12-24 23:59:59 AST (+03:00)}: a time a person reads, with its zone's abbreviation and offset. */
    public static String shown(ZonedDateTime time) {
        return SHOWN.format(time);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalStateException("console.time-zone: '" + id + "' is not a time zone, such as Asia/Riyadh", e);
        }
    }
}
