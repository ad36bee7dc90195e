package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.opencsv.CSVReader;
import dev.superapp.batch.lease.LeaseRefusedException;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.Fault;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxPlatform;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestSandbox;
import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code reconciliationJob} end to end: the real database, real HTTP to the sandbox, real report files.
 */
@SpringBootTest(properties = {"reconciliation.poll-interval=20ms", "reconciliation.chunk-size=5"})
abstract class ReconciliationJobContract {

    static final Duration STALE = Duration.ofHours(2);
    static final Duration RECENT = Duration.ofMinutes(1);

    @TempDir
    static Path reportsDir;

    @Autowired ReconciliationLauncher launcher;
    @Autowired JdbcClient jdbc;
    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;

    final SandboxPlatform sandbox = TestSandbox.platform();
    final String prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeEach
    void startFromAnEmptyBookAndAnAnsweringPlatform() {
        sandbox.clearQueuedFaults();
        jdbc.sql("DELETE FROM reconciliation_result").update();
        jdbc.sql("DELETE FROM payment_order").update();
    }

    @Test
    void classifiesEveryOutcomeOfTheTableAndUpdatesOrders() throws Exception {
        trade("matched", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        trade("amount", 990, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        trade("currency", 1000, "SAR", "open-a", CloseBehaviour.CLOSES, 2);
        trade("openid", 1000, "USD", "open-z", CloseBehaviour.CLOSES, 2);
        trade("failed", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 3);
        trade("expired", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 4);
        trade("canceled", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 5);
        trade("closed", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 6);
        trade("stale", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        trade("processing", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        trade("paidlate", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1, 2);
        sandbox.addTrade(SandboxTrade.failing(prefix + "error", prefix + "error", "open-a", 1000, "USD"));
        for (String name : List.of("matched", "amount", "currency", "openid", "failed", "expired", "canceled",
                "closed", "paidlate", "error")) {
            order(name, name, STALE);
        }
        order("stale", "stale", STALE);
        order("processing", "processing", RECENT);
        order("missing", "missing", STALE);
        order("notrade", null, STALE);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String[]> report = reportByOrder(run.report());
        assertThat(report).hasSize(14);
        expect(report, "matched", Outcome.MATCHED, OrderStatus.PAID);
        expect(report, "amount", Outcome.AMOUNT_MISMATCH, OrderStatus.REVIEW);
        expect(report, "currency", Outcome.CURRENCY_MISMATCH, OrderStatus.REVIEW);
        expect(report, "openid", Outcome.OPENID_MISMATCH, OrderStatus.REVIEW);
        expect(report, "failed", Outcome.PAYMENT_FAILED, OrderStatus.FAILED);
        expect(report, "expired", Outcome.EXPIRED, OrderStatus.EXPIRED);
        expect(report, "canceled", Outcome.CANCELED, OrderStatus.CANCELED);
        expect(report, "closed", Outcome.CLOSED, OrderStatus.CLOSED);
        expect(report, "stale", Outcome.CLOSED_STALE, OrderStatus.CLOSED);
        expect(report, "processing", Outcome.STILL_PROCESSING, OrderStatus.PENDING);
        expect(report, "paidlate", Outcome.MATCHED, OrderStatus.PAID);
        expect(report, "missing", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        expect(report, "notrade", Outcome.NO_TRADE_NO, OrderStatus.REVIEW);
        expect(report, "error", Outcome.ERROR, OrderStatus.PENDING);
        assertThat(report.get(prefix + "amount")[7]).isEqualTo("1000");
        assertThat(report.get(prefix + "amount")[8]).isEqualTo("990");
        assertThat(report.get(prefix + "error")[11]).contains("gave no usable answer");
        assertThat(sandbox.closeCalls(prefix + "stale")).isEqualTo(1);
        assertThat(sandbox.closeCalls(prefix + "processing")).isZero();
        assertThat(sandbox.detailReads(prefix + "processing")).isEqualTo(3);
        assertThat(run.summary().count(Outcome.MATCHED)).isEqualTo(2);
        assertThat(run.summary().orders()).isEqualTo(14);
        assertThat(run.summaryFile()).exists();
        // Every order is USD locally; the currency mismatch's platform answered 1000 SAR, which only SAR's rows count.
        assertThat(Files.readAllLines(run.summaryFile())).startsWith("outcome,currency,orders,local_amount,platform_amount")
                .contains("MATCHED,USD,2,2000,2000", "AMOUNT_MISMATCH,USD,1,1000,990", "CURRENCY_MISMATCH,USD,1,1000,0",
                        "CURRENCY_MISMATCH,SAR,0,0,1000", "ERROR,USD,1,1000,0", "TOTAL,USD,14,14000,9990", "TOTAL,SAR,0,0,1000")
                .noneMatch(line -> line.startsWith("TOTAL,14"));
        assertThat(evidenceOf("stale")).contains("tradedetail").contains("tradeclose").contains("\"transactionStatus\":6");
    }

    @Test
    void customerWhoPaysWhileWeCloseEndsMatchedNeverClosed() throws Exception {
        trade("race", 1000, "USD", "open-a", CloseBehaviour.PAID_WHILE_CLOSING, 1);
        order("race", "race", STALE);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        String[] row = reportByOrder(run.report()).get(prefix + "race");
        assertThat(row[3]).isEqualTo("MATCHED");
        assertThat(row[5]).isEqualTo("PAID");
        assertThat(row[11]).contains("tradeclose answered false");
        assertThat(statusOf("race")).isEqualTo("PAID");
        assertThat(sandbox.closeCalls(prefix + "race")).isEqualTo(1);
    }

    @Test
    void aCloseThatLagsItsAnswerIsReadAgainUntilClosedAndIsNeverClosedTwice() throws Exception {
        trade("lagging", 1000, "USD", "open-a", CloseBehaviour.CLOSES_LATE, 1);
        order("lagging", "lagging", STALE);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());
        ReconciliationRun next = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        expect(reportByOrder(run.report()), "lagging", Outcome.CLOSED_STALE, OrderStatus.CLOSED);
        assertThat(reportByOrder(next.report())).doesNotContainKey(prefix + "lagging");
        assertThat(sandbox.closeCalls(prefix + "lagging")).isEqualTo(1);
    }

    @Test
    void tradeNumberOfAnotherOrderIsNeverPaidNorClosedForThisOne() throws Exception {
        sandbox.addTrade(SandboxTrade.scripted(prefix + "shared-paid", prefix + "first", "open-a", 1000, "USD",
                CloseBehaviour.CLOSES, 2));
        sandbox.addTrade(SandboxTrade.scripted(prefix + "shared-open", prefix + "third", "open-a", 1000, "USD",
                CloseBehaviour.CLOSES, 1));
        order("second", "shared-paid", STALE);
        order("fourth", "shared-open", STALE);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        Map<String, String[]> report = reportByOrder(run.report());
        expect(report, "second", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        expect(report, "fourth", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        assertThat(report.get(prefix + "second")[11]).contains("belongs to order " + prefix + "first");
        assertThat(sandbox.closeCalls(prefix + "shared-open")).isZero();
        assertThat(sandbox.detailReads(prefix + "shared-open")).as("another order's trade is not polled").isEqualTo(1);
    }

    @Test
    void answerWithoutOutTradeNoLeavesTheOrderForReviewAndTheTradeOpen() throws Exception {
        trade("unnamed-paid", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        trade("unnamed-open", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        order("unnamed-paid", "unnamed-paid", STALE);
        order("unnamed-open", "unnamed-open", STALE);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 2, Fault.NO_OUT_TRADE_NO);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        Map<String, String[]> report = reportByOrder(run.report());
        expect(report, "unnamed-paid", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        expect(report, "unnamed-open", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        assertThat(report.get(prefix + "unnamed-paid")[11]).contains("names no order (no outTradeNo)");
        assertThat(sandbox.closeCalls(prefix + "unnamed-open")).as("an unnamed trade is never closed").isZero();
        assertThat(evidenceOf("unnamed-paid")).contains("\"transactionStatus\":2").doesNotContain("outTradeNo");
    }

    @Test
    void twoOrdersCarryingOneTradeInOneChunkAreNeverBothPaid() throws Exception {
        sandbox.addTrade(SandboxTrade.scripted(prefix + "one-trade", prefix + "owner", "open-a", 1000, "USD",
                CloseBehaviour.CLOSES, 2));
        order("owner", "one-trade", STALE);
        order("copy", "one-trade", STALE);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        Map<String, String[]> report = reportByOrder(run.report());
        expect(report, "owner", Outcome.MATCHED, OrderStatus.PAID);
        expect(report, "copy", Outcome.MISSING_ON_PLATFORM, OrderStatus.REVIEW);
        assertThat(paidOrdersOf("one-trade")).isEqualTo(1);
    }

    @Test
    void tradeAlreadyPayingAnotherOrderLeavesTheNextOneForReview() throws Exception {
        sandbox.addTrade(SandboxTrade.scripted(prefix + "taken", prefix + "late", "open-a", 1000, "USD",
                CloseBehaviour.CLOSES, 2));
        order("early", "taken", STALE);
        jdbc.sql("UPDATE payment_order SET status = 'PAID' WHERE out_trade_no = ?").param(prefix + "early").update();
        order("late", "taken", STALE);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        String[] row = reportByOrder(run.report()).get(prefix + "late");
        assertThat(row[3]).isEqualTo(Outcome.MISSING_ON_PLATFORM.name());
        assertThat(row[5]).isEqualTo("REVIEW");
        assertThat(row[11]).contains("already pays order " + prefix + "early");
        assertThat(statusOf("late")).isEqualTo("REVIEW");
        assertThat(paidOrdersOf("taken")).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondPaidOrderOnOneTrade() {
        order("held-1", "held", STALE);
        order("held-2", "held", STALE);
        jdbc.sql("UPDATE payment_order SET status = 'PAID' WHERE out_trade_no = ?").param(prefix + "held-1").update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE payment_order SET status = 'PAID' WHERE out_trade_no = ?")
                .param(prefix + "held-2").update()).isInstanceOf(DuplicateKeyException.class);
        assertThat(paidOrdersOf("held")).isEqualTo(1);
    }

    @Test
    void orderMovedByAnImportWhileWeAskedKeepsItsNewStatusAndTheReportSaysSo() throws Exception {
        trade("moved", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("moved", "moved", STALE);
        long asked = sandbox.requestCount(OpenApiPaths.TRADE_DETAIL);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.TIMEOUT);

        CompletableFuture<ReconciliationRun> running = CompletableFuture.supplyAsync(
                () -> launcher.run(LocalDate.of(2026, 11, 25), Map.of()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> sandbox.requestCount(OpenApiPaths.TRADE_DETAIL) != asked);
        jdbc.sql("UPDATE payment_order SET status = 'CANCELED' WHERE out_trade_no = ?").param(prefix + "moved").update();
        ReconciliationRun run = running.get(30, TimeUnit.SECONDS);

        String[] row = reportByOrder(run.report()).get(prefix + "moved");
        assertThat(row[3]).isEqualTo("MATCHED");
        assertThat(row[4]).isEqualTo("NONE");
        assertThat(row[5]).isEqualTo("CANCELED");
        assertThat(row[11]).contains("not applied: the order was already CANCELED");
        assertThat(statusOf("moved")).isEqualTo("CANCELED");
    }

    @Test
    void retriesThrottlingServerFaultsAndTimeoutsBeforeDeciding() throws Exception {
        trade("flaky", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("flaky", "flaky", STALE);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.HTTP_429);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.HTTP_503);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.STATUS_500_IN_BODY);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 1, Fault.TIMEOUT);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        assertThat(reportByOrder(run.report()).get(prefix + "flaky")[3]).isEqualTo("MATCHED");
        assertThat(statusOf("flaky")).isEqualTo("PAID");
    }

    @Test
    void malformedAnswersNeverMarkAnOrderPaid() throws Exception {
        trade("garbled", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("garbled", "garbled", STALE);
        sandbox.failNext(OpenApiPaths.TRADE_DETAIL, 10, Fault.MALFORMED_JSON);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        String[] row = reportByOrder(run.report()).get(prefix + "garbled");
        assertThat(row[3]).isEqualTo("ERROR");
        assertThat(row[5]).isEqualTo("PENDING");
        assertThat(statusOf("garbled")).isEqualTo("PENDING");
    }

    @Test
    void secondRunReadsOnlyWhatIsStillPendingAndNeverClosesTwice() throws Exception {
        trade("paid", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        trade("stale", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        trade("young", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        order("paid", "paid", STALE);
        order("stale", "stale", STALE);
        order("young", "young", RECENT);

        launcher.run(LocalDate.of(2026, 11, 25), Map.of());
        ReconciliationRun second = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        assertThat(reportByOrder(second.report())).containsOnlyKeys(prefix + "young");
        assertThat(sandbox.closeCalls(prefix + "stale")).isEqualTo(1);
        assertThat(sandbox.detailReads(prefix + "paid")).isEqualTo(1);
        assertThat(statusOf("stale")).isEqualTo("CLOSED");
    }

    @Test
    void runOptionsOverrideTheConfiguredAgeAndPolling() throws Exception {
        trade("young", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        order("young", "young", RECENT);

        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 25),
                Map.of("closeAfter", "10s", "pollAttempts", "1"));

        assertThat(reportByOrder(run.report()).get(prefix + "young")[3]).isEqualTo("CLOSED_STALE");
        assertThat(sandbox.detailReads(prefix + "young")).isEqualTo(2);
    }

    @Test
    void failedRunRestartsFromItsLastCommittedChunkWithoutAskingAgain() throws Exception {
        installResultFault();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String name = "r%02d".formatted(i);
            names.add(name);
            trade(name, 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
            order(name, name, STALE);
        }
        ResultFault.mark(jdbc, prefix + "r08");

        ReconciliationRun failed = launcher.run(LocalDate.of(2026, 11, 25), Map.of());

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(names.stream().map(this::statusOf))
                .containsExactly("PAID", "PAID", "PAID", "PAID", "PAID", "PENDING", "PENDING", "PENDING", "PENDING",
                        "PENDING", "PENDING", "PENDING");
        ResultFault.clear(jdbc);

        JobExecution restarted = jobOperator.restart(jobRepository.getJobExecution(failed.executionId()));
        ReconciliationRun run = launcher.describe(restarted);

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(names.stream().map(this::statusOf)).containsOnly("PAID");
        assertThat(names.subList(0, 10).stream().map(name -> sandbox.detailReads(prefix + name)))
                .as("committed chunk not asked again; the rolled-back chunk asked again")
                .containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        assertThat(names.subList(10, 12).stream().map(name -> sandbox.detailReads(prefix + name)))
                .as("the look-ahead may have asked about the next chunk's orders before the failure")
                .allSatisfy(reads -> assertThat(reads).isBetween(1, 2));
        assertThat(reportByOrder(run.report())).hasSize(12);
        assertThat(run.summary().count(Outcome.MATCHED)).isEqualTo(12);
    }

    /** Makes inserting a result fail for the order numbers listed in a {@code test_fault} table. */
    abstract void installResultFault();

    @Test
    void aSecondReconciliationWhileOneRunsIsRefusedNamingItAndItsNodeAndEachOrderIsDecidedOnce() throws Exception {
        trade("polled", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        order("polled", "polled", RECENT);
        // Still processing on every ask, a second apart: the first run holds its lease for two seconds.
        CompletableFuture<ReconciliationRun> first = CompletableFuture.supplyAsync(
                () -> launcher.run(LocalDate.of(2026, 12, 2), Map.of("pollInterval", "1s")));
        long holder = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT JOB_EXECUTION_ID FROM job_lease WHERE LEASE_KEY = 'reconciliation'").query(Long.class).optional(),
                Optional::isPresent).orElseThrow();

        assertThatThrownBy(() -> launcher.run(LocalDate.of(2026, 12, 2), Map.of()))
                .isInstanceOf(LeaseRefusedException.class)
                .hasMessageContaining("a reconciliation is already running as execution " + holder + " (reconciliationJob) on node ");
        ReconciliationRun run = first.get(30, TimeUnit.SECONDS);

        assertThat(run.executionId()).isEqualTo(holder);
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(decisions("polled")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_lease").query(Integer.class).single()).as("released at the end").isZero();
    }

    @Test
    void twoReconciliationsStartedAtTheSameMomentRunOnceTheOtherIsRefused() throws Exception {
        trade("together", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        order("together", "together", RECENT);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ReconciliationRun>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return launcher.run(LocalDate.of(2026, 12, 2), Map.of("pollInterval", "1s"));
        })).toList();
        go.countDown();

        List<Object> ends = new ArrayList<>();
        for (CompletableFuture<ReconciliationRun> run : runs) {
            try {
                ends.add(run.get(30, TimeUnit.SECONDS).status());
            } catch (ExecutionException e) {
                ends.add(e.getCause().getClass());
            }
        }
        assertThat(ends).containsExactlyInAnyOrder(BatchStatus.COMPLETED, LeaseRefusedException.class);
        assertThat(decisions("together")).isEqualTo(1);
    }

    private int decisions(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM reconciliation_result WHERE out_trade_no = ?").param(prefix + name)
                .query(Integer.class).single();
    }

    void trade(String name, long amount, String currency, String openId, CloseBehaviour close, Integer... statuses) {
        sandbox.addTrade(SandboxTrade.scripted(prefix + name, prefix + name, openId, amount, currency, close, statuses));
    }

    void order(String name, String tradeName, Duration age) {
        LocalDateTime createdAt = LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                        VALUES (?, ?, 'open-a', 1000, 'USD', 'PENDING', ?, ?)""")
                .params(prefix + name, tradeName == null ? null : prefix + tradeName, createdAt, createdAt)
                .update();
    }

    String statusOf(String name) {
        return jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = ?").param(prefix + name)
                .query(String.class).single();
    }

    long paidOrdersOf(String tradeName) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE trade_no = ? AND status = 'PAID'")
                .param(prefix + tradeName).query(Long.class).single();
    }

    String evidenceOf(String name) {
        return jdbc.sql("SELECT evidence FROM reconciliation_result WHERE out_trade_no = ?").param(prefix + name)
                .query(String.class).single();
    }

    void expect(Map<String, String[]> report, String name, Outcome outcome, OrderStatus status) {
        String[] row = report.get(prefix + name);
        assertThat(row).as(name).isNotNull();
        assertThat(row[3]).as(name + " outcome").isEqualTo(outcome.name());
        assertThat(row[4]).as(name + " action").isEqualTo(outcome.action().name());
        assertThat(row[5]).as(name + " report status").isEqualTo(status.name());
        assertThat(statusOf(name)).as(name + " order status").isEqualTo(status.name());
    }

    static Map<String, String[]> reportByOrder(Path report) throws Exception {
        assertThat(report.getFileName().toString()).matches("reconciliation-2026-11-25-\\d+\\.csv");
        try (CSVReader csv = new CSVReader(new FileReader(report.toFile(), StandardCharsets.UTF_8))) {
            List<String[]> rows = csv.readAll();
            assertThat(rows.get(0)).containsExactly(ReconciliationReportTasklet.HEADER);
            Map<String, String[]> byOrder = new HashMap<>();
            rows.subList(1, rows.size()).forEach(row -> byOrder.put(row[0], row));
            assertThat(byOrder).as("one row per order").hasSize(rows.size() - 1);
            return byOrder;
        }
    }
}
