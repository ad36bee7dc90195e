package dev.superapp.batch.reconciliation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads back what a run recorded in {@code reconciliation_result}. */
@Repository
public class ReconciliationResults {

    private static final int PAGE = 1000;

    private final JdbcClient jdbc;

    ReconciliationResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts per outcome, and sums per outcome and currency, over every execution of one job instance (a
     * restarted run included). Local amounts are summed by local currency, platform amounts by the platform's.
     */
    public ReconciliationSummary summary(long jobInstanceId) {
        Map<Outcome, Map<String, Sums>> byOutcome = new EnumMap<>(Outcome.class);
        jdbc.sql("""
                        SELECT outcome, local_currency AS currency, COUNT(*) AS orders, SUM(local_amount) AS amount
                        FROM reconciliation_result WHERE job_instance_id = ? GROUP BY outcome, local_currency""")
                .param(jobInstanceId)
                .query(rs -> {
                    Sums sums = sums(byOutcome, rs.getString("outcome"), rs.getString("currency"));
                    sums.orders += rs.getLong("orders");
                    sums.local += rs.getLong("amount");
                });
        jdbc.sql("""
                        SELECT outcome, platform_currency AS currency, SUM(platform_amount) AS amount
                        FROM reconciliation_result
                        WHERE job_instance_id = ? AND platform_amount IS NOT NULL AND platform_currency IS NOT NULL
                        GROUP BY outcome, platform_currency""")
                .param(jobInstanceId)
                .query(rs -> {
                    sums(byOutcome, rs.getString("outcome"), rs.getString("currency")).platform += rs.getLong("amount");
                });
        List<ReconciliationSummary.Line> lines = new ArrayList<>();
        List<ReconciliationSummary.CurrencyLine> currencyLines = new ArrayList<>();
        byOutcome.forEach((outcome, currencies) -> {
            lines.add(new ReconciliationSummary.Line(outcome, currencies.values().stream().mapToLong(s -> s.orders).sum()));
            currencies.forEach((currency, s) -> currencyLines.add(
                    new ReconciliationSummary.CurrencyLine(outcome, currency, s.orders, s.local, s.platform)));
        });
        return new ReconciliationSummary(lines, currencyLines);
    }

    /** Running sums of one outcome in one currency while the two queries are merged. */
    private static final class Sums {
        long orders;
        long local;
        long platform;
    }

    private static Sums sums(Map<Outcome, Map<String, Sums>> byOutcome, String outcome, String currency) {
        return byOutcome.computeIfAbsent(Outcome.valueOf(outcome), o -> new TreeMap<>())
                .computeIfAbsent(currency, c -> new Sums());
    }

    /** Every result row of one job instance in the order decided, a page at a time so memory stays flat. */
    void forEachRow(long jobInstanceId, Consumer<ReportRow> consumer) {
        long after = 0;
        while (true) {
            List<ReportRow> page = jdbc.sql("""
                            SELECT id, out_trade_no, trade_no, open_id, outcome, action, new_status, platform_status,
                                   local_amount, platform_amount, local_currency, platform_currency, detail
                            FROM reconciliation_result WHERE job_instance_id = ? AND id > ? ORDER BY id LIMIT ?""")
                    .params(jobInstanceId, after, PAGE)
                    .query((rs, row) -> new ReportRow(rs.getLong("id"), rs.getString("out_trade_no"),
                            rs.getString("trade_no"), rs.getString("open_id"), rs.getString("outcome"),
                            rs.getString("action"), rs.getString("new_status"), rs.getObject("platform_status", Integer.class),
                            rs.getObject("local_amount", Long.class), rs.getObject("platform_amount", Long.class),
                            rs.getString("local_currency"), rs.getString("platform_currency"), rs.getString("detail")))
                    .list();
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** One line of the reconciliation report, in the report's column order after {@code id}. */
    record ReportRow(long id, String outTradeNo, String tradeNo, String openId, String outcome, String action,
                     String localStatus, Integer platformStatus, Long localAmount, Long platformAmount,
                     String localCurrency, String platformCurrency, String detail) {

        Object[] cells() {
            return new Object[] {outTradeNo, tradeNo, openId, outcome, action, localStatus, platformStatus,
                    localAmount, platformAmount, localCurrency, platformCurrency, detail};
        }
    }
}
