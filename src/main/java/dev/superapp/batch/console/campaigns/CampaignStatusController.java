package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignLauncher;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The little JSON a campaign's page polls to follow its campaign: when the status or the latest execution
 * differs from what the page shows (sending started on some node, a pause or resume from another tab), the page
 * loads itself again and so shows the actions the new status allows.
 */
@RestController
class CampaignStatusController {

    /** @param execution the latest job execution of the campaign, null before the first */
    record CampaignState(String status, Long execution) {
    }

    private final ExistingCampaigns campaigns;
    private final CampaignLauncher launcher;

    CampaignStatusController(ExistingCampaigns campaigns, CampaignLauncher launcher) {
        this.campaigns = campaigns;
        this.launcher = launcher;
    }

    @GetMapping(path = "/campaigns/{campaignId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    CampaignState status(@PathVariable String campaignId) {
        String status = campaigns.get(campaignId).status().name();
        return new CampaignState(status, launcher.lastRun(campaignId).map(CampaignLauncher.PushRun::executionId).orElse(null));
    }
}
