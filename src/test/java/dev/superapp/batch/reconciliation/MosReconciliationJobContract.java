package dev.superapp.batch.reconciliation;

import static dev.superapp.batch.reconciliation.ReconciliationJobContract.reportByOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code reconciliationJob} with {@code reconciliation.platform=mos}: the same job and report, the
 * orders asked about by {@code outTradeNo} through the sandbox's MOS endpoints.
 */
@SpringBootTest(properties = {"reconciliation.platform=mos", "reconciliation.poll-interval=20ms",
        "reconciliation.chunk-size=4"})
abstract class MosReconciliationJobContract {

    static final Duration STALE = Duration.ofHours(2);

    @TempDir
    static Path reportsDir;

    @Autowired ReconciliationLauncher launcher;
    @Autowired JdbcClient jdbc;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "M" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeEach
    void startFromAnEmptyBookAndAnAnsweringPlatform() {
        sandbox.clearQueuedFaults();
        jdbc.sql("DELETE FROM reconciliation_result").update();
        jdbc.sql("DELETE FROM payment_order").update();
    }

    @Test
    void reconcilesEveryMosOrderStateByOutTradeNo() throws Exception {
        trade("matched", 1000, "USD", 2);
        trade("amount", 990, "USD", 2);
        trade("failed", 1000, "USD", 3);
        trade("expired", 1000, "USD", 4);
        trade("canceled", 1000, "USD", 5);
        trade("closed", 1000, "USD", 6);
        trade("paidlate", 1000, "USD", 1, 2);
        trade("notradeno", 1000, "USD", 2);
        sandbox.addTrade(SandboxTrade.failing(prefix + "error", prefix + "error", "open-a", 1000, "USD"));
        for (String name : new String[] {"matched", "amount", "failed", "expired", "canceled", "closed", "paidlate",
                "missing", "error"}) {
            order(name, prefix + name);
        }
        // MOS knows orders by the merchant's number: a missing trade number does not stop the question.
        order("notradeno", null);
        // The sandbox is shared by the whole test run: count only what this run adds.
        long superAppReadsBefore = sandbox.requestCount(OpenApiPaths.TRADE_DETAIL);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String[]> report = reportByOrder(run.report());
        assertThat(report).hasSize(10);
        expect(report, "matched", Outcome.MATCHED, OrderStatus.PAID);
        expect(report, "amount", Outcome.AMOUNT_MISMATCH, OrderStatus.REVIEW);
        expect(report, "failed", Outcome.PAYMENT_FAILED, OrderStatus.FAILED);
        expect(report, "expired", Outcome.EXPIRED, OrderStatus.EXPIRED);
        expect(report, "canceled", Outcome.CANCELED, OrderStatus.CANCELED);
        expect(report, "closed", Outcome.CLOSED, OrderStatus.CLOSED);
        expect(report, "paidlate", Outcome.MATCHED, OrderStatus.PAID);
        expect(report, "notradeno", Outcome.MATCHED, OrderStatus.PAID);
        expect(report, "missing", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        expect(report, "error", Outcome.ERROR, OrderStatus.PENDING);
        assertThat(report.get(prefix + "amount")[8]).isEqualTo("990");
        assertThat(report.get(prefix + "expired")[6]).isEqualTo("4");
        assertThat(evidenceOf("matched")).contains("tradedetail").contains("\"status\":\"SUCCESS\"")
                .contains("\"totalAmount\":\"10.00\"");
        assertThat(sandbox.requestCount(OpenApiPaths.TRADE_DETAIL)).as("SuperApp is never asked")
                .isEqualTo(superAppReadsBefore);
    }

    @Test
    void leavesAStaleProcessingOrderPendingBecauseMosCannotClose() throws Exception {
        trade("stale", 1000, "USD", 1);
        order("stale", prefix + "stale");

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        Map<String, String[]> report = reportByOrder(run.report());
        expect(report, "stale", Outcome.STILL_PROCESSING, OrderStatus.PENDING);
        assertThat(report.get(prefix + "stale")[11]).contains("cannot close");
        assertThat(sandbox.detailReads(prefix + "stale")).isEqualTo(3);
        assertThat(sandbox.closeCalls(prefix + "stale")).isZero();
    }

    @Test
    void retriesMosThrottlingAndFaultsBeforeDeciding() throws Exception {
        trade("flaky", 1000, "USD", 2);
        order("flaky", prefix + "flaky");
        sandbox.failNext(OpenApiPaths.MOS_ORDER_QUERY, 1, Fault.HTTP_429);
        sandbox.failNext(OpenApiPaths.MOS_ORDER_QUERY, 1, Fault.STATUS_500_IN_BODY);
        sandbox.failNext(OpenApiPaths.MOS_ORDER_QUERY, 1, Fault.MALFORMED_JSON);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        expect(reportByOrder(run.report()), "flaky", Outcome.MATCHED, OrderStatus.PAID);
    }

    void trade(String name, long amount, String currency, Integer... statuses) {
        sandbox.addTrade(SandboxTrade.scripted(prefix + name, prefix + name, "open-a", amount, currency,
                CloseBehaviour.CLOSES, statuses));
    }

    void order(String name, String tradeNo) {
        LocalDateTime createdAt = LocalDateTime.ofInstant(Instant.now().minus(STALE), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                        VALUES (?, ?, 'open-a', 1000, 'USD', 'PENDING', ?, ?)""")
                .params(prefix + name, tradeNo, createdAt, createdAt)
                .update();
    }

    String evidenceOf(String name) {
        return jdbc.sql("SELECT evidence FROM reconciliation_result WHERE out_trade_no = ?").param(prefix + name)
                .query(String.class).single();
    }

    void expect(Map<String, String[]> report, String name, Outcome outcome, OrderStatus status) {
        String[] row = report.get(prefix + name);
        assertThat(row).as(name).isNotNull();
        assertThat(row[3]).as(name + " outcome").isEqualTo(outcome.name());
        String stored = jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = ?").param(prefix + name)
                .query(String.class).single();
        assertThat(stored).as(name + " order status").isEqualTo(status.name());
    }
}
