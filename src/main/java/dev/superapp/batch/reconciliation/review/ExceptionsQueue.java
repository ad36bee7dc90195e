package dev.superapp.batch.reconciliation.review;

import dev.superapp.batch.reconciliation.Outcome;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finance's exceptions queue: every order that needs a person, across all runs. An order is open when it is
 * REVIEW, or PENDING and its latest decision (a run's {@code reconciliation_result}, or a re-check recorded in
 * {@code order_audit}) is ERROR, or STILL_PROCESSING for an order created more than a day ago. This query is the
 * one definition of "open": the page lists with it and a resolution checks with it.
 */
@Repository
public class ExceptionsQueue {

    /** The outcomes an open order's latest decision can have, for the filter. */
    public static final List<Outcome> OPEN_OUTCOMES = List.of(Outcome.AMOUNT_MISMATCH, Outcome.CURRENCY_MISMATCH,
            Outcome.OPENID_MISMATCH, Outcome.MISSING_ON_PLATFORM, Outcome.NO_TRADE_NO, Outcome.ERROR,
            Outcome.STILL_PROCESSING);

    private static final String OPEN_ORDERS = """
            WITH decisions AS (
              SELECT r.order_id, r.outcome, r.detail, r.decided_at, 0 AS src, r.id AS seq
              FROM reconciliation_result r JOIN payment_order p ON p.id = r.order_id
              WHERE p.status IN ('PENDING', 'REVIEW')
              UNION ALL
              SELECT a.order_id, a.outcome, a.detail, a.changed_at, 1, a.id
              FROM order_audit a JOIN payment_order p ON p.id = a.order_id
              WHERE a.outcome IS NOT NULL AND p.status IN ('PENDING', 'REVIEW')
            ), latest AS (
              SELECT d.order_id, d.outcome, d.detail, d.decided_at,
                ROW_NUMBER() OVER (PARTITION BY d.order_id ORDER BY d.decided_at DESC, d.src DESC, d.seq DESC) AS rn
              FROM decisions d
            )
            SELECT o.id, o.out_trade_no, o.trade_no, o.open_id, o.amount, o.currency, o.status, o.created_at,
              l.outcome AS last_outcome, l.detail AS last_detail, l.decided_at
            FROM payment_order o LEFT JOIN latest l ON l.order_id = o.id AND l.rn = 1
            WHERE o.status IN ('PENDING', 'REVIEW')
              AND (o.status = 'REVIEW' OR l.outcome = 'ERROR' OR (l.outcome = 'STILL_PROCESSING' AND o.created_at < :dayAgo))
              AND (:outcome = '' OR l.outcome = :outcome)
              AND (:currency = '' OR o.currency = :currency)
              AND o.created_at <= :createdBy
              AND (:order = '' OR o.out_trade_no = :order)
            ORDER BY o.created_at, o.id
            LIMIT :limit""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ExceptionsQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Up to {@code limit} open orders passing the filter, oldest first. */
    public List<OpenOrder> list(QueueFilter filter, int limit) {
        return query(filter, "", limit);
    }

    /** The order if it is open now. */
    public Optional<OpenOrder> find(String outTradeNo) {
        return query(QueueFilter.ALL, outTradeNo, 1).stream().findFirst();
    }

    /** Now in UTC, as the stored times are; ages are counted from it. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private List<OpenOrder> query(QueueFilter filter, String outTradeNo, int limit) {
        LocalDateTime now = now();
        return jdbc.sql(OPEN_ORDERS)
                .param("dayAgo", now.minusDays(1))
                .param("outcome", filter.outcome())
                .param("currency", filter.currency())
                .param("createdBy", now.minusDays(filter.minAgeDays()))
                .param("order", outTradeNo)
                .param("limit", limit)
                .query(OpenOrder.class)
                .list();
    }
}
