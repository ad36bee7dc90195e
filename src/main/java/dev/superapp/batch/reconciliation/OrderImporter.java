package dev.superapp.batch.reconciliation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores validated orders in {@code payment_order}, all or none, in one transaction: new orders are
 * inserted, orders still PENDING take the file's values, and settled orders are refused with their line
 * numbers unless forced (see {@link ImportPlan}); every forced change is recorded in {@link OrderAudit}
 * with who ran the import. The stored orders of the file are locked while the plan is made, so nothing
 * settles them in between. Plain inserts and updates, not {@code ON DUPLICATE KEY UPDATE}: with the
 * unique PAID-trade index (V16) a clash there would update another order's row. Times are stored as UTC.
 */
@Component
public class OrderImporter {

    /** How many orders go into one JDBC batch and one key lookup. */
    private static final int CHUNK = 1000;

    private static final String INSERT = """
            INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
            VALUES (:outTradeNo, :tradeNo, :openId, :amount, :currency, :status, :createdAt, :updatedAt)""";
    private static final String UPDATE = """
            UPDATE payment_order SET trade_no = :tradeNo, open_id = :openId, amount = :amount, currency = :currency,
              status = :status, created_at = :createdAt, updated_at = :updatedAt WHERE out_trade_no = :outTradeNo""";

    /** What an import did; {@code updated} counts the file's orders that were already stored, changed or not. */
    public record Result(int inserted, int updated, int forced) {

        public Result(int inserted, int updated) {
            this(inserted, updated, 0);
        }

        public int total() {
            return inserted + updated;
        }
    }

    /**
     * How to import.
     *
     * @param source names the file in refusals
     * @param force  let changes to settled orders through (each one recorded)
     * @param actor  who runs the import, for the audit trail: {@code os:<user>}
     */
    public record Options(String source, boolean force, String actor) {

        /** By the operating-system user running this process. */
        public static Options byThisUser(String source, boolean force) {
            return new Options(source, force, "os:" + System.getProperty("user.name"));
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OrderAudit audit;
    private final Clock clock;

    public OrderImporter(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                         OrderAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.clock = clock;
    }

    public Result importOrders(List<OrderRow> orders) {
        return importOrders(orders, Options.byThisUser("orders", false));
    }

    /** @throws dev.superapp.batch.system.UserInputException naming every refused row; nothing is stored then */
    public Result importOrders(List<OrderRow> orders, Options options) {
        return transaction.execute(status -> {
            ImportPlan plan = ImportPlan.of(options.source(), orders, lockExisting(orders), tradeHolders(orders),
                    options.force());
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
            write(INSERT, plan.inserts, now);
            write(UPDATE, plan.updates, now);
            plan.forced.forEach(change -> audit.record(new AuditEntry(0, change.before().id(), change.row().outTradeNo(),
                    AuditEntry.IMPORT, null, options.actor(), now, change.before().status(), change.row().status().name(),
                    change.changes().before(), change.changes().after(), "import-orders --force " + options.source(),
                    null, "line " + change.row().line() + " of " + options.source(), null)));
            return new Result(plan.inserts.size(), orders.size() - plan.inserts.size(), plan.forced.size());
        });
    }

    private void write(String sql, List<OrderRow> rows, LocalDateTime now) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(from + CHUNK, rows.size())).stream()
                    .map(order -> parameters(order, now)).toArray(SqlParameterSource[]::new));
        }
    }

    private Map<String, ExistingOrder> lockExisting(List<OrderRow> orders) {
        Map<String, ExistingOrder> existing = new HashMap<>();
        for (List<String> keys : chunks(orders.stream().map(OrderRow::outTradeNo).toList())) {
            jdbc.query("SELECT id, out_trade_no, trade_no, open_id, amount, currency, status, created_at"
                            + " FROM payment_order WHERE out_trade_no IN (:keys) FOR UPDATE", Map.of("keys", keys),
                    new DataClassRowMapper<>(ExistingOrder.class))
                    .forEach(order -> existing.put(order.outTradeNo(), order));
        }
        return existing;
    }

    /** For every trade number of the file, the stored orders carrying it (V17's index finds them). */
    private Map<String, Set<String>> tradeHolders(List<OrderRow> orders) {
        Map<String, Set<String>> holders = new HashMap<>();
        List<String> trades = orders.stream().map(OrderRow::tradeNo).filter(trade -> trade != null).distinct().toList();
        for (List<String> keys : chunks(trades)) {
            jdbc.query("SELECT trade_no, out_trade_no FROM payment_order WHERE trade_no IN (:keys)", Map.of("keys", keys),
                    rs -> {
                        holders.computeIfAbsent(rs.getString("trade_no"), any -> new HashSet<>()).add(rs.getString("out_trade_no"));
                    });
        }
        return holders;
    }

    private static List<List<String>> chunks(List<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            chunks.add(keys.subList(from, Math.min(from + CHUNK, keys.size())));
        }
        return chunks;
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
