package dev.superapp.batch.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the landing page, which links to the sections the user's role opens. */
@Controller
class HomeController {

    /** {@code wait}: the seconds {@link SignInThrottle} asked the name or address to wait, said on the page. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) Long wait, Model model) {
        if (wait != null && wait > 0) {
            model.addAttribute("waitText", wait < 120 ? wait + " seconds" : (wait + 59) / 60 + " minutes");
        }
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }
}
