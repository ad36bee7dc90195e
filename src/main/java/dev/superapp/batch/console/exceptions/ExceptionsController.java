package dev.superapp.batch.console.exceptions;

import dev.superapp.batch.reconciliation.Outcome;
import dev.superapp.batch.reconciliation.review.ExceptionsQueue;
import dev.superapp.batch.reconciliation.review.OpenOrder;
import dev.superapp.batch.reconciliation.review.QueueFilter;
import dev.superapp.batch.reconciliation.review.Resolution;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finance's exceptions queue: every order that needs a person, across all runs, oldest first, filtered by
 * outcome, age and currency. Under {@code /reports/reconciliation}, so finance and admins only. A bad filter
 * is a message on the page (400), never an error page.
 */
@Controller
@RequestMapping("/reports/reconciliation/exceptions")
class ExceptionsController {

    static final int SHOWN = 500;
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern DAYS = Pattern.compile("[0-9]{1,5}");

    private final ExceptionsQueue queue;

    ExceptionsController(ExceptionsQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String minAge,
                 @RequestParam(defaultValue = "") String currency, Model model, HttpServletResponse response) {
        String problem = problem(outcome, minAge, currency);
        List<OpenOrder> orders = List.of();
        if (problem == null) {
            QueueFilter filter = new QueueFilter(outcome, minAge.isEmpty() ? 0 : Integer.parseInt(minAge),
                    currency.toUpperCase(Locale.ROOT));
            orders = queue.list(filter, SHOWN + 1);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem);
        }
        model.addAttribute("orders", orders.size() > SHOWN ? orders.subList(0, SHOWN) : orders);
        model.addAttribute("more", orders.size() > SHOWN);
        model.addAttribute("now", queue.now());
        model.addAttribute("outcomes", ExceptionsQueue.OPEN_OUTCOMES);
        model.addAttribute("resolutions", Resolution.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("minAge", minAge);
        model.addAttribute("currency", currency);
        return "reports/exceptions";
    }

    /** What is wrong with a hand-edited filter, in words; null when it is fine. */
    private static String problem(String outcome, String minAge, String currency) {
        if (!outcome.isEmpty() && ExceptionsQueue.OPEN_OUTCOMES.stream().noneMatch(o -> o.name().equals(outcome))) {
            return "There is no open outcome '" + shorten(outcome) + "'. Open outcomes are "
                    + ExceptionsQueue.OPEN_OUTCOMES.stream().map(Outcome::name).collect(Collectors.joining(", ")) + ".";
        }
        if (!minAge.isEmpty() && !DAYS.matcher(minAge).matches()) {
            return "The age '" + shorten(minAge) + "' is not a whole number of days (0 to 99999).";
        }
        if (!currency.isEmpty() && !CURRENCY.matcher(currency).matches()) {
            return "The currency '" + shorten(currency) + "' is not a three-letter code such as SAR.";
        }
        return null;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
