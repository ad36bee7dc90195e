package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.DefinitionJson;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The card form's material typed as rows in the browser (added, removed, problems under the field), the campaign
 * list found by search, and a campaign duplicated from the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
class CampaignListBrowserTest extends BrowserTest {

    @TempDir static Path files;

    @Autowired CampaignStore store;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("console.upload-dir", () -> files.resolve("uploads").toString());
    }

    @BeforeEach
    void signedInAsMarketing() {
        browser.forgetSession();
        signInAs("mark", ConsoleRole.MARKETING);
    }

    @Test
    void cardMaterialIsTypedAsRowsThatCanBeAddedAndRemoved() throws Exception {
        Path audience = Files.writeString(files.resolve("cards.csv"), "unique_id\nc1\nc2\n", StandardCharsets.UTF_8);
        page().get(baseUrl() + "/campaigns/new?channel=cardform");
        page().findElement(By.id("campaign")).sendKeys("rows-card");
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        assertThat(rowInputs("text")).as("a new form starts with imageUrl and clickUrl").extracting(row -> row.get(0))
                .containsExactly("imageUrl", "clickUrl");
        page().findElement(By.id("row-text-value-0")).sendKeys("https://cdn.example/card.jpg");
        page().findElement(By.id("row-text-value-1")).sendKeys("https://shop.example/sale");
        page().findElement(By.id("add-row-text")).click();
        page().findElement(By.id("row-text-key-2")).sendKeys("buttonText");
        page().findElement(By.id("row-text-value-2")).sendKeys("Buy now");
        page().findElement(By.id("add-row-text")).click();
        page().findElement(By.id("row-text-key-3")).sendKeys("mistake");
        removeRow("text", 3);
        page().findElement(By.id("row-labels-key-0")).sendKeys("country");
        page().findElement(By.id("row-labels-value-0")).sendKeys("406");
        screenshot("campaign-form-rows.png");
        page().findElement(By.id("check-audience")).click();

        browser.until(driver -> driver.getCurrentUrl().endsWith("/campaigns/rows-card"));
        String definition = DefinitionJson.write(store.find("rows-card").orElseThrow().definition());
        assertThat(definition).contains("\"text\":{\"imageUrl\":\"https://cdn.example/card.jpg\","
                        + "\"clickUrl\":\"https://shop.example/sale\",\"buttonText\":\"Buy now\"}",
                "\"labels\":[{\"labelName\":\"country\",\"labelValue\":\"406\"}]").doesNotContain("mistake");
    }

    @Test
    void aMistakeIsShownUnderItsFieldAndTheRowsAreKept() throws Exception {
        Path audience = Files.writeString(files.resolve("bad.csv"), "unique_id\nc1\n", StandardCharsets.UTF_8);
        page().get(baseUrl() + "/campaigns/new?channel=cardform");
        page().findElement(By.id("campaign")).sendKeys("rows-bad");
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        page().findElement(By.id("row-text-key-0")).clear();
        page().findElement(By.id("row-text-value-0")).sendKeys("https://cdn.example/card.jpg");
        page().findElement(By.id("check-audience")).click();

        browser.waitFor(By.id("form-problems"));
        assertThat(page().findElements(By.cssSelector("#rows-text .field-problem"))).extracting(WebElement::getText)
                .containsExactly("Row 1 has a value but no name", "Row 2 (clickUrl) has no value; fill it in or remove the row");
        assertThat(page().findElement(By.id("form-problems")).getText())
                .contains("The campaign was not created: 2 things to fix, shown next to their fields.");
        assertThat(page().findElement(By.id("row-text-value-0")).getAttribute("value")).isEqualTo("https://cdn.example/card.jpg");
        screenshot("campaign-form-problem.png");
        assertThat(store.find("rows-bad")).isEmpty();
    }

    @Test
    void theListIsSearchedByIdAndACampaignDuplicatedFromIt() throws Exception {
        register("spring-sale", "spring-sale");
        register("autumn-sale", "autumn-sale");

        page().get(baseUrl() + "/campaigns");
        assertThat(page().findElements(By.cssSelector("#campaigns tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        page().findElement(By.id("search")).sendKeys("spring");
        page().findElement(By.id("search-button")).click();

        browser.until(driver -> driver.getCurrentUrl().contains("q=spring"));
        assertThat(page().findElements(By.cssSelector("#campaigns tbody tr"))).extracting(row -> row.getAttribute("id"))
                .containsExactly("campaign-spring-sale");
        WebElement row = page().findElement(By.id("campaign-spring-sale"));
        assertThat(row.findElement(By.cssSelector("[data-count=open]")).getText()).isEqualTo("2");
        screenshot("campaign-list.png");

        page().findElement(By.id("duplicate-spring-sale")).click();
        browser.waitFor(By.id("copied-from"));
        assertThat(page().findElement(By.id("campaign")).getAttribute("value")).isEqualTo("spring-sale-2");
        assertThat(page().findElement(By.id("field-activityId")).getAttribute("value")).isEqualTo("spring-sale-2");
        assertThat(page().findElement(By.id("field-title")).getAttribute("value")).isEqualTo("Spring sale");
        screenshot("campaign-duplicate.png");
    }

    @Test
    void thePreviewComparesWithAnEarlierCampaignAndLeavesItsRecipientsOut() throws Exception {
        register("first-push", "first-push");
        register("second-push", "second-push");

        page().get(baseUrl() + "/campaigns/second-push");
        new Select(browser.waitFor(By.id("overlap-with"))).selectByValue("first-push");
        page().findElement(By.id("compare")).click();

        assertThat(browser.waitFor(By.id("overlap")).getText()).isEqualTo(
                "2 of this campaign's recipients still to be sent were in the audience of first-push; 0 of them were sent by it.");
        screenshot("campaign-overlap.png");
        page().findElement(By.id("leave-out-audience")).click();

        assertThat(browser.waitFor(By.id("count-excluded")).getText()).isEqualTo("2");
        assertThat(page().findElement(By.id("count-valid")).getText()).isEqualTo("0");
        assertThat(page().findElement(By.id("overlap")).getText()).startsWith("0 of this campaign's recipients");
    }

    private void register(String campaignId, String activityId) throws Exception {
        Path audience = Files.writeString(files.resolve(campaignId + ".csv"), "open_id\nu1\nu2\n", StandardCharsets.UTF_8);
        page().get(baseUrl() + "/campaigns/new?channel=activity");
        page().findElement(By.id("campaign")).sendKeys(campaignId);
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        page().findElement(By.id("field-activityId")).sendKeys(activityId);
        page().findElement(By.id("field-templateId")).sendKeys("1");
        page().findElement(By.id("field-title")).sendKeys(campaignId.startsWith("spring") ? "Spring sale" : "Sale");
        page().findElement(By.id("field-text")).sendKeys("Half price");
        page().findElement(By.id("field-iconUrl")).sendKeys("https://cdn.example/i.png");
        page().findElement(By.id("field-color")).sendKeys("FFFFFF");
        page().findElement(By.id("field-validityTime")).sendKeys("86400");
        page().findElement(By.id("check-audience")).click();
        browser.until(driver -> driver.getCurrentUrl().endsWith("/campaigns/" + campaignId));
    }

    private List<List<String>> rowInputs(String field) {
        return page().findElements(By.cssSelector("#rows-" + field + " [data-row]")).stream()
                .map(row -> row.findElements(By.tagName("input")).stream().map(input -> input.getAttribute("value")).toList())
                .toList();
    }

    private void removeRow(String field, int index) {
        page().findElement(By.id("row-" + field + "-key-" + index)).findElement(By.xpath("ancestor::tr"))
                .findElement(By.cssSelector("[data-remove-row]")).click();
    }

    /** Kept under target/ so a person can look at what the browser showed. */
    private void screenshot(String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        Files.write(target, ((TakesScreenshot) page()).getScreenshotAs(OutputType.BYTES));
    }
}
