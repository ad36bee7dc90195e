package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.system.BoundedText;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies a chunk's decisions in the chunk's transaction: moves each decided order out of
 * PENDING (unless something else moved it meanwhile, which the result then says) and records every
 * result with its evidence. A MATCHED order whose trade already pays another order (in the table or
 * earlier in this chunk) is left for review instead: one payment pays one order. The unique index on
 * {@code payment_order.paid_trade_no} (V16) holds the same rule against concurrent writers. Both happen or neither, and the reader's
 * position commits with them, so a restart never redoes a committed chunk.
 */
final class ReconciliationResultWriter implements ItemWriter<ReconciliationResult> {

    private static final String INSERT_RESULT = """
            INSERT INTO reconciliation_result (job_instance_id, job_execution_id, order_id, out_trade_no, trade_no,
              open_id, outcome, action, local_status, new_status, platform_status, local_amount, platform_amount,
              local_currency, platform_currency, platform_open_id, detail, evidence, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** The width of {@code reconciliation_result.detail}. */
    private static final int DETAIL_LIMIT = 1000;
    /** The width of {@code reconciliation_result.platform_open_id}; comparison uses the whole value. */
    private static final int OPEN_ID_LIMIT = 128;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long jobInstanceId;
    private final long jobExecutionId;

    ReconciliationResultWriter(JdbcTemplate jdbc, Clock clock, long jobInstanceId, long jobExecutionId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobInstanceId = jobInstanceId;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends ReconciliationResult> chunk) {
        // Times are stored as UTC wall-clock values; LocalDateTime passes them through every driver unshifted.
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        Map<Long, String> current = lockCurrentStatuses(chunk);
        Map<String, String> paidTrades = lockPaidTrades(chunk);
        Map<String, List<Long>> movedTo = new TreeMap<>();
        List<Object[]> results = new ArrayList<>();
        for (ReconciliationResult decided : chunk) {
            ReconciliationResult result = onePaymentOneOrder(decided, paidTrades);
            PendingOrder order = result.order();
            String status = current.get(order.id());
            Outcome outcome = result.outcome();
            String action = outcome.action().name();
            String newStatus = outcome.newStatus().name();
            String detail = result.detail();
            if (!OrderStatus.PENDING.name().equals(status)) {
                // Someone (an import, another run) moved the order while we asked: report, do not overwrite.
                action = Action.NONE.name();
                newStatus = status == null ? "DELETED" : status;
                detail = detail + "; not applied: the order was already " + newStatus;
            } else if (outcome.newStatus() != OrderStatus.PENDING) {
                movedTo.computeIfAbsent(newStatus, moved -> new ArrayList<>()).add(order.id());
            }
            results.add(resultRow(result, action, newStatus, detail, now));
        }
        movedTo.forEach((newStatus, ids) -> move(ids, newStatus, now));
        jdbc.batchUpdate(INSERT_RESULT, results);
    }

    /**
     * One statement per new status rather than one per order: with {@code rewriteBatchedStatements} MySQL's
     * driver sends a batch of updates as that many statements, each parsed on both sides.
     */
    private void move(List<Long> ids, String newStatus, LocalDateTime now) {
        List<Object> params = new ArrayList<>(ids.size() + 2);
        params.add(newStatus);
        params.add(now);
        params.addAll(ids);
        jdbc.update("UPDATE payment_order SET status = ?, updated_at = ? WHERE status = 'PENDING' AND id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", params.toArray());
    }

    /** The result, or a review when its trade already pays another order; records the trade as paying this one. */
    private static ReconciliationResult onePaymentOneOrder(ReconciliationResult result, Map<String, String> paidTrades) {
        PendingOrder order = result.order();
        if (result.outcome() != Outcome.MATCHED || !hasTradeNo(order)) {
            return result;
        }
        String payingOrder = paidTrades.putIfAbsent(order.tradeNo(), order.outTradeNo());
        if (payingOrder == null || payingOrder.equals(order.outTradeNo())) {
            return result;
        }
        OrderClassifier.Verdict review = OrderClassifier.tradeAlreadyPays(order, payingOrder);
        return new ReconciliationResult(order, review.outcome(), result.platform(), review.detail(), result.evidence());
    }

    /** The orders already PAID by the trades this chunk would mark paid (trade number to order), locked. */
    private Map<String, String> lockPaidTrades(Chunk<? extends ReconciliationResult> chunk) {
        List<String> trades = chunk.getItems().stream().filter(result -> result.outcome() == Outcome.MATCHED)
                .map(ReconciliationResult::order).filter(ReconciliationResultWriter::hasTradeNo).map(PendingOrder::tradeNo).distinct().toList();
        Map<String, String> paid = new HashMap<>();
        if (trades.isEmpty()) {
            return paid;
        }
        jdbc.query("SELECT paid_trade_no, out_trade_no FROM payment_order WHERE paid_trade_no IN ("
                        + String.join(", ", Collections.nCopies(trades.size(), "?")) + ") FOR UPDATE",
                rs -> {
                    paid.put(rs.getString("paid_trade_no"), rs.getString("out_trade_no"));
                }, trades.toArray());
        return paid;
    }

    /** An order known to MOS by its out_trade_no alone has no trade number to share. */
    private static boolean hasTradeNo(PendingOrder order) {
        return order.tradeNo() != null && !order.tradeNo().isEmpty();
    }

    /** The chunk's orders' statuses now, locked until the chunk commits. */
    private Map<Long, String> lockCurrentStatuses(Chunk<? extends ReconciliationResult> chunk) {
        List<Long> ids = chunk.getItems().stream().map(result -> result.order().id()).toList();
        Map<Long, String> statuses = new HashMap<>();
        jdbc.query("SELECT id, status FROM payment_order WHERE id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") FOR UPDATE",
                rs -> {
                    statuses.put(rs.getLong("id"), rs.getString("status"));
                }, ids.toArray());
        return statuses;
    }

    private Object[] resultRow(ReconciliationResult result, String action, String newStatus, String detail,
                               LocalDateTime now) {
        PendingOrder order = result.order();
        TradeDetail platform = result.platform();
        return new Object[] {jobInstanceId, jobExecutionId, order.id(), order.outTradeNo(), order.tradeNo(),
                order.openId(), result.outcome().name(), action, newStatus,
                platform == null ? null : platform.transactionStatus(), order.amount(),
                platform == null ? null : platform.amount(), order.currency(),
                platform == null ? null : platform.currency(),
                platform == null ? null : BoundedText.cap(platform.openId(), OPEN_ID_LIMIT),
                BoundedText.cap(detail, DETAIL_LIMIT), BoundedText.cap(result.evidence(), BoundedText.EVIDENCE), now};
    }
}
