package dev.superapp.batch.reconciliation;

import static dev.superapp.batch.report.ReportColumn.dateTime;
import static dev.superapp.batch.report.ReportColumn.integer;
import static dev.superapp.batch.report.ReportColumn.money;
import static dev.superapp.batch.report.ReportColumn.text;

import dev.superapp.batch.report.ReportColumn;
import dev.superapp.batch.report.ReportTable;
import dev.superapp.batch.report.ReportTable.Written;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The three tables a run writes, each as CSV and XLSX: the report (one row per order read), the summary (per
 * outcome and currency, a total per currency) and the orders still open after the run. Column names are
 * DESIGN.md's; amounts are minor units in the CSV and major units in the spreadsheet.
 */
final class ReconciliationTables {

    static final List<ReportColumn> REPORT = List.of(text("out_trade_no"), text("trade_no"), text("open_id"),
            text("outcome"), text("action"), text("local_status"), integer("platform_status"),
            money("local_amount", "local_currency"), money("platform_amount", "platform_currency"),
            text("local_currency"), text("platform_currency"), text("detail"));
    static final List<ReportColumn> SUMMARY = List.of(text("outcome"), text("currency"), integer("orders"),
            money("local_amount", "currency"), money("platform_amount", "currency"));
    static final List<ReportColumn> OPEN = List.of(text("out_trade_no"), text("trade_no"), text("open_id"),
            text("status"), money("amount", "currency"), text("currency"), dateTime("created_at"),
            integer("age_days"), text("last_outcome"));
    /** The summary's total rows name no outcome: they add up every outcome of one currency. */
    static final String TOTAL = "TOTAL";

    private final ReconciliationResults results;
    private final OpenOrders openOrders;
    private final Path dir;

    ReconciliationTables(ReconciliationResults results, OpenOrders openOrders, Path dir) {
        this.results = results;
        this.openOrders = openOrders;
        this.dir = dir;
    }

    Written report(String baseName, long jobInstanceId) {
        try (ReportTable table = ReportTable.create(dir, baseName, REPORT)) {
            results.forEachRow(jobInstanceId, row -> table.row(row.cells()));
            return table.complete();
        }
    }

    Written summary(String baseName, ReconciliationSummary summary) {
        try (ReportTable table = ReportTable.create(dir, baseName, SUMMARY)) {
            summary.currencyLines().forEach(line -> table.row(line.outcome().name(), line.currency(), line.orders(),
                    line.localAmount(), line.platformAmount()));
            summary.totals().forEach(total -> table.row(TOTAL, total.currency(), total.orders(), total.localAmount(),
                    total.platformAmount()));
            return table.complete();
        }
    }

    /** @param now the age of every order is counted up to this time, in whole days */
    Written open(String baseName, Instant now) {
        try (ReportTable table = ReportTable.create(dir, baseName, OPEN)) {
            openOrders.forEach(order -> table.row(order.outTradeNo(), order.tradeNo(), order.openId(), order.status(),
                    order.amount(), order.currency(), order.createdAt(),
                    Math.max(0, Duration.between(order.createdAt(), now).toDays()), order.lastOutcome()));
            return table.complete();
        }
    }
}
