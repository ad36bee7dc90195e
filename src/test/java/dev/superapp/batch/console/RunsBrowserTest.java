package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.runs.RealRuns;
import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Runs list as an admin reads it: what each run was for and what it counted, alike for every job. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
class RunsBrowserTest extends BrowserTest {

    @TempDir static Path reportsDir;
    @TempDir Path dir;

    @Autowired ReconciliationLauncher reconciliations;
    @Autowired CampaignLauncher campaigns;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
        registry.add("reports.dir", reportsDir::toString);
    }

    @Test
    void eachRunSaysWhatItWasForAndWhatItCounted() throws Exception {
        RealRuns runs = new RealRuns(reconciliations, campaigns, jdbc);
        runs.emptyOrderBook();
        ReconciliationRun reconciliation = runs.reconcile(3, 0);
        PushRun campaign = runs.push(dir, "shown", 60);
        signInAs("ada", ConsoleRole.ADMIN);

        page().get(baseUrl() + "/runs");

        String reconciliationRow = browser.waitFor(By.id("run-" + reconciliation.executionId())).getText();
        String campaignRow = page().findElement(By.id("run-" + campaign.executionId())).getText();
        assertThat(reconciliationRow).contains("business date " + RealRuns.BUSINESS_DATE, "3 orders reconciled");
        assertThat(campaignRow).contains("campaign " + campaign.campaignId(), "65 lines staged, 2 requests sent");
        assertThat(page().findElements(By.xpath("//th[text()='Progress']"))).isEmpty();
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve("runs.png");
        Files.write(target, ((TakesScreenshot) page()).getScreenshotAs(OutputType.BYTES));
    }
}
