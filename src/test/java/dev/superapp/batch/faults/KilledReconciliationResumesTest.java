package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.cli.SuperappCommand;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.OpenApiPaths;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.ChildCommand;
import dev.superapp.batch.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at seeded random points of a reconciliation (at the Nth {@code tradedetail} to reach the sandbox,
 * so asks and closes are in flight), resumed at once as the README says: {@code reconcile} again (a new run
 * over what is still PENDING) or {@code restart} of the killed execution. Orders of every kind: paid, paid
 * after a poll, failed, an amount mismatch, and stale trades that close at once or a read late.
 */
class KilledReconciliationResumesTest {

    private static final String APP_ID = "fault-app";
    private static final String SECRET = "fault-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final List<String> KINDS = List.of("paid", "paid-after-poll", "failed", "stale", "stale-lagging",
            "mismatch");

    @TempDir
    Path dir;

    private final FaultSuite suite = FaultSuite.current();
    private final SandboxServer sandbox = SandboxServer.start(
            SandboxSettings.defaults(APP_ID, SECRET).withLatency(Duration.ofMillis(20)));
    private final String databaseUrl = TestDatabase.MARIADB.freshUrl();

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aReconciliationKilledAgainAndAgainDecidesEveryOrderOnceAndClosesNoTradeTwice() throws Exception {
        Map<String, String> kindOf = ordersOfEveryKind();
        Random random = suite.random("reconciliation");
        int share = Math.max(1, suite.orders() / (suite.killPoints() + 1));

        for (int point = 1; point <= suite.killPoints(); point++) {
            long nth = sandbox.platform().requestCount(OpenApiPaths.TRADE_DETAIL) + 1 + random.nextInt(share);
            List<String> command = point == 1 || random.nextBoolean()
                    ? List.of("reconcile") : List.of("restart", Long.toString(lastExecution()));
            CompletableFuture<Void> arrived = sandbox.platform().whenRequestArrives(OpenApiPaths.TRADE_DETAIL, nth);
            try (ChildCommand child = ChildCommand.start(command, properties(), dir.resolve("point-" + point + ".log"))) {
                CompletableFuture.anyOf(arrived, child.onExit()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("%s still asking at request %d:\n%s", command, nth, child.output()).isTrue();
                child.kill();
                System.out.printf("reconciliation: killed %s at tradedetail %d%n", command, nth);
            }
        }
        try (ChildCommand last = ChildCommand.start(List.of("reconcile"), properties(), dir.resolve("finish.log"))) {
            assertThat(last.awaitExit(PATIENCE)).as(last.output()).isZero();
        }

        assertThat(kindOf.keySet()).filteredOn(tradeNo -> kindOf.get(tradeNo).startsWith("stale")).allSatisfy(tradeNo ->
                assertThat(sandbox.platform().closeCalls(tradeNo)).as("closes of %s", tradeNo).isEqualTo(1));
        assertThat(query("""
                SELECT job_instance_id, order_id, COUNT(*) FROM reconciliation_result
                GROUP BY job_instance_id, order_id HAVING COUNT(*) > 1""")).as("orders decided twice in one run").isEmpty();
        assertThat(query("""
                SELECT order_id, COUNT(*) FROM reconciliation_result WHERE new_status <> 'PENDING'
                GROUP BY order_id HAVING COUNT(*) > 1""")).as("orders settled by two runs").isEmpty();
        Map<String, String> expected = Map.of("paid", "PAID", "paid-after-poll", "PAID", "failed", "FAILED",
                "stale", "CLOSED", "stale-lagging", "CLOSED", "mismatch", "REVIEW");
        Map<String, String> statusOf = new HashMap<>();
        query("SELECT trade_no, status FROM payment_order").forEach(row -> statusOf.put(row.get(0), row.get(1)));
        assertThat(kindOf).allSatisfy((tradeNo, kind) ->
                assertThat(statusOf.get(tradeNo)).as("%s (%s)", tradeNo, kind).isEqualTo(expected.get(kind)));
    }

    /** Imports one order per trade, cycling through the kinds, all older than close-after; by trade number, its kind. */
    private Map<String, String> ordersOfEveryKind() throws Exception {
        Map<String, String> kindOf = new LinkedHashMap<>();
        List<SandboxTrade> trades = new ArrayList<>();
        List<String> lines = new ArrayList<>(List.of("out_trade_no,trade_no,open_id,amount,currency,status,created_at"));
        String createdAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        for (int i = 1; i <= suite.orders(); i++) {
            String kind = KINDS.get(i % KINDS.size());
            String tradeNo = "T" + i;
            String orderNo = "ORD-" + i;
            String openId = "open-" + i;
            kindOf.put(tradeNo, kind);
            lines.add(String.join(",", orderNo, tradeNo, openId, "1000", "SAR", "PENDING", createdAt));
            trades.add(switch (kind) {
                case "paid" -> SandboxTrade.scripted(tradeNo, orderNo, openId, 1000, "SAR", CloseBehaviour.CLOSES, 2);
                case "paid-after-poll" -> SandboxTrade.scripted(tradeNo, orderNo, openId, 1000, "SAR", CloseBehaviour.CLOSES, 1, 2);
                case "failed" -> SandboxTrade.scripted(tradeNo, orderNo, openId, 1000, "SAR", CloseBehaviour.CLOSES, 3);
                case "stale" -> SandboxTrade.scripted(tradeNo, orderNo, openId, 1000, "SAR", CloseBehaviour.CLOSES, 1);
                case "stale-lagging" -> SandboxTrade.scripted(tradeNo, orderNo, openId, 1000, "SAR", CloseBehaviour.CLOSES_LATE, 1);
                default -> SandboxTrade.scripted(tradeNo, orderNo, openId, 999, "SAR", CloseBehaviour.CLOSES, 2);
            });
        }
        sandbox.platform().addTrades(trades);
        Path orders = Files.write(dir.resolve("orders.csv"), lines);
        List<String> arguments = new ArrayList<>(List.of("import-orders", orders.toString()));
        properties().forEach((name, value) -> arguments.add("-D" + name + "=" + value));
        StringWriter err = new StringWriter();
        assertThat(SuperappCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                arguments.toArray(String[]::new))).as(err.toString()).isZero();
        return kindOf;
    }

    private long lastExecution() throws Exception {
        return Long.parseLong(query("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0).get(0));
    }

    private List<List<String>> query(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "root", "");
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", "root");
        properties.put("superapp.base-url", sandbox.baseUrl());
        properties.put("superapp.app-id", APP_ID);
        properties.put("superapp.secret", SECRET);
        properties.put("reports.dir", dir.resolve("reports").toString());
        // Small chunks commit often, so a kill finds some orders committed and some in flight.
        properties.put("reconciliation.chunk-size", "20");
        properties.put("platform.max-in-flight", "4");
        properties.put("reconciliation.poll-attempts", "2");
        properties.put("reconciliation.poll-interval", "50ms");
        return properties;
    }
}
