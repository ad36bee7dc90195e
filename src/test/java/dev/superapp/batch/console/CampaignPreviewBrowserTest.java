package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * See before you send, in a real browser: the preview shows the message as a phone does (escaped, its https image
 * loaded under the page's policy), the plan at the configured rate and when it will finish in the campaign's
 * zone; "Send test" reaches the ids typed only; the send-at field and the plan are in the campaign's zone, and an
 * end time that has passed is a problem of the form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1", "platform.rate-limit=5",
                "console.time-zone=Europe/Paris"})
class CampaignPreviewBrowserTest extends BrowserTest {

    @TempDir static Path files;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", () -> files.resolve("uploads").toString());
        registry.add("reports.dir", () -> files.resolve("reports").toString());
    }

    @Test
    void thePreviewShowsTheMessageAndThePlanAndATestReachesTheTypedIdsOnly() throws Exception {
        String prefix = "v" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Path audience = audience(prefix, 120);
        String campaignId = "preview-" + prefix.substring(1, 9);

        signInAs("mara", ConsoleRole.MARKETING);
        page().navigate().to(baseUrl() + "/campaigns/new?channel=activity");
        assertThat(browser.waitFor(By.id("time-zone")).getAttribute("value")).isEqualTo("Europe/Paris");
        page().findElement(By.id("time-zone")).clear();
        page().findElement(By.id("time-zone")).sendKeys("Asia/Riyadh");
        fill(campaignId, audience, "<b>Spring</b> sale", "https://" + "localhost:" + port + "/missing-icon.png");
        page().findElement(By.id("check-audience")).click();

        assertThat(browser.waitForText(By.id("count-valid"), "120").getText()).isEqualTo("120");
        assertThat(text("message-title")).isEqualTo("<b>Spring</b> sale");
        assertThat(page().findElements(By.cssSelector("#message-title b"))).isEmpty();
        assertThat(text("message-text")).isEqualTo("Half price today");
        assertThat(page().findElement(By.id("message-image")).getAttribute("src"))
                .isEqualTo("https://localhost:" + port + "/missing-icon.png");
        assertThat(text("message-opens")).isEqualTo("pages/sale/index");
        assertThat(text("plan-recipients")).isEqualTo("120");
        assertThat(text("plan-requests")).isEqualTo("3");
        assertThat(text("plan-rate")).isEqualTo("5.0 requests/s, the configured platform.rate-limit");
        assertThat(text("plan-duration")).isEqualTo("1s");
        assertThat(text("plan-finishes")).endsWith("AST (+03:00)");
        assertThat(text("campaign-zone")).isEqualTo("Asia/Riyadh, UTC+03:00 now");
        assertThat(text("schedule-zone")).isEqualTo("Asia/Riyadh, UTC+03:00 now");

        String tester = prefix + "7";
        String colleague = prefix + "colleague";
        page().findElement(By.id("test-ids")).sendKeys(tester + "\n" + colleague);
        page().findElement(By.id("send-test")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).contains("to 2 recipient(s): ACKNOWLEDGED");
        List<WebElement> tests = page().findElements(By.cssSelector("#test-sends tbody tr"));
        assertThat(tests).singleElement().extracting(WebElement::getText).asString()
                .contains("mara", tester + ", " + colleague, "ACKNOWLEDGED", "AST (+03:00)");
        assertThat(TestSandbox.platform().deliveryCount(tester)).isEqualTo(1);
        assertThat(TestSandbox.platform().deliveryCount(colleague)).isEqualTo(1);
        assertThat(IntStream.range(0, 120).mapToObj(i -> prefix + i).filter(id -> !id.equals(tester)))
                .allSatisfy(id -> assertThat(TestSandbox.platform().requestsCarrying(id)).isZero());
        assertThat(text("campaign-status")).isEqualTo("REGISTERED");

        page().findElement(By.id("test-ids")).sendKeys("no good!");
        page().findElement(By.id("send-test")).click();
        assertThat(browser.waitFor(By.id("problem")).getText()).startsWith("test recipient 'good!' is not a recipient id");

        // Send-at is typed as Riyadh's wall clock and shown back with its abbreviation and offset.
        LocalDateTime inRiyadh = LocalDateTime.now(ZoneId.of("Asia/Riyadh")).plusDays(2).truncatedTo(ChronoUnit.MINUTES)
                .withHour(9).withMinute(30);
        setDateTime("schedule-at", inRiyadh.toString());
        page().findElement(By.id("schedule")).click();
        assertThat(browser.waitFor(By.id("notice")).getText())
                .contains("will be sent at " + inRiyadh.toLocalDate() + " 09:30:00 AST (+03:00)");
        assertThat(text("planned-at")).isEqualTo(inRiyadh.toLocalDate() + " 09:30:00 AST (+03:00)");
    }

    @Test
    void anEndTimeThatHasPassedIsAProblemOfTheForm() throws Exception {
        String prefix = "w" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Path audience = audience(prefix, 3);

        signInAs("mara", ConsoleRole.MARKETING);
        page().navigate().to(baseUrl() + "/campaigns/new?channel=activity");
        browser.waitFor(By.id("time-zone"));
        setDateTime("not-after", "2021-03-01T12:00:00");
        fill("late-" + prefix.substring(1, 9), audience, "Sale", "https://cdn.example/i.png");
        page().findElement(By.id("check-audience")).click();

        assertThat(browser.waitFor(By.id("problem-notAfter")).getText())
                .contains("2021-03-01T12:00+01:00 has passed", "would send nothing");
    }

    private void fill(String campaignId, Path audience, String title, String iconUrl) {
        page().findElement(By.id("campaign")).sendKeys(campaignId);
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        page().findElement(By.id("field-activityId")).sendKeys(campaignId + "-card");
        page().findElement(By.id("field-templateId")).sendKeys("1");
        page().findElement(By.id("field-color")).sendKeys("FFAA00");
        page().findElement(By.id("field-title")).sendKeys(title);
        page().findElement(By.id("field-text")).sendKeys("Half price today");
        page().findElement(By.id("field-iconUrl")).sendKeys(iconUrl);
        page().findElement(By.id("field-path")).sendKeys("pages/sale/index");
        page().findElement(By.id("field-validityTime")).sendKeys("86400");
        page().findElement(By.id("field-language")).sendKeys("en_US");
    }

    private Path audience(String prefix, int recipients) throws Exception {
        List<String> lines = new ArrayList<>(List.of("open_id"));
        IntStream.range(0, recipients).mapToObj(i -> prefix + i).forEach(lines::add);
        Path file = files.resolve(prefix + "audience.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** A datetime-local input takes its value from script in every browser, whatever the locale's typing order. */
    private void setDateTime(String id, String value) {
        ((JavascriptExecutor) page()).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private String text(String id) {
        return page().findElement(By.id(id)).getText();
    }
}
