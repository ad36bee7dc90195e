package dev.superapp.batch.reconciliation;

import dev.superapp.batch.system.BoundedText;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only trail of {@code order_audit}: every resolution and every forced import, with who, when,
 * the status before and after, the reason and the platform's answer at that moment. This class is the only
 * code that touches the table and it only inserts and reads; no row is ever updated or deleted
 * ({@code OrderAuditIsAppendOnlyTest} checks that no statement of the code or migrations could). A caller records an entry in the
 * same transaction as the change it describes, so there is never a change without its entry.
 */
@Repository
public class OrderAudit {

    private static final String INSERT = """
            INSERT INTO order_audit (order_id, out_trade_no, change_kind, resolution, actor, changed_at, status_before,
              status_after, values_before, values_after, reason, outcome, detail, platform_answer)
            VALUES (:orderId, :outTradeNo, :kind, :resolution, :actor, :changedAt, :statusBefore, :statusAfter,
              :valuesBefore, :valuesAfter, :reason, :outcome, :detail, :platformAnswer)""";
    private static final int TEXT_LIMIT = 1000;

    private final JdbcClient jdbc;

    OrderAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends {@code entry}; its {@code id} is ignored (the database numbers entries). */
    public void record(AuditEntry entry) {
        jdbc.sql(INSERT)
                .param("orderId", entry.orderId())
                .param("outTradeNo", entry.outTradeNo())
                .param("kind", entry.kind())
                .param("resolution", entry.resolution())
                .param("actor", BoundedText.cap(entry.actor(), 160))
                .param("changedAt", entry.changedAt())
                .param("statusBefore", entry.statusBefore())
                .param("statusAfter", entry.statusAfter())
                .param("valuesBefore", BoundedText.cap(entry.valuesBefore(), TEXT_LIMIT))
                .param("valuesAfter", BoundedText.cap(entry.valuesAfter(), TEXT_LIMIT))
                .param("reason", BoundedText.cap(entry.reason(), TEXT_LIMIT))
                .param("outcome", entry.outcome())
                .param("detail", BoundedText.cap(entry.detail(), TEXT_LIMIT))
                .param("platformAnswer", BoundedText.cap(entry.platformAnswer(), BoundedText.EVIDENCE))
                .update();
    }

    /** An order's entries, oldest first. */
    public List<AuditEntry> of(long orderId) {
        return jdbc.sql("""
                        SELECT id, order_id, out_trade_no, change_kind AS kind, resolution, actor, changed_at, status_before,
                          status_after, values_before, values_after, reason, outcome, detail, platform_answer
                        FROM order_audit WHERE order_id = ? ORDER BY id""")
                .param(orderId)
                .query(AuditEntry.class)
                .list();
    }
}
