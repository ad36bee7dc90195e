package dev.superapp.batch.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Stores a run's alerts and delivers them to every configured receiver. A receiver that fails is logged and
 * recorded, never thrown: an alert that cannot be delivered must not fail the run it is about.
 */
@Service
@EnableConfigurationProperties(AlertProperties.class)
public class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final AlertProperties properties;
    private final AlertStore store;
    private final AlertWebhook webhook;
    private final AlertMail mail;

    AlertNotifier(AlertProperties properties, AlertStore store, AlertWebhook webhook, AlertMail mail) {
        this.properties = properties;
        this.store = store;
        this.webhook = webhook;
        this.mail = mail;
    }

    /** @return the delivery attempts, none when there are no alerts or no receivers */
    public List<AlertDelivery> raise(AlertMessage message) {
        store.saveAlerts(message.executionId(), message.alerts());
        if (message.alerts().isEmpty()) {
            return List.of();
        }
        log.warn("{}", message.text());
        List<AlertDelivery> deliveries = new ArrayList<>();
        if (properties.webhookUrl() != null) {
            deliveries.add(safely("webhook", () -> webhook.post(properties.webhookUrl(), message)));
        }
        if (!properties.mailTo().isEmpty()) {
            deliveries.add(safely("mail", () -> mail.send(properties.mailFrom(), properties.mailTo(), message)));
        }
        deliveries.forEach(delivery -> {
            store.saveDelivery(message.executionId(), delivery);
            if (!delivery.delivered()) {
                log.warn("alerts of execution {} not delivered by {}: {}", message.executionId(), delivery.channel(),
                        delivery.detail());
            }
        });
        return deliveries;
    }

    private static AlertDelivery safely(String channel, Supplier<AlertDelivery> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            return new AlertDelivery(channel, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
