package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.system.BoundedText;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies a chunk's decisions in the chunk's transaction: moves each decided order out of
 * PENDING and records every result with its evidence. Both happen or neither, and the reader's
 * position commits with them, so a restart never redoes a committed chunk.
 */
final class ReconciliationResultWriter implements ItemWriter<ReconciliationResult> {

    private static final String UPDATE_ORDER = """
            UPDATE payment_order SET status = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'""";
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
        List<Object[]> orderUpdates = new ArrayList<>();
        List<Object[]> results = new ArrayList<>();
        for (ReconciliationResult result : chunk) {
            PendingOrder order = result.order();
            if (result.outcome().newStatus() != OrderStatus.PENDING) {
                orderUpdates.add(new Object[] {result.outcome().newStatus().name(), now, order.id()});
            }
            TradeDetail platform = result.platform();
            results.add(new Object[] {jobInstanceId, jobExecutionId, order.id(), order.outTradeNo(), order.tradeNo(),
                    order.openId(), result.outcome().name(), result.outcome().action().name(),
                    result.outcome().newStatus().name(),
                    platform == null ? null : platform.transactionStatus(), order.amount(),
                    platform == null ? null : platform.amount(), order.currency(),
                    platform == null ? null : platform.currency(), platform == null ? null : BoundedText.cap(platform.openId(), OPEN_ID_LIMIT),
                    BoundedText.cap(result.detail(), DETAIL_LIMIT), BoundedText.cap(result.evidence(), BoundedText.EVIDENCE),
                    now});
        }
        if (!orderUpdates.isEmpty()) {
            jdbc.batchUpdate(UPDATE_ORDER, orderUpdates);
        }
        jdbc.batchUpdate(INSERT_RESULT, results);
    }
}
