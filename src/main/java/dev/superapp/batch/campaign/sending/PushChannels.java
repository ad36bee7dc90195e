package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CardFormSettings;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.campaign.definition.NotifySettings;
import dev.superapp.batch.platform.SuperAppClient;
import dev.superapp.batch.platform.cardform.CardFormClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Picks the channel a registered campaign sends on, with the message it was first registered with. */
@Component
public class PushChannels {

    private final SuperAppClient superApp;
    private final CardFormClient cardForm;
    private final JsonMapper json;

    PushChannels(SuperAppClient superApp, CardFormClient cardForm, JsonMapper json) {
        this.superApp = superApp;
        this.cardForm = cardForm;
        this.json = json;
    }

    /** @throws dev.superapp.batch.platform.PlatformNotConfiguredException before anything is recorded or sent */
    PushChannel forCampaign(StoredCampaign campaign) {
        requireConfigured(campaign.channel());
        // The stored definition, not today's YAML: a resumed campaign keeps sending what it started with.
        JsonNode message = json.readTree(campaign.definition()).get(campaign.channel().key());
        return switch (campaign.channel()) {
            case ACTIVITY -> new ActivityPushChannel(superApp, json.treeToValue(message, ActivitySettings.class));
            case NOTIFY -> new NotifyPushChannel(superApp, json.treeToValue(message, NotifySettings.class));
            case CARDFORM -> new CardFormPushChannel(cardForm, json.treeToValue(message, CardFormSettings.class), json);
        };
    }

    /** Fails before anything is staged or sent when the campaign's platform is not configured. */
    public void requireConfigured(Channel channel) {
        if (channel == Channel.CARDFORM) {
            cardForm.requireConfigured();
        } else {
            superApp.requireConfigured();
        }
    }
}
