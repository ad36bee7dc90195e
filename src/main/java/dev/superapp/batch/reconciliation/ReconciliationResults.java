package dev.superapp.batch.reconciliation;

import java.util.Comparator;
import java.util.List;
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

    /** Counts and sums per outcome over every execution of one job instance (a restarted run included). */
    public ReconciliationSummary summary(long jobInstanceId) {
        List<ReconciliationSummary.Line> lines = jdbc.sql("""
                        SELECT outcome, COUNT(*) AS orders, SUM(local_amount) AS local_amount,
                               COALESCE(SUM(platform_amount), 0) AS platform_amount
                        FROM reconciliation_result WHERE job_instance_id = ? GROUP BY outcome""")
                .param(jobInstanceId)
                .query((rs, row) -> new ReconciliationSummary.Line(Outcome.valueOf(rs.getString("outcome")),
                        rs.getLong("orders"), rs.getLong("local_amount"), rs.getLong("platform_amount")))
                .list();
        return new ReconciliationSummary(lines.stream()
                .sorted(Comparator.comparing(ReconciliationSummary.Line::outcome)).toList());
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
                            rs.getString("action"), rs.getString("new_status"), rs.getString("platform_status"),
                            rs.getString("local_amount"), rs.getString("platform_amount"),
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
                     String localStatus, String platformStatus, String localAmount, String platformAmount,
                     String localCurrency, String platformCurrency, String detail) {

        String[] cells() {
            return new String[] {outTradeNo, tradeNo, openId, outcome, action, localStatus, platformStatus,
                    localAmount, platformAmount, localCurrency, platformCurrency, detail};
        }
    }
}
