package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.system.UserInputException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The campaign form per channel, empty or filled from an earlier campaign ("duplicate"); a valid form leads to the
 * new campaign's page and its preview, a refused one comes back with each problem next to its field.
 */
@Controller
class NewCampaignController {

    private final CampaignStore store;
    private final NewCampaign newCampaigns;
    private final CampaignCopy copies;
    private final ConsoleProperties properties;
    private final CampaignTimeZones zones;

    private static final MultiValueMap<String, String> NOTHING_TYPED = new LinkedMultiValueMap<>();

    NewCampaignController(CampaignStore store, NewCampaign newCampaigns, CampaignCopy copies, ConsoleProperties properties,
                          CampaignTimeZones zones) {
        this.store = store;
        this.newCampaigns = newCampaigns;
        this.copies = copies;
        this.properties = properties;
        this.zones = zones;
    }

    /** @param from a campaign to duplicate: its channel and message, under a new id; the audience is chosen anew */
    @GetMapping("/campaigns/new")
    String form(@RequestParam(defaultValue = "activity") String channel, @RequestParam(required = false) String from,
                Model model) {
        if (from != null) {
            StoredCampaign original = (CampaignDefinitionParser.isCampaignId(from) ? store.find(from) : Optional.<StoredCampaign>empty())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no campaign " + from));
            CampaignCopy.Draft copy = copies.of(original);
            model.addAttribute("copiedFrom", original.campaignId());
            return showForm(original.channel(), copy.campaignId(), copy.values(), NOTHING_TYPED, List.of(), model);
        }
        return showForm(channelOf(channel), "", FormValues.NONE, NOTHING_TYPED, List.of(), model);
    }

    @PostMapping("/campaigns/new")
    String create(@RequestParam String channel, @RequestParam(defaultValue = "") String campaign,
                  @RequestParam MultiValueMap<String, String> parameters,
                  @RequestParam(required = false) MultipartFile audience, Model model) {
        Channel chosen = channelOf(channel);
        FormValues values = FormValues.from(parameters);
        if (audience == null) {
            return showForm(chosen, campaign, values, parameters, List.of("audience: choose an audience file"), model);
        }
        CampaignTimes times;
        try {
            times = CampaignTimes.typed(Optional.ofNullable(parameters.getFirst("timeZone")).orElse(""),
                    Optional.ofNullable(parameters.getFirst("notAfter")).orElse(""), zones.consoleZone());
        } catch (UserInputException e) {
            return showForm(chosen, campaign, values, parameters, List.of(e.getMessage()), model);
        }
        NewCampaign.Outcome outcome = newCampaigns.register(campaign.strip(), chosen, values, times, audience);
        if (!outcome.problems().isEmpty()) {
            return showForm(chosen, campaign, values, parameters, outcome.problems(), model);
        }
        return "redirect:/campaigns/" + outcome.campaignId();
    }

    /**
     * An audience over {@code console.max-upload-size}, refused by the server while reading it: the form again with
     * the limit, and with what was typed above the file (the fields the server read before it stopped).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(HttpServletRequest request, Model model) {
        ServletRequest read = request instanceof HttpServletRequestWrapper multipart ? multipart.getRequest() : request;
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        read.getParameterMap().forEach((name, values) -> typed.put(name, List.of(values)));
        Channel channel = Channel.fromKey(Optional.ofNullable(typed.getFirst("channel")).orElse("")).orElse(Channel.ACTIVITY);
        return showForm(channel, Optional.ofNullable(typed.getFirst("campaign")).orElse(""), FormValues.from(typed), typed,
                List.of("audience: " + AudienceUploads.tooLarge(properties)), model);
    }

    /** @param typed the request's parameters, for the campaign's time zone and end time as typed */
    private String showForm(Channel channel, String campaignId, FormValues values, MultiValueMap<String, String> typed,
                            List<String> problems, Model model) {
        List<FormField> fields = ChannelForms.fields(channel);
        model.addAttribute("channel", channel);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("fields", fields);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("values", values.fields());
        model.addAttribute("rows", fields.stream().filter(FormField::rows).collect(Collectors.toMap(FormField::name,
                field -> shownRows(field, values))));
        model.addAttribute("timeZone", Optional.ofNullable(typed.getFirst("timeZone")).orElse(zones.consoleZone().getId()));
        model.addAttribute("notAfter", Optional.ofNullable(typed.getFirst("notAfter")).orElse(""));
        model.addAttribute("problems", FormProblems.of(channel, problems));
        model.addAttribute("maxUploadSize", properties.maxUploadSizeText());
        return "campaign-new";
    }

    /** The rows typed, or for a new form one row per suggested key (at least one empty row to start from). */
    private static List<FormRow> shownRows(FormField field, FormValues values) {
        List<FormRow> typed = values.rows(field.name());
        if (!typed.isEmpty()) {
            return typed;
        }
        return field.rowKeys().isEmpty() ? List.of(new FormRow("", ""))
                : field.rowKeys().stream().map(key -> new FormRow(key, "")).toList();
    }

    private static Channel channelOf(String key) {
        return Channel.fromKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "unknown channel " + key));
    }
}
