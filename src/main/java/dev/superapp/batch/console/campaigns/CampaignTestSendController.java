package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.sending.TestSend;
import dev.superapp.batch.campaign.sending.TestSends;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The campaign page's "Send test": the message to the ids typed, recorded as a test; the campaign itself is untouched. */
@Controller
class CampaignTestSendController {

    private final ExistingCampaigns campaigns;
    private final TestSends testSends;

    CampaignTestSendController(ExistingCampaigns campaigns, TestSends testSends) {
        this.campaigns = campaigns;
        this.testSends = testSends;
    }

    @PostMapping("/campaigns/{campaignId}/test")
    String sendTest(@PathVariable String campaignId, @RequestParam(defaultValue = "") String ids,
                    Authentication signedIn, RedirectAttributes redirect) {
        campaigns.get(campaignId);
        TestSend test = testSends.send(campaignId, TestSends.recipientIds(ids), "console:" + signedIn.getName());
        String outcome = "Test " + test.id() + " to " + test.recipientIds().size() + " recipient(s): " + test.outcome()
                + (test.detail() == null ? "." : " (" + test.detail() + ").");
        redirect.addFlashAttribute(test.acknowledged() ? "notice" : "problem", outcome);
        return "redirect:/campaigns/" + campaignId;
    }
}
