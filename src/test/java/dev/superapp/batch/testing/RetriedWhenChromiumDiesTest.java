package dev.superapp.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;

/**
 * A renderer that crashes under a browser test costs one more run in a new Chromium, not a red build; a page
 * that merely misbehaves is never run again.
 */
@ExtendWith(RetriedWhenChromiumDies.class)
class RetriedWhenChromiumDiesTest {

    static ConsoleBrowser browser;
    static int attempts;
    static int preparations;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void prepare() {
        preparations++;
    }

    @Test
    void aTestWhoseRendererCrashesRunsAgainWithItsPreparationInANewBrowser() {
        attempts++;
        if (attempts == 1) {
            // Chromium's own page for crashing the renderer of the tab that opens it.
            browser.driver().get("chrome://crash");
            browser.driver().getTitle();
        }
        browser.driver().get("data:text/html,<h1 id='greeting'>still here</h1>");

        assertThat(browser.waitFor(By.id("greeting")).getText()).isEqualTo("still here");
        assertThat(attempts).isEqualTo(2);
        assertThat(preparations).isEqualTo(2);
    }

    @Test
    void onlyABrowserThatWentAwayCountsAsACrash() {
        assertThat(ConsoleBrowser.diedUnder(new NoSuchSessionException("invalid session id"))).isTrue();
        assertThat(ConsoleBrowser.diedUnder(new WebDriverException(
                "disconnected: Unable to receive message from renderer"))).isTrue();
        assertThat(ConsoleBrowser.diedUnder(new RuntimeException(new WebDriverException("tab crashed")))).isTrue();

        assertThat(ConsoleBrowser.diedUnder(new TimeoutException("waited 10 s for #count-valid"))).isFalse();
        assertThat(ConsoleBrowser.diedUnder(new AssertionError("expected 40 but was 39"))).isFalse();
        assertThat(ConsoleBrowser.diedUnder(new WebDriverException("no such element: #sign-in"))).isFalse();
    }
}
