package dev.superapp.batch.alerts;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails a run's alerts to {@code alerts.mail-to} through Spring Boot's mail support, which exists only when
 * {@code spring.mail.host} is set: without it the attempt is recorded as failed, saying so.
 */
@Component
class AlertMail {

    private final ObjectProvider<JavaMailSender> sender;

    AlertMail(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
    }

    AlertDelivery send(String from, List<String> to, AlertMessage message) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return new AlertDelivery("mail", false, "alerts.mail-to is set but spring.mail.host is not");
        }
        SimpleMailMessage letter = new SimpleMailMessage();
        letter.setFrom(from);
        letter.setTo(to.toArray(String[]::new));
        letter.setSubject("[superapp-batch] " + message.job() + " " + message.businessDate() + " run "
                + message.executionId() + ": " + message.alerts().size()
                + (message.alerts().size() == 1 ? " alert" : " alerts"));
        StringBuilder body = new StringBuilder(message.text()).append("\n\n");
        message.alerts().forEach(alert -> body.append("- ").append(alert.rule()).append(": ")
                .append(alert.message()).append('\n'));
        letter.setText(body.toString());
        try {
            mail.send(letter);
            return new AlertDelivery("mail", true, "sent to " + String.join(", ", to));
        } catch (MailException e) {
            return new AlertDelivery("mail", false, "cannot send to " + String.join(", ", to) + ": " + e.getMessage());
        }
    }
}
