package dev.superapp.batch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.opencsv.CSVReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SampleFilesTest {

    private static final Path TRADES = Path.of("jobs/samples/platform-trades.csv");
    private static final Path ORDERS = Path.of("jobs/samples/orders.csv");
    private static final String ORDER_COLUMNS = "out_trade_no,trade_no,open_id,amount,currency,status,created_at";

    private final SandboxServer sandbox = SandboxServer.start(SandboxCaller.settings());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theSampleOrdersKeepTheOrdersFileContract() throws Exception {
        List<String> lines = Files.readAllLines(ORDERS, StandardCharsets.UTF_8);

        assertThat(lines.get(0)).isEqualTo(ORDER_COLUMNS);
        assertThat(orders()).allSatisfy(order -> {
            assertThat(order.get("out_trade_no")).isNotBlank();
            assertThat(Long.parseLong(order.get("amount"))).isPositive();
            assertThat(order.get("currency")).matches("[A-Z]{3}");
            assertThat(order.get("status")).isEqualTo("PENDING");
            assertThat(OffsetDateTime.parse(order.get("created_at"))).isNotNull();
        });
    }

    @Test
    void theJarCarriesTheSampleTradesAsAClasspathResource() throws Exception {
        try (Reader resource = new InputStreamReader(
                getClass().getResourceAsStream("/samples/platform-trades.csv"), StandardCharsets.UTF_8)) {
            assertThat(SandboxTradesFile.read(resource, "samples/platform-trades.csv"))
                    .isEqualTo(SandboxTradesFile.read(TRADES));
        }
    }

    @Test
    void reconcilingTheSamplesWithCloseAfter30mAndThreePollsReachesEveryOutcome() throws Exception {
        SandboxPlatform platform = sandbox.platform();
        platform.addTrades(SandboxTradesFile.read(TRADES));
        ReferenceReconciliation reconciliation =
                new ReferenceReconciliation(new SandboxCaller(sandbox), Duration.ofMinutes(30), 3);

        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Map<String, String> order : orders()) {
            outcomes.put(order.get("out_trade_no"), reconciliation.outcome(order));
        }

        assertThat(outcomes).containsExactly(
                entry("ORD-1001", "MATCHED"),
                entry("ORD-1002", "AMOUNT_MISMATCH"),
                entry("ORD-1003", "CURRENCY_MISMATCH"),
                entry("ORD-1004", "OPENID_MISMATCH"),
                entry("ORD-1005", "PAYMENT_FAILED"),
                entry("ORD-1006", "EXPIRED"),
                entry("ORD-1007", "CANCELED"),
                entry("ORD-1008", "CLOSED"),
                entry("ORD-1009", "CLOSED_STALE"),
                entry("ORD-1010", "STILL_PROCESSING"),
                entry("ORD-1011", "MISSING_ON_PLATFORM"),
                entry("ORD-1012", "NO_TRADE_NO"),
                entry("ORD-1013", "MATCHED"),
                entry("ORD-1014", "MATCHED"),
                entry("ORD-1015", "ERROR"));
        // The race: closed once, refused, and the re-read found the payment.
        assertThat(platform.closeCalls("sbx-trade-1013")).isEqualTo(1);
        assertThat(platform.transactionStatus("sbx-trade-1013")).isEqualTo(2);
        // Paid on the second of the three reads allowed.
        assertThat(platform.detailReads("sbx-trade-1014")).isEqualTo(2);
        assertThat(platform.closeCalls("sbx-trade-1010")).isZero();
    }

    private static List<Map<String, String>> orders() throws Exception {
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(ORDERS, StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(csv.readNext());
            List<Map<String, String>> orders = new ArrayList<>();
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                Map<String, String> order = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    order.put(header.get(i), row[i]);
                }
                orders.add(order);
            }
            return orders;
        }
    }
}
