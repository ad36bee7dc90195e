package dev.superapp.batch.campaign.definition;

import java.util.Set;

/**
 * The {@code activity:} section: a home-page activity card, the fields of {@code sendActivity} (seed 001)
 * other than the openIds. All are required except {@code path}.
 *
 * @param activityId   chosen by us and unique per activity; the platform de-duplicates on it
 * @param path         the page opened on a click ({@code pages/index/index}), null when absent
 * @param validityTime how long the card shows, in seconds, more than 0
 * @param status       1 shows the card, 0 removes it
 */
public record ActivitySettings(String activityId, String templateId, String color, String title, String text,
                               String iconUrl, String path, long validityTime, int status, String language)
        implements MessageSettings {

    private static final Set<String> FIELDS = Set.of("activityId", "templateId", "color", "title", "text",
            "iconUrl", "path", "validityTime", "status", "language");

    static ActivitySettings read(YamlSection section) {
        section.rejectUnknown(FIELDS);
        return new ActivitySettings(section.text("activityId", SeedFormats.ID), section.text("templateId", SeedFormats.ID),
                section.text("color", SeedFormats.COLOUR), section.text("title"), section.text("text"),
                section.text("iconUrl", SeedFormats.HTTPS_URL), section.optionalText("path"),
                section.whole("validityTime", seconds -> seconds > 0, "must be a number of seconds more than 0"),
                (int) section.whole("status", status -> status == 0 || status == 1, "must be 1 (show) or 0 (remove)"),
                section.text("language", SeedFormats.LANGUAGE));
    }
}
