package dev.superapp.batch.console.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.console.ConsoleRole;
import dev.superapp.batch.console.ConsoleUsers;
import dev.superapp.batch.testing.ConsoleBrowser;
import dev.superapp.batch.testing.RetriedWhenChromiumDies;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pages that keep up, in a real browser: a campaign page opened while SCHEDULED shows Pause once a node starts
 * sending, and after Resume the live state (never "Send now"), with a rate counting only the resumed run's
 * sends; a 128-character recipient id is shortened in the delivery report with the whole id on hover; a bad
 * {@code ?date=} is a message on the reconciliation reports page. Sending is slowed to 4 requests of one
 * recipient a second so that each state lasts long enough to be seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "spring.quartz.auto-startup=true", "push.chunk-size=1", "platform.max-in-flight=1",
                "platform.rate-limit=4"})
@ExtendWith(RetriedWhenChromiumDies.class)
class CampaignPageKeepsUpBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir static Path files;
    static ConsoleBrowser browser;

    @LocalServerPort int port;
    @Autowired ConsoleUsers users;
    @Autowired CampaignLifecycle lifecycle;
    @Autowired Clock clock;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", () -> files.resolve("uploads").toString());
        registry.add("reports.dir", () -> files.resolve("reports").toString());
    }

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aScheduledCampaignsPageFollowsItThroughSendingPauseAndResume() throws Exception {
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 8);
        String longId = prefix + "L".repeat(128 - prefix.length());
        List<String> lines = new ArrayList<>(List.of("open_id", longId));
        IntStream.range(1, 60).mapToObj(i -> prefix + "_" + i).forEach(lines::add);
        String campaignId = "keep-" + prefix;
        users.save("ada", PASSWORD, ConsoleRole.ADMIN);
        browser.signIn(baseUrl(), "ada", PASSWORD);
        register(campaignId, lines);

        lifecycle.schedule(campaignId, clock.instant().plusSeconds(12));
        page().get(baseUrl() + "/campaigns/" + campaignId);
        assertThat(browser.waitFor(By.id("campaign-status")).getText()).isEqualTo("SCHEDULED");
        assertThat(page().findElements(By.id("pause"))).isEmpty();

        // Nobody reloads the page from here on: it follows the campaign by itself.
        WebElement pause = await().atMost(PATIENCE).until(() -> visible(By.id("pause")), element -> element != null);
        assertThat(text("campaign-status")).isEqualTo("SENDING");
        await().atMost(PATIENCE).until(() -> number("progress-done") >= 20);
        screenshot("campaign-sending");
        pause.click();
        await().atMost(PATIENCE).until(() -> visible(By.id("resume")), element -> element != null);
        assertThat(text("campaign-status")).isEqualTo("PAUSED");
        long sentBeforeResume = number("progress-done");

        page().findElement(By.id("resume")).click();
        await().atMost(PATIENCE).until(() -> number("progress-done") >= sentBeforeResume + 4
                && "SENDING".equals(text("campaign-status")));
        assertThat(page().findElements(By.id("send-now"))).as("a resumed campaign is never offered Send now").isEmpty();
        assertThat(visible(By.id("pause"))).isNotNull();
        double rate = Double.parseDouble(text("progress-rate"));
        assertThat(rate).as("this run's sends per second, not the earlier %d as well", sentBeforeResume)
                .isBetween(0.5, 6.0);
        screenshot("campaign-resumed");
        await().atMost(PATIENCE).until(() -> "FINISHED".equals(text("campaign-status")));
        assertThat(TestSandbox.platform().deliveryCount(longId)).isEqualTo(1);

        page().get(baseUrl() + "/reports/campaigns/" + campaignId);
        WebElement shortened = browser.waitFor(By.cssSelector("span.id[title='" + longId + "']"));
        assertThat(shortened.getSize().getWidth()).as("shortened to 14rem").isLessThanOrEqualTo(230);
        WebElement table = page().findElement(By.cssSelector("table.rows"));
        assertThat(table.getSize().getWidth()).as("the table fits the page").isLessThanOrEqualTo(1200);
        screenshot("delivery-report");

        page().get(baseUrl() + "/reports/reconciliation?date=2026-02-30");
        assertThat(browser.waitFor(By.id("date-problem")).getText()).isEqualTo("2026-02-30 is not a date (YYYY-MM-DD)");
        assertThat(page().findElement(By.tagName("h1")).getText()).isEqualTo("Reconciliation reports");
        screenshot("reconciliation-bad-date");
    }

    /** Through the form, as a person does, then waits for the audience check. */
    private void register(String campaignId, List<String> lines) throws IOException {
        Path audience = Files.write(files.resolve(campaignId + ".csv"), lines, StandardCharsets.UTF_8);
        page().get(baseUrl() + "/campaigns/new?channel=notify");
        browser.waitFor(By.id("campaign")).sendKeys(campaignId);
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        page().findElement(By.id("field-notifyType")).sendKeys("1");
        page().findElement(By.id("field-title")).sendKeys("Keeping up");
        page().findElement(By.id("field-text")).sendKeys("A page that follows its campaign");
        page().findElement(By.id("check-audience")).click();
        await().atMost(PATIENCE).until(() -> "60".equals(text("count-valid")));
    }

    private WebElement visible(By locator) {
        return browser.visibleOrNull(locator);
    }

    private long number(String id) {
        String text = text(id);
        return text == null || !text.matches("\\d+") ? -1 : Long.parseLong(text);
    }

    /** Null while the page is being loaded again. */
    private String text(String id) {
        return browser.textOrNull(By.id(id));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) page()).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriver page() {
        return browser.driver();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
