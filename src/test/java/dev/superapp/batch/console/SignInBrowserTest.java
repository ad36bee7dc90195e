package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import dev.superapp.batch.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Signing in and out of the console in a real browser: redirects, the error, role-dependent links, the session's end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "management.server.port=-1"})
class SignInBrowserTest extends BrowserTest {

    private static final By RECONCILIATION_LINK = By.cssSelector("a[href='/reports/reconciliation']");
    private static final By CAMPAIGNS_LINK = By.cssSelector("a[href='/campaigns']");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.H2.register(registry);
        TestSandbox.register(registry);
    }

    @BeforeEach
    void signedOutWithSomeUsers() {
        browser.forgetSession();
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);
        users.save("mark", PASSWORD, ConsoleRole.MARKETING);
    }

    @Test
    void openingTheConsoleSignedOutLeadsToTheSignInPage() {
        page().get(baseUrl() + "/");

        browser.waitFor(By.id("sign-in"));
        assertThat(page().getCurrentUrl()).isEqualTo(baseUrl() + "/login");
        assertThat(page().getTitle()).startsWith("Sign in");
        assertThat(page().findElements(By.id("sign-out"))).isEmpty();
    }

    @Test
    void aWrongPasswordShowsTheErrorAndSignsNobodyIn() {
        browser.signIn(baseUrl(), "fiona", "not fiona's password");

        assertThat(browser.waitFor(By.id("sign-in-error")).getText()).isEqualTo("Wrong user name or password.");
        assertThat(page().getCurrentUrl()).isEqualTo(baseUrl() + "/login?error");
        assertThat(page().findElements(By.id("sign-out"))).isEmpty();
        page().get(baseUrl() + "/");
        browser.waitFor(By.id("sign-in"));
        assertThat(page().getCurrentUrl()).isEqualTo(baseUrl() + "/login");
    }

    @Test
    void financeSeesReconciliationReportsButNotCampaignsAndSignsOut() {
        browser.signIn(baseUrl(), "fiona", PASSWORD);

        assertThat(browser.waitForText(By.tagName("h1"), "Welcome, fiona").getText()).isEqualTo("Welcome, fiona");
        assertThat(page().getCurrentUrl()).isEqualTo(baseUrl() + "/");
        assertThat(page().findElements(RECONCILIATION_LINK)).isNotEmpty()
                .allSatisfy(link -> assertThat(link.isDisplayed()).isTrue());
        assertThat(page().findElements(CAMPAIGNS_LINK)).isEmpty();

        browser.waitFor(By.id("sign-out")).click();

        assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("You are signed out.");
        assertThat(page().getCurrentUrl()).isEqualTo(baseUrl() + "/login?signedOut");
        page().get(baseUrl() + "/");
        browser.waitFor(By.id("sign-in"));
        assertThat(page().getCurrentUrl()).as("the session ended with the sign-out").isEqualTo(baseUrl() + "/login");
    }

    /** The other side of the finance test: the campaigns link is there for a role that may open it. */
    @Test
    void marketingSeesCampaignsButNotReconciliationReports() {
        browser.signIn(baseUrl(), "mark", PASSWORD);

        browser.waitForText(By.tagName("h1"), "Welcome, mark");
        assertThat(page().findElements(CAMPAIGNS_LINK)).isNotEmpty();
        assertThat(page().findElements(RECONCILIATION_LINK)).isEmpty();
    }
}
