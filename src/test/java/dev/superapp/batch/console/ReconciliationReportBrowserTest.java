package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrdersFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.superapp.batch.reconciliation.ReconciliationFile;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A finance person's morning, in a real browser: the night's reconciliation under its business date in the chart
 * (a click on a bar opens that run), its alerts, its files' check, its summary, the rows of one outcome, and the
 * CSV and XLSX reports downloaded as finance keeps them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "reconciliation.poll-interval=20ms"})
class ReconciliationReportBrowserTest extends BrowserTest {

    @TempDir static Path files;

    @Autowired OrderImporter importer;
    @Autowired ReconciliationLauncher launcher;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> files.resolve("reports").toString());
    }

    @Test
    void browseTheNightsRunFilterItsMismatchesAndDownloadTheReport() throws Exception {
        String prefix = "F" + UUID.randomUUID().toString().substring(0, 8) + "-";
        trade(prefix + "paid", 1000, 2);
        trade(prefix + "short", 990, 2);
        trade(prefix + "failed", 1000, 3);
        Path orders = Files.writeString(files.resolve("orders.csv"), """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                %1$spaid,%1$spaid,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$sshort,%1$sshort,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                %1$sfailed,%1$sfailed,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                """.formatted(prefix));
        trade(prefix + "yesterday", 1000, 2);
        importer.importOrders(OrdersFile.read(Files.writeString(files.resolve("yesterday.csv"), """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                %1$syesterday,%1$syesterday,open-a,1000,USD,PENDING,2026-11-01T10:00:00Z
                """.formatted(prefix))));
        ReconciliationRun previous = launcher.run(LocalDate.of(2026, 11, 23), Map.of());
        importer.importOrders(OrdersFile.read(orders));
        ReconciliationRun run = launcher.run(LocalDate.of(2026, 11, 24), Map.of());

        signInAs("fiona", ConsoleRole.FINANCE);
        page().findElement(By.cssSelector("a[href='/reports/reconciliation']")).click();
        browser.waitFor(By.id("chart-heading"));
        assertThat(page().findElement(By.id("chart-title")).getAttribute("textContent")).contains("Orders per outcome");
        assertThat(page().findElements(By.cssSelector("g.bar"))).hasSize(2);
        assertThat(page().findElement(By.cssSelector("svg.chart")).getSize().getWidth()).isGreaterThanOrEqualTo(600);
        assertThat(page().findElements(By.cssSelector("text.axis-date"))).extracting(WebElement::getText)
                .containsExactly("2026-11-23", "2026-11-24");
        assertThat(page().findElements(By.cssSelector("g.chart-line circle"))).hasSize(2);
        assertThat(page().findElement(By.tagName("h3")).getText()).isEqualTo("2026-11-24");
        screenshot("reconciliation-chart.png");
        page().findElements(By.cssSelector("a.bar-link")).get(0).click();
        browser.until(driver -> driver.getCurrentUrl().endsWith("/reports/reconciliation/" + previous.executionId()));
        page().navigate().back();
        browser.waitFor(By.id("chart-heading"));
        page().findElement(By.linkText("#" + run.executionId())).click();

        browser.waitFor(By.id("rows"));
        assertThat(page().findElement(By.id("alerts")).getText()).contains("alerts.max-mismatches",
                "1 order differs from the platform (AMOUNT_MISMATCH 1)");
        assertThat(page().findElement(By.id("manifest-check")).getText()).startsWith("Every file matches its manifest");
        assertThat(page().findElement(By.id("control-totals")).getText()).contains("USD", "2026-11-23");
        screenshot("reconciliation-run.png");
        page().findElement(By.linkText("the report (XLSX)")).click();
        Path spreadsheet = browser.downloaded("*.xlsx", Duration.ofSeconds(20));
        assertThat(Files.readAllBytes(spreadsheet)).isEqualTo(
                Files.readAllBytes(run.file(ReconciliationFile.REPORT_XLSX)));
        assertThat(page().getPageSource()).contains("MATCHED", "AMOUNT_MISMATCH", "PAYMENT_FAILED");
        assertThat(page().findElements(By.cssSelector("tr.result"))).hasSize(3);
        page().findElement(By.linkText("AMOUNT_MISMATCH (1)")).click();
        browser.until(driver -> driver.getCurrentUrl().contains("outcome=AMOUNT_MISMATCH"));
        List<WebElement> rows = page().findElements(By.cssSelector("tr.result"));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.getText())
                .contains(prefix + "short", "9.90 USD", "10.00 USD", "-0.10 USD", "succeeded", "2026-11-01 10:00:00 UTC"));

        page().findElement(By.linkText("Download the report (CSV)")).click();
        Path report = browser.downloaded("*.csv", Duration.ofSeconds(20));
        assertThat(Files.readAllBytes(report)).isEqualTo(Files.readAllBytes(run.report()));
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains(prefix + "short");
    }

    /** Kept under target/ so a person can look at what the browser showed. */
    private void screenshot(String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        Files.write(target, ((TakesScreenshot) page()).getScreenshotAs(OutputType.BYTES));
    }

    private static void trade(String tradeNo, long amount, int status) {
        TestSandbox.platform().addTrade(SandboxTrade.scripted(tradeNo, tradeNo, "open-a", amount, "USD",
                CloseBehaviour.CLOSES, status));
    }
}
