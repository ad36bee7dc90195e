package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
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

    /**
     * What is missing for the channel to send (the setting and its environment variable), or null when nothing
     * is: the console's form and preview say it before anything is scheduled, not when the fire fails.
     */
    public String notConfigured(Channel channel) {
        try {
            requireConfigured(channel);
            return null;
        } catch (PlatformNotConfiguredException missing) {
            return missing.getMessage();
        }
    }
}
