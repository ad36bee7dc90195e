package dev.superapp.batch.alerts;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a reconciliation run raises alerts, and where they go. Both receivers are optional; without either, alerts
 * are still stored, printed by {@code reconcile} and shown on the run's page.
 *
 * @param webhookUrl    receives a JSON POST ({@link AlertMessage}); unset: no webhook
 * @param mailTo        receive a mail through Spring Boot's mail support ({@code spring.mail.host} ...); empty: no mail
 * @param mailFrom      the sender of that mail
 * @param maxMismatches amount, currency and openId mismatches a run may have without an alert
 * @param maxErrorRate  share of a run's orders that may end ERROR without an alert, e.g. {@code 1%} or {@code 0.5%}
 * @param maxOpenAge    an order still open (PENDING or REVIEW) for longer raises an alert
 */
@ConfigurationProperties("alerts")
public record AlertProperties(URI webhookUrl, List<String> mailTo,
                              @DefaultValue("superapp-batch@localhost") String mailFrom,
                              @DefaultValue("0") int maxMismatches,
                              @DefaultValue("1%") String maxErrorRate,
                              @DefaultValue("3d") Duration maxOpenAge) {

    public AlertProperties {
        mailTo = mailTo == null ? List.of() : mailTo.stream().map(String::trim).filter(to -> !to.isEmpty()).toList();
        if (maxMismatches < 0) {
            throw new IllegalArgumentException("alerts.max-mismatches must not be negative, was " + maxMismatches);
        }
        if (maxOpenAge.isNegative()) {
            throw new IllegalArgumentException("alerts.max-open-age must not be negative, was " + maxOpenAge);
        }
        errorRate(maxErrorRate);
    }

    /** {@link #maxErrorRate} as a fraction: {@code 1%} is 0.01. */
    public BigDecimal errorRateLimit() {
        return errorRate(maxErrorRate);
    }

    private static BigDecimal errorRate(String text) {
        String percent = text.trim();
        try {
            BigDecimal rate = new BigDecimal(percent.endsWith("%") ? percent.substring(0, percent.length() - 1).trim()
                    : percent).movePointLeft(2);
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("alerts.max-error-rate must be a percentage from 0% to 100%, was " + text);
        }
    }
}
