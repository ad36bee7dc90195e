package dev.superapp.batch.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a {@code sendNotify} notification (seed 001), without its recipients.
 *
 * @param notifyType   1: plain text
 * @param title        the topic
 * @param text         the text content
 * @param navigateType 1: open the mini app; 2: open {@code url}
 * @param url          required when {@code navigateType} is 2
 * @param link         the mini app page to open; may be null
 * @param language     {@code zh_CN}, {@code en_US} or {@code ar_SA}
 */
public record NotifyMessage(int notifyType, String title, String text, String navigateType, String url,
                            String link, String language) {

    /** The request parameters, in the order they are sent. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("notifyType", Integer.toString(notifyType));
        parameters.put("title", title);
        parameters.put("text", text);
        parameters.put("navigateType", navigateType);
        parameters.put("url", url);
        parameters.put("link", link);
        parameters.put("language", language);
        return parameters;
    }
}
