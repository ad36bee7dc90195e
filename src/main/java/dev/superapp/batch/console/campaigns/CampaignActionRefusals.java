package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.system.UserInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An action on a campaign that its status, or what the person typed, does not allow: back to the campaign's page
 * (post/redirect/get), saying why. One place for every controller of a campaign's actions.
 */
@ControllerAdvice(assignableTypes = {CampaignsController.class, CampaignScheduleController.class,
        CampaignTestSendController.class, CampaignResendController.class, CampaignLeaveOutController.class})
class CampaignActionRefusals {

    @ExceptionHandler(UserInputException.class)
    String refused(UserInputException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", e.getMessage());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String campaignId = variables == null ? null : variables.get("campaignId");
        // Only ids that passed ExistingCampaigns: the redirect stays on this console.
        return campaignId == null ? "redirect:/campaigns" : "redirect:/campaigns/" + campaignId;
    }
}
