package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignMove;
import dev.superapp.batch.campaign.CampaignPlans;
import dev.superapp.batch.campaign.CampaignResends;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.AudienceOverlap;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.sending.CampaignPlanner;
import dev.superapp.batch.campaign.sending.TestSends;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's page, with its preview, its plan or progress, and the actions its status allows; here the moves of
 * its lifecycle (check again, pause, resume, cancel, withdraw). Each action is one call to {@link CampaignLifecycle},
 * which holds the rules, and answers with a redirect (post/redirect/get) and a one-line notice, or the problem the
 * lifecycle gave ({@link CampaignActionRefusals}). The page's other forms have controllers of their own: when it is
 * sent ({@link CampaignScheduleController}), a test ({@link CampaignTestSendController}), a resend
 * ({@link CampaignResendController}) and leaving out an earlier campaign's recipients ({@link CampaignLeaveOutController}).
 */
@Controller
class CampaignsController {

    private final ExistingCampaigns campaigns;
    private final CampaignStore store;
    private final CampaignLifecycle lifecycle;
    private final AudienceStaging staging;
    private final CampaignPlans plans;
    private final CampaignLauncher launcher;
    private final AudienceUploads uploads;
    private final RecipientStore recipients;
    private final CampaignResends resends;
    private final AudienceOverlap overlap;
    private final CampaignTimeZones zones;
    private final CampaignPlanner planner;
    private final TestSends testSends;
    private final Clock clock;

    CampaignsController(ExistingCampaigns campaigns, CampaignStore store, CampaignLifecycle lifecycle,
                        AudienceStaging staging, CampaignPlans plans, CampaignLauncher launcher, AudienceUploads uploads,
                        RecipientStore recipients, CampaignResends resends, AudienceOverlap overlap,
                        CampaignTimeZones zones, CampaignPlanner planner, TestSends testSends, Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.lifecycle = lifecycle;
        this.staging = staging;
        this.plans = plans;
        this.launcher = launcher;
        this.uploads = uploads;
        this.recipients = recipients;
        this.resends = resends;
        this.overlap = overlap;
        this.zones = zones;
        this.planner = planner;
        this.testSends = testSends;
        this.clock = clock;
    }

