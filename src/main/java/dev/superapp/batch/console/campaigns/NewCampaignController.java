package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.system.UserInputException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/** The campaign list and the form per channel; a valid form leads to the new campaign's page and its preview. */
@Controller
class NewCampaignController {

    private final CampaignStore store;
    private final NewCampaign newCampaigns;
    private final ConsoleProperties properties;
    private final CampaignTimeZones zones;

    NewCampaignController(CampaignStore store, NewCampaign newCampaigns, ConsoleProperties properties,
                          CampaignTimeZones zones) {
        this.store = store;
        this.newCampaigns = newCampaigns;
        this.properties = properties;
        this.zones = zones;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", store.newest(200));
        return "campaigns";
    }

    @GetMapping("/campaigns/new")
    String form(@RequestParam(defaultValue = "activity") String channel, Model model) {
        return showForm(channelOf(channel), "", Map.of(), List.of(), model);
    }

    @PostMapping("/campaigns/new")
    String create(@RequestParam String channel, @RequestParam(defaultValue = "") String campaign,
                  @RequestParam Map<String, String> parameters, @RequestParam(required = false) MultipartFile audience,
                  Model model) {
        Channel chosen = channelOf(channel);
        if (audience == null) {
            return showForm(chosen, campaign, parameters, List.of("audience: choose an audience file"), model);
        }
        CampaignTimes times;
        try {
            times = CampaignTimes.typed(parameters.getOrDefault("timeZone", ""), parameters.getOrDefault("notAfter", ""),
                    zones.consoleZone());
        } catch (UserInputException e) {
            return showForm(chosen, campaign, parameters, List.of(e.getMessage()), model);
        }
        NewCampaign.Outcome outcome = newCampaigns.register(campaign.strip(), chosen, sectionValues(parameters), times, audience);
        if (!outcome.problems().isEmpty()) {
            return showForm(chosen, campaign, parameters, outcome.problems(), model);
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
        Map<String, String> typed = read.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue()[0]));
        Channel channel = Channel.fromKey(typed.getOrDefault("channel", "")).orElse(Channel.ACTIVITY);
        return showForm(channel, typed.getOrDefault("campaign", ""), typed,
                List.of("audience: " + AudienceUploads.tooLarge(properties)), model);
    }

    private String showForm(Channel channel, String campaignId, Map<String, String> values, List<String> problems, Model model) {
        model.addAttribute("channel", channel);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("fields", ChannelForms.fields(channel));
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("values", sectionValues(values));
        model.addAttribute("timeZone", values.getOrDefault("timeZone", zones.consoleZone().getId()));
        model.addAttribute("notAfter", values.getOrDefault("notAfter", ""));
        model.addAttribute("problems", problems);
        model.addAttribute("maxUploadSize", properties.maxUploadSizeText());
        return "campaign-new";
    }

    /** The form names a channel field {@code field.<name>}, so that it cannot collide with campaign, channel or _csrf. */
    private static Map<String, String> sectionValues(Map<String, String> parameters) {
        return parameters.entrySet().stream().filter(entry -> entry.getKey().startsWith("field."))
                .collect(Collectors.toMap(entry -> entry.getKey().substring("field.".length()),
                        Map.Entry::getValue));
    }

    private static Channel channelOf(String key) {
        return Channel.fromKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "unknown channel " + key));
    }
}
