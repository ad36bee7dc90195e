package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The campaign a page or action of the console names in its path: a well-formed id of a registered campaign, or
 * 404. Only ids that pass here are put back into a redirect, so a redirect never leaves the console.
 */
@Component
class ExistingCampaigns {

    private final CampaignStore store;

    ExistingCampaigns(CampaignStore store) {
        this.store = store;
    }

    StoredCampaign get(String campaignId) {
        if (!CampaignDefinitionParser.isCampaignId(campaignId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return store.find(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
