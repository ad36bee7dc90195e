package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.audience.SuppressionFile;
import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suppression list page (marketing): who must never get a push, with why, who added them and when; search,
 * add by uploading a CSV (header {@code open_id} or {@code unique_id}, checked like an audience), remove. The list is
 * the one {@code suppress} manages; the upload is read once and deleted.
 */
@Controller
class SuppressionsController {

    static final int SHOWN = 200;

    private final SuppressionList suppressions;
    private final AudienceUploads uploads;
    private final ConsoleProperties console;

    SuppressionsController(SuppressionList suppressions, AudienceUploads uploads, ConsoleProperties console) {
        this.suppressions = suppressions;
        this.uploads = uploads;
        this.console = console;
    }

    @GetMapping("/suppressions")
    ModelAndView list(@RequestParam(name = "search", required = false) String search) {
        ModelAndView page = new ModelAndView("suppressions");
        page.addObject("search", search == null ? "" : search);
        page.addObject("suppressions", suppressions.list(search, SHOWN));
        page.addObject("total", suppressions.count());
        page.addObject("shown", SHOWN);
        return page;
    }

    @PostMapping("/suppressions")
    String add(@RequestParam(name = "file", required = false) MultipartFile file,
               @RequestParam(name = "reason", defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        // Without a file (or not sent as an upload at all) the page says so, rather than answering 500.
        if (file == null) {
            redirect.addFlashAttribute("problem", "choose a CSV file with a header open_id or unique_id");
            return "redirect:/suppressions";
        }
        if (reason.isBlank()) {
            redirect.addFlashAttribute("problem", "say why they must not be pushed (the reason is kept with each id)");
            return "redirect:/suppressions";
        }
        try {
            Path stored = console.uploadDir().resolve(uploads.store(file));
            try {
                SuppressionFile.Contents contents = SuppressionFile.read(stored);
                int added = suppressions.add(contents.kind(), contents.ids(), reason.strip(), user.getName());
                long distinct = contents.ids().stream().distinct().count();
                redirect.addFlashAttribute("notice", "added " + added + " " + contents.kind().column()
                        + " to the suppression list (" + (distinct - added) + " already on it)");
            } finally {
                Files.deleteIfExists(stored);
            }
        } catch (UserInputException refused) {
            // The stored name is ours, not the person's file name: say what is wrong without it.
            redirect.addFlashAttribute("problem", refused.getMessage().replace(console.uploadDir().toString(), "the upload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/suppressions";
    }

    @PostMapping("/suppressions/remove")
    String remove(@RequestParam("id") String id, RedirectAttributes redirect) {
        List<RecipientIdKind> removed = suppressions.remove(id);
        if (removed.isEmpty()) {
            redirect.addFlashAttribute("problem", id + " is not on the suppression list");
        } else {
            redirect.addFlashAttribute("notice", "removed " + id + " ("
                    + removed.stream().map(RecipientIdKind::column).collect(Collectors.joining(", ")) + ")");
        }
        return "redirect:/suppressions";
    }
}
