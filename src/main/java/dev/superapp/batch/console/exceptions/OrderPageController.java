package dev.superapp.batch.console.exceptions;

import dev.superapp.batch.reconciliation.AuditEntry;
import dev.superapp.batch.reconciliation.review.ExceptionsQueue;
import dev.superapp.batch.reconciliation.review.OrderHistory;
import dev.superapp.batch.reconciliation.review.OrderResolver;
import dev.superapp.batch.reconciliation.review.Resolution;
import dev.superapp.batch.reconciliation.review.ResolutionRefusedException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One order's page: the order, every run's decision with the platform answers that decided it (formatted,
 * with their times), the audit trail of resolutions and forced imports, and, while it is open, the form that
 * resolves it. Resolving posts here and comes back with what was done, or why it was refused.
 */
@Controller
@RequestMapping("/reports/reconciliation/orders")
class OrderPageController {

    private final OrderHistory history;
    private final ExceptionsQueue queue;
    private final OrderResolver resolver;

    OrderPageController(OrderHistory history, ExceptionsQueue queue, OrderResolver resolver) {
        this.history = history;
        this.queue = queue;
        this.resolver = resolver;
    }

    @GetMapping("/{orderId}")
    String order(@PathVariable long orderId, Model model) {
        OrderHistory.History found = history.of(orderId).orElseThrow(() -> notFound(orderId));
        model.addAttribute("order", found.order());
        model.addAttribute("decisions", found.decisions().stream()
                .map(decision -> new DecisionView(decision, EvidenceEntry.parse(decision.evidence()))).toList());
        model.addAttribute("audit", found.audit().stream()
                .map(entry -> new AuditView(entry, EvidenceEntry.parse(entry.platformAnswer()))).toList());
        model.addAttribute("open", queue.find(found.order().outTradeNo()).orElse(null));
        model.addAttribute("resolutions", Arrays.stream(Resolution.values()).toList());
        model.addAttribute("now", queue.now());
        return "reports/order";
    }

    @PostMapping("/{orderId}/resolve")
    String resolve(@PathVariable long orderId, @RequestParam(defaultValue = "") String resolution,
                   @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect)
            throws InterruptedException {
        OrderHistory.History found = history.of(orderId).orElseThrow(() -> notFound(orderId));
        Resolution chosen = Arrays.stream(Resolution.values()).filter(r -> r.name().equals(resolution)).findFirst()
                .orElse(null);
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "Choose what to do: accept as paid, mark failed, refund needed or re-check.");
            return "redirect:/reports/reconciliation/orders/" + orderId;
        }
        try {
            OrderResolver.Resolved done = resolver.resolve(found.order().outTradeNo(), chosen, reason,
                    "console:" + user.getName());
            redirect.addFlashAttribute("notice", done.outTradeNo() + " " + chosen.done() + ": " + done.statusBefore()
                    + " → " + done.statusAfter() + (done.outcome() == null ? "" : " (" + done.outcome() + ": "
                    + done.detail() + ")"));
        } catch (ResolutionRefusedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/reports/reconciliation/orders/" + orderId;
    }

    private static ResponseStatusException notFound(long orderId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId);
    }

    /** A decision with its evidence split into answers. */
    record DecisionView(OrderHistory.Decision decision, List<EvidenceEntry> evidence) {
    }

    /** An audit entry with the platform's answer split the same way. */
    record AuditView(AuditEntry entry, List<EvidenceEntry> answer) {
    }
}
