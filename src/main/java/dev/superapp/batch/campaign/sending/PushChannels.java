package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignPlatforms;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CardFormSettings;
import dev.superapp.batch.campaign.definition.NotifySettings;
import dev.superapp.batch.platform.SuperAppClient;
import dev.superapp.batch.platform.cardform.CardFormClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Picks the channel a registered campaign sends on, with the message it was registered with. */
@Component
class PushChannels {

    private final CampaignPlatforms platforms;
    private final SuperAppClient superApp;
    private final CardFormClient cardForm;
    private final JsonMapper json;

    PushChannels(CampaignPlatforms platforms, SuperAppClient superApp, CardFormClient cardForm, JsonMapper json) {
        this.platforms = platforms;
        this.superApp = superApp;
        this.cardForm = cardForm;
        this.json = json;
    }

    /** @throws dev.superapp.batch.platform.PlatformNotConfiguredException before anything is recorded or sent */
    PushChannel forCampaign(StoredCampaign campaign) {
        platforms.requireConfigured(campaign.channel());
        // The stored definition, not today's YAML: a resumed campaign keeps sending what it started with.
        return switch (campaign.channel()) {
            case ACTIVITY -> new ActivityPushChannel(superApp, (ActivitySettings) campaign.definition().message());
            case NOTIFY -> new NotifyPushChannel(superApp, (NotifySettings) campaign.definition().message());
            case CARDFORM -> new CardFormPushChannel(cardForm, (CardFormSettings) campaign.definition().message(), json);
        };
    }

    /**
     * The campaign's channel for a test send. An activity goes out under {@code <activityId>-test}: the platform
     * shows a card once per activityId and recipient, so a test under the campaign's own id would make the real
     * send a silent repeat for the testers. Card forms are told apart by the test's own request id.
     */
    PushChannel forTest(StoredCampaign campaign) {
        if (campaign.definition().message() instanceof ActivitySettings activity) {
            platforms.requireConfigured(campaign.channel());
            return new ActivityPushChannel(superApp, new ActivitySettings(activity.activityId() + "-test",
                    activity.templateId(), activity.color(), activity.title(), activity.text(), activity.iconUrl(),
                    activity.path(), activity.validityTime(), activity.status(), activity.language()));
        }
        return forCampaign(campaign);
    }
}
