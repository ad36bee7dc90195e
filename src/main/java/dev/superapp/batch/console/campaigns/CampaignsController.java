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
import dev.superapp.batch.campaign.Resend;
import dev.superapp.batch.campaign.ResendSelection;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.AudienceOverlap;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.sending.CampaignPlanner;
import dev.superapp.batch.campaign.sending.TestSend;
import dev.superapp.batch.campaign.sending.TestSends;
import dev.superapp.batch.system.UserInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's page, with its preview, its plan or progress, and the actions its status allows. Each action is
 * one call to {@link CampaignLifecycle}, which holds the rules, and answers with a redirect (post/redirect/get)
 * and a one-line notice or the problem the lifecycle gave.
 */
@Controller
class CampaignsController {


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

    CampaignsController(CampaignStore store, CampaignLifecycle lifecycle, AudienceStaging staging, CampaignPlans plans,
                        CampaignLauncher launcher, AudienceUploads uploads, RecipientStore recipients,
                        CampaignResends resends, AudienceOverlap overlap, CampaignTimeZones zones, CampaignPlanner planner,
                        TestSends testSends, Clock clock) {
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
        StoredCampaign campaign = existing(campaignId);
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
                ? resendable(recipients.countByState(campaignId)) : List.of());
        model.addAttribute("resends", resends.history(campaignId));
        return "campaign";
    }

    /** "Send test": the message to the ids typed, recorded as a test; the campaign itself is untouched. */
    @PostMapping("/campaigns/{campaignId}/test")
    String sendTest(@PathVariable String campaignId, @RequestParam(defaultValue = "") String ids,
                    Authentication signedIn, RedirectAttributes redirect) {
        existing(campaignId);
        TestSend test = testSends.send(campaignId, TestSends.recipientIds(ids), "console:" + signedIn.getName());
        String outcome = "Test " + test.id() + " to " + test.recipientIds().size() + " recipient(s): " + test.outcome()
                + (test.detail() == null ? "." : " (" + test.detail() + ").");
        redirect.addFlashAttribute(test.acknowledged() ? "notice" : "problem", outcome);
        return "redirect:/campaigns/" + campaignId;
    }

    /**
     * {@code states} and {@code recipients} come from the button the person confirmed ("send again to 3 UNKNOWN
     * recipients"): if the count has changed since the page was shown, nothing is sent and the page shows the new one.
     */
    @PostMapping("/campaigns/{campaignId}/resend")
    String resend(@PathVariable String campaignId, @RequestParam String states, @RequestParam long recipients,
                  Authentication user, RedirectAttributes redirect) {
        existing(campaignId);
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

    @PostMapping("/campaigns/{campaignId}/check")
    String checkAgain(@PathVariable String campaignId, RedirectAttributes redirect) {
        return act(campaignId, lifecycle::checkAudience, "Checking the audience again.", redirect);
    }

    @PostMapping("/campaigns/{campaignId}/send")
    String sendNow(@PathVariable String campaignId, RedirectAttributes redirect) {
        return act(campaignId, id -> lifecycle.schedule(id, clock.instant()), "Sending campaign " + campaignId + " now.",
                redirect);
    }

    @PostMapping("/campaigns/{campaignId}/schedule")
    String schedule(@PathVariable String campaignId, @RequestParam String at, RedirectAttributes redirect) {
        // Entered as a local date and time in the campaign's zone, the one the form shows beside the field.
        ZoneId zone = zones.of(existing(campaignId).definition());
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

    /** @param which {@code audience}: everyone the earlier campaign had to send; {@code sent}: those it sent */
    @PostMapping("/campaigns/{campaignId}/leave-out")
    String leaveOut(@PathVariable String campaignId, @RequestParam String earlier, @RequestParam String which,
                    Authentication user, RedirectAttributes redirect) {
        existing(campaignId);
        if (!which.equals("audience") && !which.equals("sent")) {
            throw new UserInputException("choose to leave out the recipients in " + earlier + "'s audience, or those it sent");
        }
        int leftOut = lifecycle.leaveOut(campaignId, earlier, which.equals("sent"), user.getName());
        redirect.addFlashAttribute("notice", leftOut + (leftOut == 1 ? " recipient" : " recipients")
                + " left out: the delivery report will list them EXCLUDED, naming campaign " + earlier + ".");
        return "redirect:/campaigns/" + campaignId + "?overlapWith=" + earlier;
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
        existing(campaignId);
        String withdrawal = lifecycle.withdraw(campaignId, uploads.newAudience());
        redirect.addFlashAttribute("notice", "Withdrawing the activity card: campaign " + withdrawal
                + " sends status 0 to everyone who got it.");
        return "redirect:/campaigns/" + withdrawal;
    }

    /** An action the campaign's status does not allow: back to its page, saying why. */
    @ExceptionHandler(UserInputException.class)
    String refused(UserInputException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", e.getMessage());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String campaignId = variables == null ? null : variables.get("campaignId");
        // Only ids that passed existing(): the redirect stays on this console.
        return campaignId == null ? "redirect:/campaigns" : "redirect:/campaigns/" + campaignId;
    }

    /** One action on an existing campaign, then back to its page (post/redirect/get) with what was done. */
    private String act(String campaignId, Consumer<String> action, String notice, RedirectAttributes redirect) {
        existing(campaignId);
        action.accept(campaignId);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/campaigns/" + campaignId;
    }

    private StoredCampaign existing(String campaignId) {
        if (!CampaignDefinitionParser.isCampaignId(campaignId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return store.find(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A resend the page offers: the states it sends, how many recipients, and that in words for the button. */
    record ResendOffer(String states, long recipients, String what) {
    }

    /** UNKNOWN, FAILED and both, those that have recipients, so the confirmation names exactly what is sent. */
    private static List<ResendOffer> resendable(Map<RecipientState, Long> counts) {
        List<ResendOffer> offers = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        long both = 0;
        for (RecipientState state : ResendSelection.ALLOWED) {
            long count = counts.get(state);
            if (count > 0) {
                offers.add(new ResendOffer(state.name(), count, count + " " + state + " recipient" + (count == 1 ? "" : "s")));
                parts.add(count + " " + state);
                both += count;
            }
        }
        if (offers.size() > 1) {
            offers.add(new ResendOffer(new ResendSelection(ResendSelection.ALLOWED).text(), both,
                    both + " recipients (" + String.join(", ", parts) + ")"));
        }
        return offers;
    }

    /** {@code Asia/Riyadh, UTC+03:00 now}: the zone a time is entered in, with its offset at this moment. */
    private String zoneName(ZoneId zone) {
        String offset = zone.getRules().getOffset(clock.instant()).getId();
        return (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + ", UTC" + (offset.equals("Z") ? "" : offset) + " now";
    }
}
