package dev.superapp.batch.reconciliation.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test orders and decisions written straight into the tables, as the job and imports leave them. */
record OrderBook(JdbcClient jdbc, String prefix) {

    long order(String name, String status, String currency, Duration age) {
        LocalDateTime createdAt = LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                        VALUES (?, ?, 'open-a', 130100, ?, ?, ?, ?)""")
                .params(prefix + name, prefix + name, currency, status, createdAt, createdAt)
                .update();
        return id(name);
    }

    void decided(String name, String outcome, Duration ago) {
        LocalDateTime at = LocalDateTime.ofInstant(Instant.now().minus(ago), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO reconciliation_result (job_instance_id, job_execution_id, order_id, out_trade_no, trade_no,
                          open_id, outcome, action, local_status, new_status, platform_status, local_amount, platform_amount,
                          local_currency, platform_currency, platform_open_id, detail, evidence, decided_at)
                        SELECT 1, 1, id, out_trade_no, trade_no, open_id, ?, 'NONE', 'PENDING', status, 2, amount, 130000,
                          currency, currency, open_id, ?, ?, ? FROM payment_order WHERE out_trade_no = ?""")
                .params(outcome, "decided " + outcome,
                        "tradedetail @ 2026-11-25T02:30:01Z: {\"responseHeader\":{\"status\":200},\"response\":{\"transactionStatus\":2}}",
                        at, prefix + name)
                .update();
    }

    long id(String name) {
        return jdbc.sql("SELECT id FROM payment_order WHERE out_trade_no = ?").param(prefix + name).query(Long.class).single();
    }

    String status(String name) {
        return jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = ?").param(prefix + name)
                .query(String.class).single();
    }
}
