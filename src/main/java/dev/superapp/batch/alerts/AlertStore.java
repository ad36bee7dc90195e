package dev.superapp.batch.alerts;

import dev.superapp.batch.system.BoundedText;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts each job execution raised and what became of their delivery ({@code alert}, {@code alert_delivery}). */
@Repository
public class AlertStore {

    /** The width of the {@code message} and {@code detail} columns. */
    private static final int TEXT_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void saveAlerts(long executionId, List<Alert> alerts) {
        alerts.forEach(alert -> jdbc.sql("""
                        INSERT INTO alert (job_execution_id, rule_name, message, raised_at) VALUES (?, ?, ?, ?)""")
                .params(executionId, alert.rule(), BoundedText.cap(alert.message(), TEXT_LIMIT), now())
                .update());
    }

    public void saveDelivery(long executionId, AlertDelivery delivery) {
        jdbc.sql("""
                        INSERT INTO alert_delivery (job_execution_id, channel, delivered, detail, attempted_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(executionId, delivery.channel(), delivery.delivered(),
                        BoundedText.cap(delivery.detail(), TEXT_LIMIT), now())
                .update();
    }

    /** In the order raised. */
    public List<Alert> alerts(long executionId) {
        return jdbc.sql("SELECT rule_name AS rule, message FROM alert WHERE job_execution_id = ? ORDER BY id")
                .param(executionId).query(Alert.class).list();
    }

    /** In the order attempted. */
    public List<AlertDelivery> deliveries(long executionId) {
        return jdbc.sql("SELECT channel, delivered, detail FROM alert_delivery WHERE job_execution_id = ? ORDER BY id")
                .param(executionId).query(AlertDelivery.class).list();
    }

    /** Stored as UTC wall-clock values, like every other time here. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
