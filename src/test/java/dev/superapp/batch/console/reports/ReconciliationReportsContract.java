package dev.superapp.batch.console.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.opencsv.CSVReader;
import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrdersFile;
import dev.superapp.batch.reconciliation.ReconciliationFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestSandbox;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The reconciliation reports pages over real runs: orders imported as {@code import-orders} does, the job
 * run against the sandbox, the report files it wrote. Every test runs its own reconciliation of six orders
 * with their own trade numbers; the runs of the other tests stay in the database, as in production.
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
        "reconciliation.poll-interval=20ms"})
@AutoConfigureMockMvc
abstract class ReconciliationReportsContract {

    static final RequestPostProcessor FINANCE = user("fiona").roles("FINANCE");

    @TempDir
    static Path reportsDir;

    @TempDir
    Path dir;

    @Autowired MockMvc mvc;
    @Autowired ReconciliationLauncher launcher;
    @Autowired OrderImporter importer;
    @Autowired JobRepository jobRepository;
    @Autowired JdbcClient jdbc;

    final String prefix = "R" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void listsEachRunUnderItsBusinessDateWithOneChartBarPerRun() throws Exception {
        ReconciliationRun earlier = reconcile(LocalDate.of(2026, 11, 24));
        ReconciliationRun later = reconcile(LocalDate.of(2026, 11, 25));

        String page = html(mvc.perform(get("/reports/reconciliation").with(FINANCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page).containsSubsequence("<h3>2026-11-25</h3>", link(later), "<h3>2026-11-24</h3>", link(earlier));
        assertThat(page).contains("MATCHED 1 · AMOUNT_MISMATCH 1 · CURRENCY_MISMATCH 1 · PAYMENT_FAILED 1"
                + " · MISSING_ON_PLATFORM 1 · NO_TRADE_NO 1");
        long runs = jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'reconciliationJob'")
                .query(Long.class).single();
        assertThat(Pattern.compile("<g class=\"bar\">").matcher(page).results().count()).isEqualTo(Math.min(runs, 30));
        assertThat(page).contains("Run " + later.executionId() + " of 2026-11-25: MATCHED 1, AMOUNT_MISMATCH 1");

        String oneDate = mvc.perform(get("/reports/reconciliation").param("date", "2026-11-24").with(FINANCE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The chart above always shows (and links) the newest runs; the list below it is that date's.
        String listed = oneDate.substring(oneDate.indexOf("Runs by business date"));
        assertThat(listed).contains(link(earlier)).doesNotContain(link(later));
    }

    @Test
    void summaryCountsAndSumsMatchTheReportRows() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 11, 26));
        List<String[]> report = reportRows(run.report());

        String page = html(mvc.perform(get("/reports/reconciliation/" + run.executionId()).with(FINANCE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        Map<String, Integer> counts = new TreeMap<>();
        report.forEach(row -> counts.merge(row[3], 1, Integer::sum));
        counts.forEach((outcome, orders) ->
                assertThat(page).contains("<tr><td>" + outcome + "</td><td class=\"number\">" + orders + "</td></tr>"));
        assertThat(page).contains("<th>Total</th><th class=\"number\">6</th>");
        // Sums per outcome and currency, each side in its own currency: the currency mismatch shows both.
        // Amounts for people: the currency's major unit with its decimals (the CSV keeps integer minor units).
        assertThat(page).contains(amountLine("MATCHED", "USD", "10.00 USD", "10.00 USD"),
                amountLine("AMOUNT_MISMATCH", "USD", "10.00 USD", "9.90 USD"),
                amountLine("CURRENCY_MISMATCH", "SAR", "—", "10.00 SAR"), amountLine("CURRENCY_MISMATCH", "USD", "10.00 USD", "—"),
                amountLine("NO_TRADE_NO", "USD", "10.00 USD", "—"));
        assertThat(Pattern.compile("<tr class=\"result\">").matcher(page).results().count()).isEqualTo(report.size());
        assertThat(page).contains("href=\"/reports/reconciliation/" + run.executionId() + "/report.csv\"");
    }

    @Test
    void outcomeFilterShowsOnlyThatOutcomeAndRefusesUnknownOnes() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 11, 27));
        String path = "/reports/reconciliation/" + run.executionId();

        String matched = html(mvc.perform(get(path).param("outcome", "AMOUNT_MISMATCH").with(FINANCE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(Pattern.compile("<tr class=\"result\">").matcher(matched).results().count()).isEqualTo(1);
        assertThat(matched).contains("title=\"" + order(LocalDate.of(2026, 11, 27), "amount") + "\"")
                .doesNotContain("title=\"" + order(LocalDate.of(2026, 11, 27), "matched") + "\"")
                .contains("<td class=\"number difference\">-0.10 USD</td>");
        assertThat(matched).contains("class=\"current\">AMOUNT_MISMATCH (1)</a>");

        for (String bad : List.of("NOPE", "MATCHED' OR '1'='1", "matched")) {
            String refused = mvc.perform(get(path).param("outcome", bad).with(FINANCE))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("There is no outcome").doesNotContain("class=\"result\"");
        }
    }

    @Test
    void downloadsTheReportFileAsAnAttachment() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 11, 28));
        String name = "reconciliation-2026-11-28-" + run.executionId() + ".csv";

        mvc.perform(get("/reports/reconciliation/" + run.executionId() + "/report.csv").with(FINANCE))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + name + "\""))
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().bytes(Files.readAllBytes(run.report())));
        mvc.perform(get("/reports/reconciliation/" + run.executionId() + "/summary.csv").with(FINANCE))
                .andExpect(status().isOk())
                .andExpect(content().bytes(Files.readAllBytes(run.summaryFile())));
    }

    @Test
    void reportPathOutsideTheReportFolderIsNotServed() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 11, 29));
        Path outside = Files.writeString(dir.resolve("secret.csv"), "not a report");
        Path link = reportsDir.resolve(prefix + "link.csv");
        Files.createSymbolicLink(link, outside);
        String download = "/reports/reconciliation/" + run.executionId() + "/report.csv";

        // Outside the folder; inside it by its spelling only (reports/../x); a link out of it; not a file.
        Path dotDot = reportsDir.resolve(reportsDir.relativize(outside));
        for (Path tampered : List.of(outside, dotDot, link, reportsDir)) {
            recordReportPath(run.executionId(), tampered);
            mvc.perform(get(download).with(FINANCE)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/reports/reconciliation/999999/report.csv").with(FINANCE)).andExpect(status().isNotFound());
    }

    @Test
    void runWithoutAReportYetSaysSoInsteadOfLinkingIt() throws Exception {
        // A run just launched, as the job repository records it before its first step.
        JobParameters parameters = new JobParametersBuilder().addString("businessDate", "2026-11-30")
                .addLong("run.id", System.nanoTime()).toJobParameters();
        JobExecution starting = jobRepository.createJobExecution(
                jobRepository.createJobInstance("reconciliationJob", parameters), parameters, new ExecutionContext());

        String page = mvc.perform(get("/reports/reconciliation/" + starting.getId()).with(FINANCE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("still going").doesNotContain("report.csv");
        mvc.perform(get("/reports/reconciliation/" + starting.getId() + "/report.csv").with(FINANCE))
                .andExpect(status().isNotFound());
    }

    @Test
    void runPageShowsItsAlertsControlTotalsFilesAndTheirCheckAndServesTheSpreadsheets() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 12, 2));
        String path = "/reports/reconciliation/" + run.executionId();

        String page = html(mvc.perform(get(path).with(FINANCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page).contains("<code>alerts.max-mismatches</code>", "2 orders differ from the platform",
                "<code>alerts.max-open-age</code>");
        assertThat(page).contains("id=\"manifest-check\"", "Every file matches its manifest");
        assertThat(page).contains("href=\"" + path + "/report.xlsx\"", "href=\"" + path + "/open.csv\"",
                "href=\"" + path + "/open.xlsx\"", "href=\"" + path + "/summary.xlsx\"", "href=\"" + path + "/manifest.json\"");
        assertThat(page).contains("<tr class=\"control-current\" data-currency=\"USD\"><th>USD</th>"
                + "<td class=\"number\">2</td><td class=\"number\">2000</td>"
                + "<td class=\"number\">4</td><td class=\"number\">4000</td>");
        mvc.perform(get(path + "/report.xlsx").with(FINANCE)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(content().bytes(Files.readAllBytes(run.file(ReconciliationFile.REPORT_XLSX))));
        mvc.perform(get(path + "/manifest.json").with(FINANCE)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(content().bytes(Files.readAllBytes(run.file(ReconciliationFile.MANIFEST))));
        mvc.perform(get(path + "/other.xlsx").with(FINANCE)).andExpect(status().isNotFound());

        Files.writeString(run.file(ReconciliationFile.OPEN_CSV), "altered\n", java.nio.file.StandardOpenOption.APPEND);
        String altered = html(mvc.perform(get(path).with(FINANCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(altered).contains("The files do not match their manifest",
                run.file(ReconciliationFile.OPEN_CSV).getFileName() + ": SHA-256 differs from the manifest");
    }

    @Test
    void chartDatesEachRunLinksItsBarToItAndDrawsTheOpenOrdersLine() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 12, 3));

        String page = html(mvc.perform(get("/reports/reconciliation").with(FINANCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page).containsPattern("<a class=\"bar-link\" href=\"/reports/reconciliation/" + run.executionId()
                + "\" aria-label=\"Run " + run.executionId() + " of 2026-12-03: [^\"]*orders still open after the run\\.\"><g class=\"bar\">");
        assertThat(page).containsPattern("<text class=\"axis-date\"[^>]*>2026-12-03</text>");
        assertThat(page).contains("<g class=\"chart-line\"><polyline", "fill=\"url(#pattern-hatch)\"",
                "<strong>settled</strong>", "<strong>needs a person</strong>");
        assertThat(page).containsPattern("<svg class=\"chart\"[^>]* width=\"(6\\d\\d|[7-9]\\d\\d)\"");
    }

    @Test
    void marketingCannotOpenReconciliationReports() throws Exception {
        ReconciliationRun run = reconcile(LocalDate.of(2026, 12, 1));
        RequestPostProcessor marketing = user("mark").roles("MARKETING");

        for (String path : List.of("/reports/reconciliation", "/reports/reconciliation/" + run.executionId(),
                "/reports/reconciliation/" + run.executionId() + "/report.csv")) {
            mvc.perform(get(path).with(marketing)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/reports/reconciliation/" + run.executionId()).with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk());
    }

    /** Six orders with one outcome each, imported from a file and reconciled against the sandbox. */
    ReconciliationRun reconcile(LocalDate businessDate) throws IOException {
        trade(order(businessDate, "matched"), 1000, "USD", 2);
        trade(order(businessDate, "amount"), 990, "USD", 2);
        trade(order(businessDate, "currency"), 1000, "SAR", 2);
        trade(order(businessDate, "failed"), 1000, "USD", 3);
        Path orders = Files.writeString(dir.resolve(prefix + businessDate + ".csv"), """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                %1$smatched,%1$smatched,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$samount,%1$samount,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$scurrency,%1$scurrency,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$sfailed,%1$sfailed,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$smissing,%1$smissing,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$snotrade,,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                """.formatted(order(businessDate, "")));
        importer.importOrders(OrdersFile.read(orders));
        ReconciliationRun run = launcher.run(businessDate, Map.of());
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        return run;
    }

    /** The order (and trade) number of one of a run's orders: unique to this test and business date. */
    String order(LocalDate businessDate, String name) {
        return prefix + businessDate + "-" + name;
    }

    private static void trade(String tradeNo, long amount, String currency, int status) {
        TestSandbox.platform().addTrade(SandboxTrade.scripted(tradeNo, tradeNo, "open-a", amount, currency,
                CloseBehaviour.CLOSES, status));
    }

    /** Puts another path where the run's report path is recorded, as a tampered job repository would. */
    private void recordReportPath(long executionId, Path path) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        execution.getExecutionContext().putString(ReconciliationLauncher.REPORT_KEY, path.toString());
        jobRepository.updateExecutionContext(execution);
    }

    private static List<String[]> reportRows(Path report) throws Exception {
        try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
            List<String[]> rows = csv.readAll();
            return rows.subList(1, rows.size());
        }
    }

    /** The page with the white space between tags removed, so that assertions can name whole table rows. */
    private static String html(String page) {
        return page.replaceAll(">\\s+<", "><");
    }

    private static String link(ReconciliationRun run) {
        return "href=\"/reports/reconciliation/" + run.executionId() + "\"";
    }

    private static String amountLine(String outcome, String currency, String local, String platform) {
        return "<tr><td>" + outcome + "</td><td>" + currency + "</td><td class=\"number\">" + local
                + "</td><td class=\"number\">" + platform + "</td></tr>";
    }
}
