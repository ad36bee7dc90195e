package dev.superapp.batch.reconciliation.review;

import dev.superapp.batch.reconciliation.AuditEntry;
import dev.superapp.batch.reconciliation.OrderAudit;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Everything that happened to one order, for its page: the order as stored, every run's decision with the
 * platform answers that decided it, and every resolution or forced import from the audit trail.
 */
@Repository
public class OrderHistory {

    /** The order as {@code payment_order} holds it now; times UTC. */
    public record StoredOrder(long id, String outTradeNo, String tradeNo, String openId, long amount, String currency,
                              String status, LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    /** One run's decision about the order, from {@code reconciliation_result}. */
    public record Decision(long id, long jobExecutionId, String outcome, String action, String localStatus,
                           String newStatus, Integer platformStatus, long localAmount, Long platformAmount,
                           String localCurrency, String platformCurrency, String detail, String evidence,
                           LocalDateTime decidedAt) {
    }

    /** The order with its decisions and audit entries, each oldest first. */
    public record History(StoredOrder order, List<Decision> decisions, List<AuditEntry> audit) {
    }

    private final JdbcClient jdbc;
    private final OrderAudit audit;

    OrderHistory(JdbcClient jdbc, OrderAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<History> of(long orderId) {
        return jdbc.sql("SELECT id, out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at"
                        + " FROM payment_order WHERE id = ?")
                .param(orderId)
                .query(StoredOrder.class)
                .optional()
                .map(order -> new History(order, decisions(orderId), audit.of(orderId)));
    }

    /** The id of the order with this number, for links that name it. */
    public Optional<Long> idOf(String outTradeNo) {
        return jdbc.sql("SELECT id FROM payment_order WHERE out_trade_no = ?").param(outTradeNo).query(Long.class).optional();
    }

    private List<Decision> decisions(long orderId) {
        return jdbc.sql("""
                        SELECT id, job_execution_id, outcome, action, local_status, new_status, platform_status,
                          local_amount, platform_amount, local_currency, platform_currency, detail, evidence, decided_at
                        FROM reconciliation_result WHERE order_id = ? ORDER BY id""")
                .param(orderId)
                .query(Decision.class)
                .list();
    }
}
