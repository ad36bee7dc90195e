package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.console.campaigns.FormField.Choice;
import dev.superapp.batch.console.campaigns.FormField.Kind;
import java.util.List;

/**
 * The fields of each channel's section, in the order a person fills them in (DESIGN.md "Campaign definition"),
 * with the meanings seed 001 gives each choice.
 */
final class ChannelForms {

    private static final Choice[] LANGUAGES = {new Choice("en_US", "English"), new Choice("zh_CN", "Chinese"),
            new Choice("ar_SA", "Arabic")};

    private ChannelForms() {
    }

    static List<FormField> fields(Channel channel) {
        return switch (channel) {
            case ACTIVITY -> List.of(
                    FormField.text("activityId", "Activity id", true,
                            "1 to 64 of A-Z a-z 0-9 _ -; unique per activity, the platform de-duplicates on it"),
                    FormField.text("templateId", "Template id", true, "the card template agreed with the platform, e.g. 1"),
                    FormField.text("title", "Title", true, ""),
                    FormField.of("text", "Text", Kind.LONG_TEXT, true, ""),
                    FormField.text("iconUrl", "Icon", true, "an https:// address of the image"),
                    FormField.text("color", "Colour", true, "6 hex digits, e.g. FFFFFF"),
                    FormField.text("path", "Page opened on a tap", false, "e.g. pages/index/index"),
                    FormField.of("validityTime", "Shown for (seconds)", Kind.NUMBER, true, "more than 0, e.g. 86400 for a day"),
                    FormField.choice("status", "Card", Kind.NUMBER_CHOICE, "",
                            new Choice("1", "Show the card"), new Choice("0", "Remove the card")),
                    FormField.choice("language", "Language", Kind.CHOICE, "", LANGUAGES));
            case NOTIFY -> List.of(
                    FormField.choice("notifyType", "Message type", Kind.NUMBER_CHOICE, "",
                            new Choice("1", "Plain text")),
                    FormField.text("title", "Title", true, ""),
                    FormField.of("text", "Text", Kind.LONG_TEXT, true, ""),
                    FormField.choice("navigateType", "On a tap", Kind.CHOICE, "",
                            new Choice("1", "Open the mini app"), new Choice("2", "Open the web address")),
                    FormField.text("url", "Web address", false, "an https:// address; needed when a tap opens it"),
                    FormField.text("link", "Mini app page", false, "e.g. pages/index/index"),
                    FormField.choice("language", "Language", Kind.CHOICE, "", LANGUAGES));
            case CARDFORM -> List.of(
                    FormField.rows("text", "Card material", Kind.MAPPING_ROWS, true,
                            "one row a field of the card, e.g. imageUrl and clickUrl", "imageUrl", "clickUrl"),
                    FormField.text("keyword", "Keyword", false, ""),
                    FormField.rows("labels", "Labels", Kind.LABEL_ROWS, false, "who sees the card, e.g. country 406"));
        };
    }
}
