package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.system.UserInputException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Send now" and "Send at": when a checked campaign goes out, a time entered in the campaign's own zone. */
@Controller
class CampaignScheduleController {

    private final ExistingCampaigns campaigns;
    private final CampaignLifecycle lifecycle;
    private final CampaignTimeZones zones;
    private final Clock clock;

    CampaignScheduleController(ExistingCampaigns campaigns, CampaignLifecycle lifecycle, CampaignTimeZones zones, Clock clock) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.zones = zones;
        this.clock = clock;
    }

    @PostMapping("/campaigns/{campaignId}/send")
    String sendNow(@PathVariable String campaignId, RedirectAttributes redirect) {
        campaigns.get(campaignId);
        lifecycle.schedule(campaignId, clock.instant());
        redirect.addFlashAttribute("notice", "Sending campaign " + campaignId + " now.");
        return "redirect:/campaigns/" + campaignId;
    }

    @PostMapping("/campaigns/{campaignId}/schedule")
    String schedule(@PathVariable String campaignId, @RequestParam String at, RedirectAttributes redirect) {
        // Entered as a local date and time in the campaign's zone, the one the form shows beside the field.
        ZoneId zone = zones.of(campaigns.get(campaignId).definition());
        ZonedDateTime when;
        try {
            when = LocalDateTime.parse(at).atZone(zone);
        } catch (DateTimeParseException e) {
            throw new UserInputException("'" + at + "' is not a date and time");
        }
        if (when.toInstant().isBefore(clock.instant())) {
            throw new UserInputException(CampaignTimeZones.shown(when) + " has passed; choose a later time or send now");
        }
        lifecycle.schedule(campaignId, when.toInstant());
        redirect.addFlashAttribute("notice", "Campaign " + campaignId + " will be sent at " + CampaignTimeZones.shown(when) + ".");
        return "redirect:/campaigns/" + campaignId;
    }
}
