package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.console.campaigns.FormField.Kind;
import java.util.List;

/** The fields of each channel's section, in the order a person fills them in (DESIGN.md "Campaign definition"). */
final class ChannelForms {

    private static final List<String> LANGUAGES = List.of("en_US", "zh_CN", "ar_SA");

    private ChannelForms() {
    }

    static List<FormField> fields(Channel channel) {
        return switch (channel) {
            case ACTIVITY -> List.of(
                    FormField.text("activityId", "Activity id", true, "unique per activity; the platform de-duplicates on it"),
                    FormField.text("templateId", "Template id", true, ""),
                    FormField.text("title", "Title", true, ""),
                    new FormField("text", "Text", Kind.LONG_TEXT, true, List.of(), ""),
                    FormField.text("iconUrl", "Icon URL", true, "https://…"),
                    FormField.text("color", "Colour", true, "e.g. FFFFFF"),
                    FormField.text("path", "Page opened on a click", false, "e.g. pages/index/index"),
                    new FormField("validityTime", "Shown for (seconds)", Kind.NUMBER, true, List.of(), "more than 0"),
                    new FormField("status", "Status", Kind.NUMBER_CHOICE, true, List.of("1", "0"), "1 shows the card, 0 removes it"),
                    new FormField("language", "Language", Kind.CHOICE, true, LANGUAGES, ""));
            case NOTIFY -> List.of(
                    new FormField("notifyType", "Message type", Kind.NUMBER, true, List.of(), "1 is plain text"),
                    FormField.text("title", "Title", true, ""),
                    new FormField("text", "Text", Kind.LONG_TEXT, true, List.of(), ""),
                    new FormField("navigateType", "On a tap", Kind.CHOICE, true, List.of("1", "2"),
                            "1 opens the mini app, 2 opens the URL"),
                    FormField.text("url", "URL", false, "required when a tap opens the URL"),
                    FormField.text("link", "Mini app page", false, ""),
                    new FormField("language", "Language", Kind.CHOICE, true, LANGUAGES, ""));
            case CARDFORM -> List.of(
                    new FormField("text", "Card material (YAML)", Kind.YAML_MAPPING, true, List.of(),
                            "e.g. imageUrl: https://…  and  clickUrl: …, one per line"),
                    FormField.text("keyword", "Keyword", false, ""),
                    new FormField("labels", "Labels", Kind.LABELS, false, List.of(), "one name=value per line"));
        };
    }
}
