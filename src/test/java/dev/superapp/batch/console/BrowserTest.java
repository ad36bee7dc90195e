package dev.superapp.batch.console;

import dev.superapp.batch.testing.ConsoleBrowser;
import dev.superapp.batch.testing.RetriedWhenChromiumDies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every console browser test shares: one headless Chromium per test class, the console's address on
 * its random port, and signing in as a user with a role. Subclasses bring their {@code @SpringBootTest}.
 */
@ExtendWith(RetriedWhenChromiumDies.class)
abstract class BrowserTest {

    static final String PASSWORD = "correct horse battery";

    static ConsoleBrowser browser;

    @LocalServerPort int port;
    @Autowired ConsoleUsers users;

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

    /** Creates (or resets) the user and signs in through the form, waiting for the signed-in page. */
    void signInAs(String username, ConsoleRole role) {
        users.save(username, PASSWORD, role);
        browser.signIn(baseUrl(), username, PASSWORD);
        browser.waitFor(By.id("sign-out"));
    }

    WebDriver page() {
        return browser.driver();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
