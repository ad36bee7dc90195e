package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.system.UserInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The preview's "leave them out": the recipients this campaign shares with an earlier one are not sent, and the
 * delivery report lists them EXCLUDED, naming that campaign.
 */
@Controller
class CampaignLeaveOutController {

    private final ExistingCampaigns campaigns;
    private final CampaignLifecycle lifecycle;

    CampaignLeaveOutController(ExistingCampaigns campaigns, CampaignLifecycle lifecycle) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
    }

    /** @param which {@code audience}: everyone the earlier campaign had to send; {@code sent}: those it sent */
    @PostMapping("/campaigns/{campaignId}/leave-out")
    String leaveOut(@PathVariable String campaignId, @RequestParam String earlier, @RequestParam String which,
                    Authentication user, RedirectAttributes redirect) {
        campaigns.get(campaignId);
        if (!which.equals("audience") && !which.equals("sent")) {
            throw new UserInputException("choose to leave out the recipients in " + earlier + "'s audience, or those it sent");
        }
        int leftOut = lifecycle.leaveOut(campaignId, earlier, which.equals("sent"), user.getName());
        redirect.addFlashAttribute("notice", leftOut + (leftOut == 1 ? " recipient" : " recipients")
                + " left out: the delivery report will list them EXCLUDED, naming campaign " + earlier + ".");
        return "redirect:/campaigns/" + campaignId + "?overlapWith=" + earlier;
    }
}
