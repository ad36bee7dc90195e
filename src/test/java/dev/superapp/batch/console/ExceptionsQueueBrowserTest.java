package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.reconciliation.OrderImporter;
import dev.superapp.batch.reconciliation.OrdersFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Finance works the exceptions queue in a real browser: filters it, opens an order to see the platform's
 * answers that decided it, is refused without a reason, resolves it with one, and finds the resolution in
 * the order's history and the order gone from the queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "reconciliation.poll-interval=20ms"})
class ExceptionsQueueBrowserTest extends BrowserTest {

    @TempDir static Path files;

    @Autowired OrderImporter importer;
    @Autowired ReconciliationLauncher launcher;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", () -> files.resolve("reports").toString());
    }

    @Test
    void filterTheQueueOpenAnOrderAndResolveItWithAReason() throws Exception {
        String prefix = "X" + UUID.randomUUID().toString().substring(0, 8) + "-";
        TestSandbox.platform().addTrade(SandboxTrade.scripted(prefix + "short", prefix + "short", "open-a", 130000,
                "SAR", CloseBehaviour.CLOSES, 2));
        TestSandbox.platform().addTrade(SandboxTrade.scripted(prefix + "paid", prefix + "paid", "open-a", 2500,
                "USD", CloseBehaviour.CLOSES, 2));
        Path orders = Files.writeString(files.resolve("orders.csv"), """
                out_trade_no,trade_no,open_id,amount,currency,status,created_at
                %1$sshort,%1$sshort,open-a,130100,SAR,PENDING,2026-11-01T10:00:00Z
                %1$spaid,%1$spaid,open-a,2500,USD,PENDING,2026-11-01T10:00:00Z
                %1$snotrade,,open-a,990,USD,PENDING,2026-11-20T10:00:00Z
                """.formatted(prefix));
        importer.importOrders(OrdersFile.read(orders));
        launcher.run(LocalDate.of(2026, 11, 24), Map.of());

        signInAs("fiona", ConsoleRole.FINANCE);
        page().findElement(By.id("nav-exceptions")).click();
        browser.waitFor(By.id("queue"));
        assertThat(queued()).containsExactly(prefix + "short", prefix + "notrade");
        assertThat(page().findElement(By.cssSelector("tr[data-order='" + prefix + "short']")).getText())
                .contains("AMOUNT_MISMATCH", "1,301.00 SAR", "2026-11-01 10:00:00 UTC");

        page().findElement(By.id("filter-currency")).sendKeys("usd");
        page().findElement(By.id("apply-filter")).click();
        browser.until(driver -> driver.getCurrentUrl().contains("currency=usd"));
        assertThat(queued()).containsExactly(prefix + "notrade");
        page().get(baseUrl() + "/reports/reconciliation/exceptions?outcome=AMOUNT_MISMATCH&minAge=7");
        assertThat(queued()).containsExactly(prefix + "short");
        page().get(baseUrl() + "/reports/reconciliation/exceptions?minAge=-1");
        assertThat(browser.waitFor(By.id("problem")).getText()).contains("not a whole number of days");

        page().get(baseUrl() + "/reports/reconciliation/exceptions");
        page().findElement(By.linkText(prefix + "short")).click();
        browser.waitFor(By.id("resolve-form"));
        assertThat(page().findElement(By.cssSelector("table.evidence")).getText())
                .contains("tradedetail", "\"transactionStatus\" : 2", "\"amount\" : 130000");
        assertThat(page().findElement(By.cssSelector("div.decision")).getText())
                .contains("AMOUNT_MISMATCH", "succeeded", "1,300.00 SAR", "difference -1.00 SAR");

        page().findElement(By.id("resolve-REFUND_NEEDED")).click();
        page().findElement(By.id("resolve-reason")).sendKeys("   ");
        page().findElement(By.id("resolve-submit")).click();
        assertThat(browser.waitFor(By.id("problem")).getText()).contains("needs a reason");
        assertThat(page().findElement(By.id("order-status")).getText()).isEqualTo("REVIEW");

        page().findElement(By.id("resolve-REFUND_NEEDED")).click();
        page().findElement(By.id("resolve-reason")).clear();
        page().findElement(By.id("resolve-reason")).sendKeys("customer was charged 1,300.00 for 1,301.00; refund and re-bill");
        page().findElement(By.id("resolve-submit")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("marked refund needed: REVIEW → REFUND_NEEDED");
        assertThat(page().findElement(By.id("order-status")).getText()).isEqualTo("REFUND_NEEDED");
        assertThat(page().findElements(By.id("resolve-form"))).isEmpty();
        assertThat(page().findElement(By.cssSelector("tr.audit-entry")).getText())
                .contains("console:fiona", "REFUND_NEEDED", "REVIEW → REFUND_NEEDED", "refund and re-bill",
                        "\"transactionStatus\" : 2");
        assertThat(jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = ?").param(prefix + "short")
                .query(String.class).single()).isEqualTo("REFUND_NEEDED");

        page().findElement(By.linkText("Exceptions queue")).click();
        browser.waitFor(By.id("queue"));
        assertThat(queued()).containsExactly(prefix + "notrade");
    }

    private List<String> queued() {
        return page().findElements(By.cssSelector("tr.open-order")).stream()
                .map(row -> row.getAttribute("data-order")).toList();
    }
}
