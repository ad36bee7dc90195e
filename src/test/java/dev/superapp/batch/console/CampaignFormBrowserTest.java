package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The campaign form's refusals as a person meets them in the browser: an audience over the limit, a form with mistakes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1",
                "console.max-upload-size=1KB"})
class CampaignFormBrowserTest extends BrowserTest {

    @TempDir static Path files;

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
    void anAudienceOverTheLimitIsRefusedWithTheLimit() throws Exception {
        Path audience = Files.writeString(files.resolve("big.csv"), "open_id\n" + "u123456789\n".repeat(400),
                StandardCharsets.UTF_8);
        page().get(baseUrl() + "/campaigns/new?channel=notify");
        fillNotify("too-big", audience);

        assertThat(browser.waitFor(By.id("problem-audience")).getText())
                .isEqualTo("The audience is larger than the limit of 1KB; split it into several campaigns");
        assertThat(page().findElement(By.id("campaign")).getAttribute("value")).isEqualTo("too-big");
        try (Stream<Path> kept = Files.exists(files.resolve("uploads")) ? Files.list(files.resolve("uploads")) : Stream.empty()) {
            assertThat(kept.filter(file -> file.toString().endsWith(".csv"))).as("refused audiences are not kept").isEmpty();
        }
    }

    @Test
    void aFormWithMistakesIsShownAgainWithEveryProblemAndWhatWasTyped() throws Exception {
        Path audience = Files.writeString(files.resolve("small.csv"), "open_id\nu1\n", StandardCharsets.UTF_8);
        page().get(baseUrl() + "/campaigns/new?channel=notify");
        new Select(page().findElement(By.id("field-navigateType"))).selectByValue("2");
        fillNotify("with-mistakes", audience);

        assertThat(browser.waitFor(By.id("problem-url")).getText()).isEqualTo(
                "Required: sendNotify needs it when navigateType is 2");
        assertThat(page().findElement(By.id("campaign")).getAttribute("value")).isEqualTo("with-mistakes");
        assertThat(page().findElement(By.id("field-title")).getAttribute("value")).isEqualTo("Spring sale");
    }

    private void fillNotify(String campaignId, Path audience) {
        page().findElement(By.id("campaign")).sendKeys(campaignId);
        page().findElement(By.id("audience")).sendKeys(audience.toAbsolutePath().toString());
        page().findElement(By.id("field-notifyType")).sendKeys("1");
        page().findElement(By.id("field-title")).sendKeys("Spring sale");
        page().findElement(By.id("field-text")).sendKeys("Half price");
        page().findElement(By.id("check-audience")).click();
    }
}
