package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import dev.superapp.batch.alerts.AlertDelivery;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.report.ManifestCheck;
import dev.superapp.batch.report.ReportManifests;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.AlertReceivers;
import jakarta.mail.internet.MimeMessage;
import java.io.FileReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closing the day (issue 16.3-16.6): the files beside the report, the control totals against the previous business
 * date, the alerts and their delivery by webhook and mail, and the manifest's check. Runs in the contexts of
 * {@link ReconciliationJobContract}, with the alert receivers and a signing key added.
 */
abstract class ReconciliationCloseContract extends ReconciliationJobContract {

    static final String SIGNING_KEY = "test-signing-key-not-a-secret";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired ReportManifests manifests;
    @Autowired JsonMapper json;

    @DynamicPropertySource
    static void alertReceiversAndSigning(DynamicPropertyRegistry registry) {
        AlertReceivers.register(registry);
        registry.add("reports.signing-key", () -> SIGNING_KEY);
    }

    @BeforeEach
    void forgetEarlierAlerts() throws Exception {
        AlertReceivers.reset();
    }

    @Test
    void writesOpenOrdersSpreadsheetsAndASignedManifestWithThePreviousDaysControlTotals() throws Exception {
        trade("yesterday", 700, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("yesterday", "yesterday", ReconciliationJobContract.STALE, 700, "USD", "PENDING");
        launcher.run(TODAY.minusDays(1), Map.of());
        trade("short", 990, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        trade("waiting", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 1);
        trade("paid-sar", 130100, "SAR", "open-a", CloseBehaviour.CLOSES, 2);
        order("short", "short", STALE, 1000, "USD", "PENDING");
        order("waiting", "waiting", RECENT, 1000, "USD", "PENDING");
        order("paid-sar", "paid-sar", STALE, 130100, "SAR", "PENDING");
        order("review-old", null, Duration.ofDays(10).plusHours(1), 2500, "USD", "REVIEW");

        ReconciliationRun run = launcher.run(TODAY, Map.of());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String[]> open = rowsByOrder(run.file(ReconciliationFile.OPEN_CSV), ReconciliationTables.OPEN.size());
        assertThat(open).containsOnlyKeys(prefix + "short", prefix + "waiting", prefix + "review-old");
        assertThat(open.get(prefix + "short")).containsExactly(prefix + "short", prefix + "short", "open-a", "REVIEW",
                "1000", "USD", open.get(prefix + "short")[6], "0", "AMOUNT_MISMATCH");
        assertThat(open.get(prefix + "waiting")[3]).isEqualTo("PENDING");
        assertThat(open.get(prefix + "waiting")[8]).isEqualTo("STILL_PROCESSING");
        assertThat(open.get(prefix + "review-old")[7]).as("age in days").isEqualTo("10");
        assertThat(open.get(prefix + "review-old")[8]).as("never reconciled").isEmpty();
        assertThat(Instant.parse(open.get(prefix + "review-old")[6])).isBefore(Instant.now().minus(Duration.ofDays(10)));

        JsonNode manifest = json.readTree(Files.readString(run.file(ReconciliationFile.MANIFEST)));
        assertThat(run.file(ReconciliationFile.MANIFEST).getFileName().toString())
                .isEqualTo("reconciliation-2026-11-25-" + run.executionId() + ".manifest.json");
        assertThat(manifest.path("files")).hasSize(6);
        Map<String, JsonNode> files = new HashMap<>();
        manifest.path("files").forEach(file -> files.put(file.path("name").asString(), file));
        for (ReconciliationFile kind : List.of(ReconciliationFile.REPORT_CSV, ReconciliationFile.SUMMARY_CSV,
                ReconciliationFile.OPEN_CSV, ReconciliationFile.REPORT_XLSX, ReconciliationFile.SUMMARY_XLSX,
                ReconciliationFile.OPEN_XLSX)) {
            Path file = run.file(kind);
            JsonNode entry = files.get(file.getFileName().toString());
            assertThat(entry).as(kind.name()).isNotNull();
            assertThat(entry.path("sha256").asString()).isEqualTo(sha256(file));
        }
        assertThat(files.get(run.report().getFileName().toString()).path("rows").asLong()).isEqualTo(3);
        assertThat(files.get(run.file(ReconciliationFile.OPEN_CSV).getFileName().toString()).path("rows").asLong())
                .isEqualTo(3);
        JsonNode totals = manifest.path("controlTotals");
        assertThat(totals.path("businessDate").asString()).isEqualTo("2026-11-25");
        assertThat(currency(totals, "SAR").path("settledOrders").asLong()).isEqualTo(1);
        assertThat(currency(totals, "SAR").path("settledAmount").asLong()).isEqualTo(130100);
        assertThat(currency(totals, "USD").path("needsPersonOrders").asLong()).isEqualTo(1);
        assertThat(currency(totals, "USD").path("openOrders").asLong()).isEqualTo(1);
        assertThat(currency(totals, "USD").path("openAmount").asLong()).isEqualTo(1000);
        assertThat(totals.path("previous").path("businessDate").asString()).isEqualTo("2026-11-24");
        assertThat(currency(totals.path("previous"), "USD").path("settledAmount").asLong()).isEqualTo(700);
        assertThat(manifest.path("hmac").asString()).hasSize(64);
        ManifestCheck check = manifests.check(run.report());
        assertThat(check.problems()).isEmpty();
        assertThat(check.signature()).isEqualTo(ManifestCheck.Signature.GOOD);

        try (XSSFWorkbook report = workbook(run.file(ReconciliationFile.REPORT_XLSX))) {
            XSSFSheet sheet = report.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("out_trade_no");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L4");
            Cell sar = rowOf(sheet, prefix + "paid-sar").getCell(7);
            assertThat(sar.getNumericCellValue()).isEqualTo(1301.00);
            assertThat(sar.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
        try (XSSFWorkbook openBook = workbook(run.file(ReconciliationFile.OPEN_XLSX))) {
            Cell created = rowOf(openBook.getSheetAt(0), prefix + "review-old").getCell(6);
            assertThat(DateUtil.isCellDateFormatted(created)).isTrue();
            assertThat(created.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.ofInstant(Instant.parse(open.get(prefix + "review-old")[6]), ZoneOffset.UTC));
            assertThat(rowOf(openBook.getSheetAt(0), prefix + "review-old").getCell(4).getNumericCellValue())
                    .isEqualTo(25.00);
        }
    }

    @Test
    void raisesEveryAlertRuleByWebhookAndMailAndKeepsThemWithTheRun() throws Exception {
        trade("short", 990, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        sandbox.addTrade(SandboxTrade.failing(prefix + "broken", prefix + "broken", "open-a", 1000, "USD"));
        order("short", "short", STALE, 1000, "USD", "PENDING");
        order("broken", "broken", STALE, 1000, "USD", "PENDING");
        order("review-old", null, Duration.ofDays(4), 2500, "USD", "REVIEW");

        ReconciliationRun run = launcher.run(TODAY, Map.of());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.alerts()).extracting(alert -> alert.rule())
                .containsExactly("alerts.max-mismatches", "alerts.max-error-rate", "alerts.max-open-age");
        assertThat(run.alerts().get(0).message()).contains("1 order differs from the platform (AMOUNT_MISMATCH 1)");
        assertThat(run.alerts().get(1).message()).contains("1 of 2 orders (50.0%)", "ERROR");
        assertThat(run.alerts().get(2).message()).contains("1 order has been open", "longer than alerts.max-open-age=3d",
                "(4 days)");
        assertThat(run.deliveries()).extracting(AlertDelivery::channel, AlertDelivery::delivered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("webhook", true),
                        org.assertj.core.groups.Tuple.tuple("mail", true));

        List<RecordedRequest> posted = AlertReceivers.webhookRequests();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).getMethod()).isEqualTo("POST");
        assertThat(posted.get(0).getUrl().encodedPath()).isEqualTo("/hooks/finance");
        assertThat(posted.get(0).getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(posted.get(0).getBody().utf8());
        assertThat(body.path("text").asString()).startsWith("reconciliationJob run " + run.executionId()
                + " of 2026-11-25 raised 3 alerts");
        assertThat(body.path("job").asString()).isEqualTo("reconciliationJob");
        assertThat(body.path("businessDate").asString()).isEqualTo("2026-11-25");
        assertThat(body.path("executionId").asLong()).isEqualTo(run.executionId());
        assertThat(body.path("alerts")).hasSize(3);
        assertThat(body.path("alerts").get(0).path("rule").asString()).isEqualTo("alerts.max-mismatches");
        assertThat(body.path("alerts").get(0).path("message").asString()).isEqualTo(run.alerts().get(0).message());

        List<MimeMessage> mails = AlertReceivers.mails();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("[superapp-batch] reconciliationJob 2026-11-25 run "
                + run.executionId() + ": 3 alerts");
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo(AlertReceivers.MAIL_TO);
        assertThat(mails.get(0).getContent().toString()).contains("- alerts.max-open-age: 1 order has been open");
    }

    @Test
    void aFailingWebhookIsRecordedAndTheRunStillCompletes() throws Exception {
        trade("short", 990, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("short", "short", STALE, 1000, "USD", "PENDING");
        AlertReceivers.answerWebhookWith(503);

        ReconciliationRun run = launcher.run(TODAY, Map.of());

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.alerts()).extracting(alert -> alert.rule()).containsExactly("alerts.max-mismatches");
        assertThat(run.deliveries()).filteredOn(delivery -> delivery.channel().equals("webhook")).singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.delivered()).isFalse();
                    assertThat(delivery.detail()).isEqualTo("http://localhost answered HTTP 503")
                            .doesNotContain("/hooks/finance");
                });
        assertThat(run.deliveries()).filteredOn(AlertDelivery::delivered).extracting(AlertDelivery::channel)
                .containsExactly("mail");
    }

