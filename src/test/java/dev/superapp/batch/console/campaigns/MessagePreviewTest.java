package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CardFormSettings;
import dev.superapp.batch.campaign.definition.NotifySettings;
import dev.superapp.batch.platform.cardform.CardFormLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the preview's phone card is made of: images only from https, a colour only as six hex digits. */
class MessagePreviewTest {

    @Test
    void anActivityCardShowsItsHttpsIconAndColour() {
        MessagePreview preview = MessagePreview.of(new ActivitySettings("a1", "1", "ffaa00", "Sale", "Half price",
                "https://cdn.example/i.png", "pages/index/index", 86400, 1, "en_US"));

        assertThat(preview.imageUrl()).isEqualTo("https://cdn.example/i.png");
        assertThat(preview.accent()).isEqualTo("#FFAA00");
        assertThat(preview.opens()).isEqualTo("pages/index/index");
        assertThat(preview.title()).isEqualTo("Sale");
    }

    @Test
    void anImageThatIsNotHttpsAndAColourThatIsNotHexAreNotRenderedButListed() {
        MessagePreview preview = MessagePreview.of(new ActivitySettings("a1", "1", "red;x", "Sale", "Half price",
                "javascript:alert(1)", null, 60, 1, "en_US"));

        assertThat(preview.imageUrl()).isNull();
        assertThat(preview.accent()).isNull();
        assertThat(preview.details()).contains(new MessagePreview.Detail("icon (not shown: only https images are)",
                "javascript:alert(1)"));
    }

    @Test
    void aNotificationOpensItsUrlOrTheMiniApp() {
        assertThat(MessagePreview.of(new NotifySettings(1, "Shipped", "Soon", "2", "https://shop.example/o", null, "en_US"))
                .opens()).isEqualTo("https://shop.example/o");
        assertThat(MessagePreview.of(new NotifySettings(1, "Shipped", "Soon", "1", null, null, "en_US")).opens())
                .isEqualTo("the mini app");
    }

    @Test
    void aCardFormShowsItsImageAndClickUrlAndListsTheRest() {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("imageUrl", "http://plain.example/card.png");
        text.put("clickUrl", "launcherdlt://miniapp?id=1");
        text.put("price", "9.99");
        MessagePreview preview = MessagePreview.of(new CardFormSettings(text, "iphone", List.of(new CardFormLabel("country", "406"))));

        assertThat(preview.imageUrl()).isNull();
        assertThat(preview.opens()).isEqualTo("launcherdlt://miniapp?id=1");
        assertThat(preview.details()).extracting(MessagePreview.Detail::label)
                .containsExactly("imageUrl (not shown: only https images are)", "price", "keyword", "label country");
    }
}
