package dev.superapp.batch.reconciliation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores validated orders in {@code payment_order}, all or none: one transaction, batched
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} keyed by {@code out_trade_no} (MySQL, MariaDB and
 * H2 in MySQL mode all run it). An existing order takes every value from the file, status
 * included. Times are stored as UTC.
 */
@Component
public class OrderImporter {

    /** How many orders go into one JDBC batch and one key lookup. */
    private static final int CHUNK = 1000;

    private static final String UPSERT = """
            INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
            VALUES (:outTradeNo, :tradeNo, :openId, :amount, :currency, :status, :createdAt, :updatedAt)
            ON DUPLICATE KEY UPDATE trade_no = VALUES(trade_no), open_id = VALUES(open_id), amount = VALUES(amount),
                currency = VALUES(currency), status = VALUES(status), created_at = VALUES(created_at),
                updated_at = VALUES(updated_at)""";

    /** What an import did. */
    public record Result(int inserted, int updated) {

        public int total() {
            return inserted + updated;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public OrderImporter(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public Result importOrders(List<OrderRow> orders) {
        return transaction.execute(status -> upsert(orders, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)));
    }

    /**
     * Counts come from looking the keys up first: the affected-row counts of a batched upsert
     * (1 new, 2 changed, 0 unchanged) do not survive the MySQL driver's batch rewriting.
     */
    private Result upsert(List<OrderRow> orders, LocalDateTime now) {
        int existing = 0;
        for (int from = 0; from < orders.size(); from += CHUNK) {
            List<OrderRow> chunk = orders.subList(from, Math.min(from + CHUNK, orders.size()));
            existing += existingKeys(chunk).size();
            jdbc.batchUpdate(UPSERT, chunk.stream().map(order -> parameters(order, now)).toArray(SqlParameterSource[]::new));
        }
        return new Result(orders.size() - existing, existing);
    }

    private Set<String> existingKeys(List<OrderRow> chunk) {
        List<String> keys = chunk.stream().map(OrderRow::outTradeNo).toList();
        return new HashSet<>(jdbc.queryForList("SELECT out_trade_no FROM payment_order WHERE out_trade_no IN (:keys)",
                Map.of("keys", keys), String.class));
    }

    private static SqlParameterSource parameters(OrderRow order, LocalDateTime now) {
        return new MapSqlParameterSource()
                .addValue("outTradeNo", order.outTradeNo())
                .addValue("tradeNo", order.tradeNo())
                .addValue("openId", order.openId())
                .addValue("amount", order.amount())
                .addValue("currency", order.currency())
                .addValue("status", order.status().name())
                .addValue("createdAt", LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC))
                .addValue("updatedAt", now);
    }
}