    @Test
    void aRunWithNothingOffRaisesNoAlertAndSendsNothing() throws Exception {
        trade("paid", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("paid", "paid", STALE, 1000, "USD", "PENDING");

        ReconciliationRun run = launcher.run(TODAY, Map.of());

        assertThat(run.alerts()).isEmpty();
        assertThat(run.deliveries()).isEmpty();
        assertThat(AlertReceivers.webhookRequests()).isEmpty();
        assertThat(AlertReceivers.mails()).isEmpty();
    }

    @Test
    void theCheckNamesAnAlteredFileAMissingOneAndAManifestWhoseTotalsWereChanged() throws Exception {
        trade("paid", 1000, "USD", "open-a", CloseBehaviour.CLOSES, 2);
        order("paid", "paid", STALE, 1000, "USD", "PENDING");
        ReconciliationRun run = launcher.run(TODAY, Map.of());
        Path open = run.file(ReconciliationFile.OPEN_CSV);
        Path manifest = run.file(ReconciliationFile.MANIFEST);
        String original = Files.readString(manifest);

        Files.writeString(open, "x,,,PENDING,1,USD,2026-01-01T00:00:00Z,1,\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(run.file(ReconciliationFile.SUMMARY_XLSX));
        assertThat(manifests.check(run.report()).problems()).containsExactlyInAnyOrder(
                open.getFileName() + ": SHA-256 differs from the manifest (the file was changed)",
                run.file(ReconciliationFile.SUMMARY_XLSX).getFileName() + ": missing");

        Files.writeString(manifest, original.replace("\"settledOrders\" : 1", "\"settledOrders\" : 2"));
        ManifestCheck forged = manifests.check(run.report());
        assertThat(forged.signature()).isEqualTo(ManifestCheck.Signature.BAD);
        assertThat(forged.problems()).contains(manifest.getFileName()
                + ": HMAC does not match (altered, or signed with another key)");
    }

    void order(String name, String tradeName, Duration age, long amount, String currency, String status) {
        LocalDateTime createdAt = LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                        VALUES (?, ?, 'open-a', ?, ?, ?, ?, ?)""")
                .params(prefix + name, tradeName == null ? null : prefix + tradeName, amount, currency, status, createdAt,
                        createdAt)
                .update();
    }

    static Map<String, String[]> rowsByOrder(Path csvFile, int columns) throws Exception {
        try (CSVReader csv = new CSVReader(new FileReader(csvFile.toFile(), StandardCharsets.UTF_8))) {
            List<String[]> rows = csv.readAll();
            Map<String, String[]> byOrder = new HashMap<>();
            rows.subList(1, rows.size()).forEach(row -> {
                assertThat(row).hasSize(columns);
                byOrder.put(row[0], row);
            });
            return byOrder;
        }
    }

    private static JsonNode currency(JsonNode totals, String currency) {
        for (JsonNode node : totals.path("currencies")) {
            if (node.path("currency").asString().equals(currency)) {
                return node;
            }
        }
        throw new AssertionError("no control totals for " + currency + " in " + totals);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static XSSFWorkbook workbook(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static org.apache.poi.ss.usermodel.Row rowOf(org.apache.poi.ss.usermodel.Sheet sheet, String outTradeNo) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            if (row.getRowNum() > 0 && outTradeNo.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + outTradeNo);
    }
}
