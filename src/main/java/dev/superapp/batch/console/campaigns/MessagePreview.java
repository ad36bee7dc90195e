package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CardFormSettings;
import dev.superapp.batch.campaign.definition.MessageSettings;
import dev.superapp.batch.campaign.definition.NotifySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A campaign's message as its recipient will see it, for the preview's phone-like card: the page writes every value
 * as escaped text, shows an image only from an https URL (which the console's Content-Security-Policy allows, and
 * nothing else from outside), and an accent colour only as six hex digits, in an SVG {@code fill}.
 *
 * @param kind     what the phone shows: an activity card, a notification or a card form
 * @param accent   {@code #RRGGBB}, or null
 * @param imageUrl an https URL, or null (a non-https image is listed in {@code details} instead)
 * @param opens    what a tap opens, or null
 * @param details  the other fields, as label and value
 */
public record MessagePreview(String kind, String title, String text, String accent, String imageUrl, String opens,
                             List<Detail> details) {

    private static final Pattern COLOUR = Pattern.compile("[0-9A-Fa-f]{6}");

    public record Detail(String label, String value) {
    }

    static MessagePreview of(MessageSettings message) {
        if (message instanceof ActivitySettings activity) {
            return activity(activity);
        }
        if (message instanceof NotifySettings notify) {
            return notify(notify);
        }
        return cardForm((CardFormSettings) message);
    }

    private static MessagePreview activity(ActivitySettings activity) {
        List<Detail> details = new ArrayList<>();
        String image = https(activity.iconUrl(), "icon", details);
        details.add(new Detail("shows for", activity.validityTime() + " s"));
        details.add(new Detail("language", activity.language()));
        if (activity.status() == 0) {
            details.add(new Detail("status", "0: removes the card"));
        }
        String accent = activity.color() != null && COLOUR.matcher(activity.color()).matches()
                ? "#" + activity.color().toUpperCase(Locale.ROOT) : null;
        return new MessagePreview("Activity card", activity.title(), activity.text(), accent, image, activity.path(), details);
    }

    private static MessagePreview notify(NotifySettings notify) {
        String opens = "2".equals(notify.navigateType()) ? notify.url()
                : notify.link() != null ? notify.link() : "the mini app";
        return new MessagePreview("Notification", notify.title(), notify.text(), null, null, opens,
                List.of(new Detail("type", String.valueOf(notify.notifyType())), new Detail("language", notify.language())));
    }

    private static MessagePreview cardForm(CardFormSettings cardForm) {
        List<Detail> details = new ArrayList<>();
        String image = null;
        String opens = null;
        for (Map.Entry<String, Object> field : cardForm.text().entrySet()) {
            String value = String.valueOf(field.getValue());
            if (field.getKey().equals("imageUrl")) {
                image = https(value, "imageUrl", details);
            } else if (field.getKey().equals("clickUrl")) {
                opens = value;
            } else {
                details.add(new Detail(field.getKey(), value));
            }
        }
        if (cardForm.keyword() != null) {
            details.add(new Detail("keyword", cardForm.keyword()));
        }
        cardForm.labels().forEach(label -> details.add(new Detail("label " + label.labelName(), label.labelValue())));
        return new MessagePreview("Card form", null, null, null, image, opens, details);
    }

    /** The URL when it is https with a host; otherwise null, with the URL listed as a detail. */
    private static String https(String url, String label, List<Detail> details) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return uri.toASCIIString();
            }
        } catch (URISyntaxException notAUrl) {
            // listed below, as given
        }
        details.add(new Detail(label + " (not shown: only https images are)", url));
        return null;
    }
}
