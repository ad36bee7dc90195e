package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.platform.SuperAppClient;
import dev.superapp.batch.platform.cardform.CardFormClient;
import org.springframework.stereotype.Component;

/** Which platform a channel sends through, checked before anything is staged or sent. */
@Component
public class CampaignPlatforms {

    private final SuperAppClient superApp;
    private final CardFormClient cardForm;

    CampaignPlatforms(SuperAppClient superApp, CardFormClient cardForm) {
        this.superApp = superApp;
        this.cardForm = cardForm;
    }

    /** @throws dev.superapp.batch.platform.PlatformNotConfiguredException when the channel's platform is not configured */
    public void requireConfigured(Channel channel) {
        if (channel == Channel.CARDFORM) {
            cardForm.requireConfigured();
        } else {
            superApp.requireConfigured();
        }
    }
}
