package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.Resend;
import dev.superapp.batch.campaign.ResendSelection;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.system.UserInputException;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Send again" on a campaign's page: the UNKNOWN or FAILED recipients the person confirmed, one more attempt. */
@Controller
class CampaignResendController {

    private final ExistingCampaigns campaigns;
    private final RecipientStore recipients;
    private final CampaignLifecycle lifecycle;

    CampaignResendController(ExistingCampaigns campaigns, RecipientStore recipients, CampaignLifecycle lifecycle) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.lifecycle = lifecycle;
    }

    /**
     * {@code states} and {@code recipients} come from the button the person confirmed ("send again to 3 UNKNOWN
     * recipients", a {@link ResendOffer}): if the count has changed since the page was shown, nothing is sent and the
     * page shows the new one.
     */
    @PostMapping("/campaigns/{campaignId}/resend")
    String resend(@PathVariable String campaignId, @RequestParam String states, @RequestParam long recipients,
                  Authentication user, RedirectAttributes redirect) {
        campaigns.get(campaignId);
        ResendSelection selection = ResendSelection.parse(states);
        Map<RecipientState, Long> counts = this.recipients.countByState(campaignId);
        long now = selection.states().stream().mapToLong(counts::get).sum();
        if (now != recipients) {
            throw new UserInputException("campaign " + campaignId + " now has " + now + " " + selection.text()
                    + " recipient(s), not " + recipients + " as confirmed; nothing was sent, confirm again");
        }
        Optional<Resend> resend = lifecycle.resendNow(campaignId, selection, "console:" + user.getName());
        redirect.addFlashAttribute("notice", resend.map(asked -> "Sending " + asked.asked() + " " + selection.text()
                        + " recipient(s) again, as attempt " + asked.attempt() + ".")
                .orElse("No " + selection.text() + " recipients are left; nothing was sent."));
        return "redirect:/campaigns/" + campaignId;
    }
}
