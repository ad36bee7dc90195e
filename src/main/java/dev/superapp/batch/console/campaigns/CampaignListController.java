package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The campaign list, newest first, each with what became of its recipients; searched by a part of the id. */
@Controller
class CampaignListController {

    static final int LIMIT = 200;

    /**
     * One campaign of the list.
     *
     * @param open recipients still to be sent, or sent without a final answer (PENDING, UNKNOWN)
     */
    public record Row(StoredCampaign campaign, long sent, long rejected, long failed, long open) {
    }

    private final CampaignStore store;
    private final RecipientStore recipients;

    CampaignListController(CampaignStore store, RecipientStore recipients) {
        this.store = store;
        this.recipients = recipients;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        String search = q.strip();
        boolean searchable = search.isEmpty() || search.matches("[A-Za-z0-9_-]{1,64}");
        List<StoredCampaign> campaigns = !searchable ? List.of()
                : search.isEmpty() ? store.newest(LIMIT) : store.newestContaining(search, LIMIT);
        Map<String, Map<RecipientState, Long>> counts = campaigns.isEmpty() ? Map.of()
                : recipients.countByState(campaigns.stream().map(StoredCampaign::campaignId).toList());
        model.addAttribute("rows", campaigns.stream().map(campaign -> row(campaign,
                counts.getOrDefault(campaign.campaignId(), Map.of()))).toList());
        model.addAttribute("q", search);
        model.addAttribute("searchProblem", searchable ? null
                : "Campaign ids have only A-Z a-z 0-9 _ and -, so no campaign id contains '" + search + "'.");
        return "campaigns";
    }

    private static Row row(StoredCampaign campaign, Map<RecipientState, Long> counts) {
        return new Row(campaign, count(counts, RecipientState.SENT), count(counts, RecipientState.REJECTED),
                count(counts, RecipientState.FAILED),
                count(counts, RecipientState.PENDING) + count(counts, RecipientState.UNKNOWN));
    }

    private static long count(Map<RecipientState, Long> counts, RecipientState state) {
        return counts.getOrDefault(state, 0L);
    }
}
