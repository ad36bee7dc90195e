package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import dev.superapp.batch.campaign.suppression.Suppression;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The suppression list in the browser: marketing uploads a CSV of ids with a reason, sees each listed with the
 * reason, who added it and when, finds one by search and removes it (only once confirmed); finance has no link to the
 * page and is turned away from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
class SuppressionsBrowserTest extends BrowserTest {

    @TempDir static Path files;

    @Autowired SuppressionList suppressions;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", () -> files.resolve("uploads").toString());
    }

    @BeforeEach
    void signedOut() {
        browser.forgetSession();
    }

    @Test
    void marketingUploadsIdsSeesWhoAndWhySearchesAndRemovesOne() throws Exception {
        Path optOuts = Files.writeString(files.resolve("opt-outs.csv"), "open_id\nsb-page-1\nsb-page-2\nsb-page-3\n",
                StandardCharsets.UTF_8);
        signInAs("mark", ConsoleRole.MARKETING);
        page().findElement(By.id("nav-suppressions")).click();

        browser.waitFor(By.id("add-form"));
        page().findElement(By.id("file")).sendKeys(optOuts.toAbsolutePath().toString());
        page().findElement(By.id("reason")).sendKeys("asked to stop by mail");
        page().findElement(By.id("add")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("added 3 open_id to the suppression list (0 already on it)");
        WebElement row = page().findElement(By.id("suppressed-sb-page-2"));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText).startsWith(
                "open_id", "sb-page-2", "asked to stop by mail", "mark");
        assertThat(row.findElements(By.tagName("td")).get(4).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} .+");
        screenshot("suppressions.png");

        page().findElement(By.id("search")).sendKeys("SB-PAGE-2");
        page().findElement(By.id("search-button")).click();
        browser.until(driver -> driver.getCurrentUrl().contains("search=SB-PAGE-2"));
        assertThat(listedIds()).containsExactly("suppressed-sb-page-2");
        assertThat(page().findElement(By.id("suppression-count")).getText())
                .isEqualTo("1 matching “SB-PAGE-2”, of " + suppressions.count() + " on the list");
        screenshot("suppressions-search.png");
        page().findElement(By.id("clear-search")).click();
        browser.until(driver -> !driver.getCurrentUrl().contains("search="));
        assertThat(listedIds()).contains("suppressed-sb-page-1", "suppressed-sb-page-2", "suppressed-sb-page-3");

        page().findElement(By.id("remove-sb-page-2")).click();
        browser.until(ExpectedConditions.alertIsPresent()).dismiss();
        // Said no: the page stays as it was and the entry stays on the list.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60))
                .until(() -> page().findElements(By.id("notice")).isEmpty() && suppressions.list("sb-page-2", 10).size() == 1);

        page().findElement(By.id("remove-sb-page-2")).click();
        browser.until(ExpectedConditions.alertIsPresent()).accept();

        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("removed sb-page-2 (open_id)");
        assertThat(listedIds()).contains("suppressed-sb-page-1", "suppressed-sb-page-3").doesNotContain("suppressed-sb-page-2");
        assertThat(suppressions.list("sb-page-", 10)).extracting(Suppression::recipientId)
                .containsExactlyInAnyOrder("sb-page-1", "sb-page-3");
    }

    @Test
    void financeHasNoLinkToTheListAndIsTurnedAwayFromIt() {
        suppressions.add(RecipientIdKind.UNIQUE_ID, List.of("sb-fin-1"), "gone", "ada");
        signInAs("fiona", ConsoleRole.FINANCE);

        assertThat(page().findElements(By.id("nav-suppressions"))).isEmpty();
        page().get(baseUrl() + "/suppressions");

        assertThat(browser.waitFor(By.tagName("main")).getText()).contains("403").contains("Your role does not open this page.")
                .doesNotContain("sb-fin-1");
    }

    private List<String> listedIds() {
        return page().findElements(By.cssSelector("#suppressions tbody tr")).stream()
                .map(listed -> listed.getAttribute("id")).toList();
    }

    /** Kept under target/ so a person can look at what the browser showed. */
    private void screenshot(String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        Files.write(target, ((TakesScreenshot) page()).getScreenshotAs(OutputType.BYTES));
    }
}
