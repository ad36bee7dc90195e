package dev.superapp.batch.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a {@code sendActivity} home-page card (seed 001), without its recipients.
 *
 * @param activityId   chosen by us and unique; the platform de-duplicates by it, so a repeat is harmless
 * @param templateId   the template id
 * @param color        e.g. {@code FFFFFF}
 * @param title        the title
 * @param text         the message text
 * @param iconUrl      the icon shown on the card
 * @param path         the mini app page opened on click; may be null
 * @param status       1 display, 0 remove the card
 * @param validityTime how long the card lives, in seconds
 * @param language     {@code zh_CN}, {@code en_US} or {@code ar_SA}
 */
public record ActivityMessage(String activityId, String templateId, String color, String title, String text,
                              String iconUrl, String path, int status, long validityTime, String language) {

    /** The request parameters, in the order they are sent. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("activityId", activityId);
        parameters.put("templateId", templateId);
        parameters.put("color", color);
        parameters.put("title", title);
        parameters.put("text", text);
        parameters.put("iconUrl", iconUrl);
        parameters.put("path", path);
        parameters.put("status", Integer.toString(status));
        parameters.put("validityTime", Long.toString(validityTime));
        parameters.put("language", language);
        return parameters;
    }
}
