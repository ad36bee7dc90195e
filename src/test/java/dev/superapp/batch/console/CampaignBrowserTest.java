package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A marketing person's campaign, in a real browser against the sandbox: sign in, fill the notify form and
 * upload an audience with bad rows, read the preview, send it now, watch it to the end and download the
 * delivery report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "spring.quartz.auto-startup=true"})
class CampaignBrowserTest extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir static Path files;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", () -> files.resolve("uploads").toString());
        registry.add("reports.dir", () -> files.resolve("reports").toString());
    }

    @Test
    void uploadPreviewSendWatchAndDownloadTheReport() throws Exception {
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "_";
        List<String> lines = new ArrayList<>(List.of("open_id"));
        IntStream.range(0, 40).mapToObj(i -> prefix + i).forEach(lines::add);
        lines.add("not a valid id!");     // line 42
        lines.add(prefix + "3");          // line 43, a duplicate of line 5
        Path audience = files.resolve("spring sale audience.csv");
        Files.write(audience, lines, StandardCharsets.UTF_8);
        String campaignId = "e2e-" + prefix.substring(1, 9);

        signInAs("mark", ConsoleRole.MARKETING);
        page().findElement(By.cssSelector("a[href='/campaigns']")).click();
        browser.waitFor(By.id("new-campaign")).click();
        browser.waitFor(By.id("channel-notify")).click();
        browser.waitForText(By.tagName("legend"), "sendNotify");
        page().findElement(By.id("campaign")).sendKeys(campaignId);
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        page().findElement(By.id("field-notifyType")).sendKeys("1");
        page().findElement(By.id("field-title")).sendKeys("Spring sale");
        page().findElement(By.id("field-text")).sendKeys("Half price on everything today");
        page().findElement(By.id("check-audience")).click();

        // The preview: counted from the staged audience, with the problems' line numbers.
        assertThat(browser.waitFor(By.id("campaign-id")).getText()).isEqualTo(campaignId);
        assertThat(browser.waitFor(By.id("count-valid")).getText()).as(() -> page().getPageSource()).isEqualTo("40");
        assertThat(text("count-invalid")).isEqualTo("1");
        assertThat(text("count-duplicate")).isEqualTo("1");
        List<WebElement> problems = page().findElements(By.cssSelector("#problems tbody tr"));
        assertThat(problems).extracting(WebElement::getText)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("42 not a valid id!").contains("invalid: bad character"),
                        second -> assertThat(second).isEqualTo("43 " + prefix + "3 duplicate of line 5"));
        assertThat(text("campaign-status")).isEqualTo("REGISTERED");

        page().findElement(By.id("send-now")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Sending campaign " + campaignId);

        // Watch it: the page follows the run until the campaign has finished.
        await("the campaign finished").atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            if ("FINISHED".equals(text("campaign-status"))) {
                return true;
            }
            page().navigate().refresh();
            browser.waitFor(By.id("campaign-status"));
            return false;
        });
        browser.waitForText(By.id("progress-status"), "COMPLETED");
        await().atMost(PATIENCE).until(() -> text("progress-done"), "40"::equals);
        await().atMost(PATIENCE).until(() -> text("progress-total"), "40"::equals);
        await().atMost(PATIENCE).until(() -> text("progress-errors"), "0"::equals);

        browser.waitFor(By.id("download-report")).click();
        Path report = browser.downloaded("*.csv", Duration.ofSeconds(20));
        List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(1 + 42);
        assertThat(rows.get(1)).contains(prefix + "0", "SENT");
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("not a valid id!", "INVALID"));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("DUPLICATE", "duplicate of line 5"));
        assertThat(IntStream.range(0, 40).mapToObj(i -> prefix + i))
                .allSatisfy(id -> assertThat(TestSandbox.platform().deliveryCount(id)).isEqualTo(1));
    }

    /** Null while the page, which follows its campaign by itself, is replacing the element. */
    private String text(String id) {
        return browser.textOrNull(By.id(id));
    }
}
