package dev.superapp.batch.reconciliation;

import dev.superapp.batch.alerts.Alert;
import dev.superapp.batch.alerts.AlertProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules that make a run raise alerts, without I/O: any amount, currency or openId mismatch beyond
 * {@code alerts.max-mismatches}, a share of ERROR above {@code alerts.max-error-rate}, and an order open (PENDING
 * or REVIEW) longer than {@code alerts.max-open-age}.
 */
final class ReconciliationAlertRules {

    static final String MAX_MISMATCHES = "alerts.max-mismatches";
    static final String MAX_ERROR_RATE = "alerts.max-error-rate";
    static final String MAX_OPEN_AGE = "alerts.max-open-age";
    private static final List<Outcome> MISMATCHES = List.of(Outcome.AMOUNT_MISMATCH, Outcome.CURRENCY_MISMATCH,
            Outcome.OPENID_MISMATCH);

    private final AlertProperties limits;

    ReconciliationAlertRules(AlertProperties limits) {
        this.limits = limits;
    }

    /**
     * @param overdue the open orders created before {@code now - alerts.max-open-age}
     */
    List<Alert> evaluate(ReconciliationSummary summary, OpenOrders.Aged overdue, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        long mismatches = MISMATCHES.stream().mapToLong(summary::count).sum();
        if (mismatches > limits.maxMismatches()) {
            String which = MISMATCHES.stream().filter(o -> summary.count(o) > 0)
                    .map(o -> o + " " + summary.count(o)).collect(Collectors.joining(", "));
            alerts.add(new Alert(MAX_MISMATCHES, orders(mismatches) + (mismatches == 1 ? " differs" : " differ")
                    + " from the platform (" + which
                    + "), more than " + MAX_MISMATCHES + "=" + limits.maxMismatches() + "."));
        }
        long errors = summary.count(Outcome.ERROR);
        if (summary.orders() > 0 && BigDecimal.valueOf(errors)
                .compareTo(limits.errorRateLimit().multiply(BigDecimal.valueOf(summary.orders()))) > 0) {
            BigDecimal percent = BigDecimal.valueOf(errors * 100).divide(BigDecimal.valueOf(summary.orders()), 1,
                    RoundingMode.HALF_UP);
            alerts.add(new Alert(MAX_ERROR_RATE, errors + " of " + orders(summary.orders()) + " (" + percent
                    + "%) got no trustworthy answer (ERROR), more than " + MAX_ERROR_RATE + "="
                    + limits.maxErrorRate() + "."));
        }
        if (overdue.orders() > 0) {
            alerts.add(new Alert(MAX_OPEN_AGE, orders(overdue.orders()) + (overdue.orders() == 1 ? " has" : " have")
                    + " been open (PENDING or REVIEW) longer than " + MAX_OPEN_AGE + "=" + age(limits.maxOpenAge())
                    + "; the oldest since " + overdue.oldest().atOffset(ZoneOffset.UTC).toLocalDate() + " ("
                    + Duration.between(overdue.oldest(), now).toDays() + " days)."));
        }
        return alerts;
    }

    private static String orders(long count) {
        return count + (count == 1 ? " order" : " orders");
    }

    /** {@code 3d}, {@code 12h}, {@code 90m}: as the property is usually written. */
    private static String age(Duration age) {
        long seconds = age.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return age.toDays() + "d";
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return age.toHours() + "h";
        }
        return seconds > 0 && seconds % 60 == 0 ? age.toMinutes() + "m" : age.toString();
    }
}
