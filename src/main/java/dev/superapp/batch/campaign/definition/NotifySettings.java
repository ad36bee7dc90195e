package dev.superapp.batch.campaign.definition;

import java.util.Set;

/**
 * The {@code notify:} section: a notification, the fields of {@code sendNotify} (seed 001) other than the
 * openIds. {@code url} is required when {@code navigateType} is 2 (open a URL); {@code link} is optional.
 *
 * @param notifyType   the message type; 1 is plain text
 * @param navigateType "1" opens the mini app, "2" opens {@code url}
 * @param url          null when absent
 * @param link         the mini-app page to open, null when absent
 */
public record NotifySettings(int notifyType, String title, String text, String navigateType, String url,
                             String link, String language) implements MessageSettings {

    private static final Set<String> FIELDS = Set.of("notifyType", "title", "text", "navigateType", "url", "link",
            "language");

    static NotifySettings read(YamlSection section) {
        section.rejectUnknown(FIELDS);
        int notifyType = (int) section.whole("notifyType", type -> type == SeedFormats.PLAIN_TEXT,
                "must be 1 (plain text), the only message type sendNotify has");
        String navigateType = section.text("navigateType");
        if (navigateType != null && !navigateType.isBlank() && !navigateType.equals("1") && !navigateType.equals("2")) {
            section.problem("navigateType", "must be 1 (mini app) or 2 (url), not '" + navigateType + "'");
        }
        String url = section.optionalText("url", SeedFormats.HTTPS_URL);
        if ("2".equals(navigateType) && (url == null ? section.get("url") == null : url.isBlank())) {
            section.problem("url", "missing; sendNotify requires it when navigateType is 2");
        }
        return new NotifySettings(notifyType, section.text("title"), section.text("text"), navigateType, url,
                section.optionalText("link"), section.text("language", SeedFormats.LANGUAGE));
    }
}
