package dev.superapp.batch.reconciliation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders still open after a run, from any business date: PENDING (no final answer yet) and REVIEW (a person
 * has to decide). They are what the {@code -open.csv} lists and what the open-age alert watches.
 */
@Repository
public class OpenOrders {

    static final List<String> OPEN_STATUSES = List.of(OrderStatus.PENDING.name(), OrderStatus.REVIEW.name());
    private static final int PAGE = 1000;

    /**
     * One open order with its latest decision.
     *
     * @param createdAt   when the order was created (stored as UTC)
     * @param lastOutcome the outcome of the latest run that decided it; null when no run has yet
     */
    public record OpenOrder(long id, String outTradeNo, String tradeNo, String openId, String status, long amount,
                            String currency, Instant createdAt, String lastOutcome) {
    }

    /** The oldest open order's creation, and how many are older than a cut-off. */
    public record Aged(long orders, Instant oldest) {
    }

    private final JdbcClient jdbc;

    OpenOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open order by id, a page at a time so memory stays flat. */
    void forEach(Consumer<OpenOrder> consumer) {
        long after = 0;
        while (true) {
            List<OpenOrder> page = jdbc.sql("""
                            SELECT o.id, o.out_trade_no, o.trade_no, o.open_id, o.status, o.amount, o.currency, o.created_at,
                                   (SELECT r.outcome FROM reconciliation_result r WHERE r.order_id = o.id
                                    ORDER BY r.id DESC LIMIT 1) AS last_outcome
                            FROM payment_order o WHERE o.status IN (:statuses) AND o.id > :after ORDER BY o.id LIMIT :limit""")
                    .param("statuses", OPEN_STATUSES)
                    .param("after", after)
                    .param("limit", PAGE)
                    .query((rs, row) -> new OpenOrder(rs.getLong("id"), rs.getString("out_trade_no"),
                            rs.getString("trade_no"), rs.getString("open_id"), rs.getString("status"), rs.getLong("amount"),
                            rs.getString("currency"), utc(rs.getObject("created_at", LocalDateTime.class)),
                            rs.getString("last_outcome")))
                    .list();
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** The open orders created before {@code cutoff}. */
    public Aged createdBefore(Instant cutoff) {
        return jdbc.sql("SELECT COUNT(*) AS orders, MIN(created_at) AS oldest FROM payment_order"
                        + " WHERE status IN (:statuses) AND created_at < :cutoff")
                .param("statuses", OPEN_STATUSES)
                .param("cutoff", LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query((rs, row) -> {
                    LocalDateTime oldest = rs.getObject("oldest", LocalDateTime.class);
                    return new Aged(rs.getLong("orders"), oldest == null ? null : utc(oldest));
                })
                .single();
    }

    /** Times are stored as UTC wall-clock values (see {@link ReconciliationResultWriter}). */
    private static Instant utc(LocalDateTime stored) {
        return stored.toInstant(ZoneOffset.UTC);
    }
}