    /** @param overlapWith an earlier campaign whose audience the preview compares with this one's */
    @GetMapping("/campaigns/{campaignId}")
    String campaign(@PathVariable String campaignId, @RequestParam(required = false) String overlapWith, Model model) {
        StoredCampaign campaign = campaigns.get(campaignId);
        if (campaign.status() == CampaignStatus.REGISTERED) {
            model.addAttribute("earlierCampaigns", store.newest(CampaignListController.LIMIT).stream()
                    .map(StoredCampaign::campaignId).filter(id -> !id.equals(campaignId)).toList());
            if (overlapWith != null && !overlapWith.equals(campaignId) && CampaignDefinitionParser.isCampaignId(overlapWith)
                    && store.find(overlapWith).isPresent()) {
                model.addAttribute("overlap", overlap.between(campaignId, overlapWith));
            }
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("status", campaign.status());
        // The actions shown are the moves the lifecycle's table allows; the page states no rule of its own.
        model.addAttribute("moves", CampaignMove.possibleFrom(campaign.status()).stream().map(Enum::name).toList());
        AudiencePreview preview = staging.preview(campaignId);
        model.addAttribute("preview", preview);
        model.addAttribute("message", MessagePreview.of(campaign.definition().message()));
        // The plan of what is left to send, once the audience is checked and while anything is.
        model.addAttribute("plan", preview.staging() == AudiencePreview.Staging.STAGED ? planner.plan(campaign) : null);
        model.addAttribute("testSends", testSends.of(campaignId));
        model.addAttribute("maxTestRecipients", TestSends.MAX_RECIPIENTS);
        ZoneId zone = zones.of(campaign.definition());
        Optional<Instant> plannedAt = plans.plannedAt(campaignId);
        model.addAttribute("plannedAt", plannedAt.map(at -> CampaignTimeZones.shown(at.atZone(zone))).orElse(null));
        model.addAttribute("notAfter", campaign.definition().notAfter() == null ? null
                : CampaignTimeZones.shown(campaign.definition().notAfter().atZoneSameInstant(zone)));
        model.addAttribute("ended", campaign.definition().endedAt(clock.instant()));
        // Sent now, or about to be: the page follows it until a node has started sending.
        model.addAttribute("due", plannedAt.map(at -> at.isBefore(clock.instant().plusSeconds(10))).orElse(true));
        Optional<CampaignLauncher.PushRun> lastRun = launcher.lastRun(campaignId);
        model.addAttribute("execution", lastRun.map(CampaignLauncher.PushRun::executionId).orElse(null));
        model.addAttribute("reported", lastRun.map(run -> run.report() != null).orElse(false));
        model.addAttribute("delivery", lastRun.isEmpty() ? null
                : DeliveryLine.of(campaign.status(), recipients.countByState(campaignId)));
        model.addAttribute("zone", zoneName(zone));
        model.addAttribute("campaignZone", zone);
        model.addAttribute("withdrawable", lifecycle.canBeWithdrawn(campaign));
        model.addAttribute("resendable", CampaignMove.RESEND.allowedFrom(campaign.status())
                ? ResendOffer.of(recipients.countByState(campaignId)) : List.of());
        model.addAttribute("resends", resends.history(campaignId));
        return "campaign";
    }

    @PostMapping("/campaigns/{campaignId}/check")
    String checkAgain(@PathVariable String campaignId, RedirectAttributes redirect) {
        return act(campaignId, lifecycle::checkAudience, "Checking the audience again.", redirect);
    }

    @PostMapping("/campaigns/{campaignId}/pause")
    String pause(@PathVariable String campaignId, Authentication user, RedirectAttributes redirect) {
        return act(campaignId, id -> lifecycle.pause(id, user.getName()), "Pausing: the sender stops after the requests in flight.", redirect);
    }

    @PostMapping("/campaigns/{campaignId}/resume")
    String resume(@PathVariable String campaignId, Authentication user, RedirectAttributes redirect) {
        return act(campaignId, id -> lifecycle.resume(id, user.getName()), "Resuming: recipients already sent are not sent again.", redirect);
    }

    @PostMapping("/campaigns/{campaignId}/cancel")
    String cancel(@PathVariable String campaignId, Authentication user, RedirectAttributes redirect) {
        return act(campaignId, id -> lifecycle.cancel(id, user.getName()), "Campaign " + campaignId
                + " is cancelled: nothing more will be sent once the requests in flight are answered.", redirect);
    }

    @PostMapping("/campaigns/{campaignId}/withdraw")
    String withdraw(@PathVariable String campaignId, RedirectAttributes redirect) {
        campaigns.get(campaignId);
        String withdrawal = lifecycle.withdraw(campaignId, uploads.newAudience());
        redirect.addFlashAttribute("notice", "Withdrawing the activity card: campaign " + withdrawal
                + " sends status 0 to everyone who got it.");
        return "redirect:/campaigns/" + withdrawal;
    }

    /** One action on an existing campaign, then back to its page (post/redirect/get) with what was done. */
    private String act(String campaignId, Consumer<String> action, String notice, RedirectAttributes redirect) {
        campaigns.get(campaignId);
        action.accept(campaignId);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/campaigns/" + campaignId;
    }

    /** {@code Asia/Riyadh, UTC+03:00 now}: the zone a time is entered in, with its offset at this moment. */
    private String zoneName(ZoneId zone) {
        String offset = zone.getRules().getOffset(clock.instant()).getId();
        return (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + ", UTC" + (offset.equals("Z") ? "" : offset) + " now";
    }
}
