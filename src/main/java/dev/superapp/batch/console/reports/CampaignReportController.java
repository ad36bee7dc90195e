package dev.superapp.batch.console.reports;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Campaign delivery reports for marketing and finance: campaigns with their counts per recipient state and a
 * chart of the newest campaigns' deliveries, one campaign's recipients by state, and its delivery report file.
 */
@Controller
@RequestMapping("/reports/campaigns")
class CampaignReportController {

    static final int CAMPAIGNS_PER_PAGE = 50;
    static final int CHART_CAMPAIGNS = 30;
    static final int ROWS_PER_PAGE = 100;

    private final CampaignReports reports;
    private final CampaignStore store;
    private final RecipientStore recipients;
    private final CampaignLauncher launcher;
    private final ReportDownloads downloads;

    CampaignReportController(CampaignReports reports, CampaignStore store, RecipientStore recipients,
                             CampaignLauncher launcher, ReportDownloads downloads) {
        this.reports = reports;
        this.store = store;
        this.recipients = recipients;
        this.launcher = launcher;
        this.downloads = downloads;
    }

    @GetMapping
    String campaigns(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        List<CampaignSummary> campaigns = reports.newest(current * CAMPAIGNS_PER_PAGE, CAMPAIGNS_PER_PAGE + 1);
        model.addAttribute("campaigns", campaigns.subList(0, Math.min(campaigns.size(), CAMPAIGNS_PER_PAGE)));
        model.addAttribute("page", current);
        model.addAttribute("more", campaigns.size() > CAMPAIGNS_PER_PAGE);
        // The chart is always the newest campaigns, whichever page of the list is shown.
        model.addAttribute("chart", DeliveryChart.of(current == 0
                ? campaigns.subList(0, Math.min(campaigns.size(), CHART_CAMPAIGNS))
                : reports.newest(0, CHART_CAMPAIGNS)));
        return "reports/campaigns";
    }

    @GetMapping("/{campaignId}")
    String campaign(@PathVariable String campaignId, @RequestParam(defaultValue = "") String state,
                    @RequestParam(defaultValue = "0") long after, Model model, HttpServletResponse response) {
        StoredCampaign campaign = find(campaignId);
        Optional<RecipientState> filter = Arrays.stream(RecipientState.values())
                .filter(s -> s.name().equals(state)).findFirst();
        if (!state.isEmpty() && filter.isEmpty()) {
            // A hand-edited address: say what is accepted rather than show every row as if unfiltered.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "There is no recipient state '" + state + "'. States are "
                    + Arrays.stream(RecipientState.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
            model.addAttribute("rows", new RowPage<CampaignRecipient>(List.of(), null));
        } else {
            model.addAttribute("rows", reports.recipients(campaignId, filter.orElse(null), after, ROWS_PER_PAGE));
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("counts", recipients.countByState(campaignId));
        model.addAttribute("run", launcher.lastRun(campaignId).orElse(null));
        model.addAttribute("state", filter.orElse(null));
        return "reports/campaign";
    }

    @GetMapping("/{campaignId}/report.csv")
    ResponseEntity<Resource> report(@PathVariable String campaignId) {
        find(campaignId);
        return downloads.download(launcher.lastRun(campaignId).map(PushRun::report).orElse(null));
    }

    private StoredCampaign find(String campaignId) {
        return Optional.of(campaignId).filter(CampaignDefinitionParser::isCampaignId).flatMap(store::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaign " + campaignId));
    }
}
