package dev.superapp.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.cli.SuperappCommand;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxServer;
import dev.superapp.batch.sandbox.SandboxSettings;
import dev.superapp.batch.sandbox.SandboxTrade;
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

/**
 * Orders of every kind in a fresh database and their trades in a sandbox of this JVM: paid, paid after a
 * poll, failed, an amount mismatch, and stale trades that close at once or a read late. After any number of
 * interrupted runs and a last one that completed, {@link #assertDecidedOnceAndClosedOnce} checks the promises.
 */
final class ReconciliationScenario implements AutoCloseable {

    static final String APP_ID = "fault-app";
    static final String SECRET = "fault-secret-0123456789";
    private static final Map<String, String> SETTLED_AS = Map.of("paid", "PAID", "paid-after-poll", "PAID",
            "failed", "FAILED", "stale", "CLOSED", "stale-lagging", "CLOSED", "mismatch", "REVIEW");
    private static final List<String> KINDS = List.copyOf(SETTLED_AS.keySet().stream().sorted().toList());

    private final SandboxServer sandbox = SandboxServer.start(
            SandboxSettings.defaults(APP_ID, SECRET).withLatency(Duration.ofMillis(20)));
    private final Map<String, String> kindOf = new LinkedHashMap<>();
    private final String databaseUrl;
    private final Path dir;

    ReconciliationScenario(String databaseUrl, Path dir, int orders) throws Exception {
        this.databaseUrl = databaseUrl;
        this.dir = dir;
        importOrders(orders);
    }

    SandboxServer sandbox() {
        return sandbox;
    }

    /** What a reconciliation command needs, against {@code url} (the database itself, or a proxy in front). */
    Map<String, String> properties(String url) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", "root");
        properties.put("superapp.base-url", sandbox.baseUrl());
        properties.put("superapp.app-id", APP_ID);
        properties.put("superapp.secret", SECRET);
        properties.put("reports.dir", dir.resolve("reports").toString());
        // Small chunks commit often, so an interruption finds some orders committed and some in flight.
        properties.put("reconciliation.chunk-size", "20");
        properties.put("platform.max-in-flight", "4");
        properties.put("reconciliation.poll-attempts", "2");
        properties.put("reconciliation.poll-interval", "50ms");
        return properties;
    }

    long lastExecution() throws Exception {
        return Long.parseLong(query("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").get(0).get(0));
    }

    /**
     * No order decided twice in one run (a restarted execution included), none settled by two runs, every
     * stale trade closed exactly once, and every order settled as its kind says.
     */
    void assertDecidedOnceAndClosedOnce() throws Exception {
        assertThat(kindOf.keySet()).filteredOn(tradeNo -> kindOf.get(tradeNo).startsWith("stale")).allSatisfy(tradeNo ->
                assertThat(sandbox.platform().closeCalls(tradeNo)).as("closes of %s", tradeNo).isEqualTo(1));
        assertThat(query("""
                SELECT job_instance_id, order_id, COUNT(*) FROM reconciliation_result
                GROUP BY job_instance_id, order_id HAVING COUNT(*) > 1""")).as("orders decided twice in one run").isEmpty();
        assertThat(query("""
                SELECT order_id, COUNT(*) FROM reconciliation_result WHERE new_status <> 'PENDING'
                GROUP BY order_id HAVING COUNT(*) > 1""")).as("orders settled by two runs").isEmpty();
        Map<String, String> statusOf = new HashMap<>();
        query("SELECT trade_no, status FROM payment_order").forEach(row -> statusOf.put(row.get(0), row.get(1)));
        assertThat(kindOf).allSatisfy((tradeNo, kind) ->
                assertThat(statusOf.get(tradeNo)).as("%s (%s)", tradeNo, kind).isEqualTo(SETTLED_AS.get(kind)));
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** One order per trade, cycling through the kinds, all older than close-after. */
    private void importOrders(int orders) throws Exception {
        List<SandboxTrade> trades = new ArrayList<>();
        List<String> lines = new ArrayList<>(List.of("out_trade_no,trade_no,open_id,amount,currency,status,created_at"));
        String createdAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        for (int i = 1; i <= orders; i++) {
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
        Path file = Files.write(dir.resolve("orders.csv"), lines);
        List<String> arguments = new ArrayList<>(List.of("import-orders", file.toString()));
        properties(databaseUrl).forEach((name, value) -> arguments.add("-D" + name + "=" + value));
        StringWriter err = new StringWriter();
        assertThat(SuperappCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                arguments.toArray(String[]::new))).as(err.toString()).isZero();
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
}
