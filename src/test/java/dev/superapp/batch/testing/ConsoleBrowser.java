package dev.superapp.batch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium for the console's end-to-end tests, driven through Debian's chromedriver.
 * Starting Chromium costs more than most tests, so a test class keeps one in a static field: {@link #start}
 * in {@code @BeforeAll}, {@link #close} in {@code @AfterAll}, and {@link #forgetSession} in
 * {@code @BeforeEach} so that each test begins signed out. {@code SignInBrowserTest} is the example.
 *
 * Both binaries are given explicitly, so Selenium Manager never looks for (or downloads) a driver.
 * {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} override their Debian paths on other machines.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** What chromedriver says when the browser or its renderer is gone, as opposed to a page misbehaving. */
    private static final List<String> CRASH_MESSAGES = List.of("tab crashed", "chrome not reachable",
            "Unable to receive message from renderer", "session deleted as the browser has closed the connection");
    /**
     * Warns on every start that no Selenium DevTools module matches this Chromium. None is needed: the
     * one DevTools call here goes through chromedriver. Held in a field because a logger nobody
     * references can be collected and lose its level.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /** Replaced by {@link #restart} when Chromium died under a test; never null otherwise. */
    private Session session;

    /** One Chromium process with its driver, its own empty profile and its download directory. */
    private record Session(ChromeDriver driver, WebDriverWait waiting, Path profile, Path downloads) {}

    private ConsoleBrowser(Session session) {
        this.session = session;
    }

    /** Starts Chromium with an empty profile, or fails the test when the browser or its driver is not installed. */
    public static ConsoleBrowser start() {
        return new ConsoleBrowser(startSession());
    }

    /**
     * Quits what is left of this Chromium and starts a new one with an empty profile: for
     * {@link RetriedWhenChromiumDies}, after the browser process itself went away under a test.
     */
    public void restart() {
        Session dead = session;
        try {
            dead.driver().quit();
        } catch (WebDriverException alreadyGone) {
            // Quitting a browser whose process has died fails; the new session below is what matters.
        } finally {
            delete(dead.profile());
            delete(dead.downloads());
        }
        session = startSession();
    }

    /**
     * Whether {@code failure} says that Chromium or its renderer went away, rather than that a page did not do
     * what a test expected: the session is gone, the tab crashed, or the renderer stopped answering.
     */
    public static boolean diedUnder(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchSessionException) {
                return true;
            }
            if (cause instanceof WebDriverException && cause.getMessage() != null
                    && CRASH_MESSAGES.stream().anyMatch(cause.getMessage()::contains)) {
                return true;
            }
        }
        return false;
    }

    private static Session startSession() {
        Path binary = installed("CHROMIUM_BINARY", "/usr/bin/chromium");
        Path chromedriver = installed("CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile = temporaryDirectory("console-browser-profile");
        Path downloads = temporaryDirectory("console-browser-downloads");
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary.toFile())
                // Chromium's sandbox refuses to start as root, which is how CI and containers run it; the
                // rest keeps it off the network and away from /dev/shm, which containers often keep tiny.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                        "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            return new Session(driver, new WebDriverWait(driver, WAIT), profile, downloads);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            delete(downloads);
            throw e;
        }
    }

    private static Path installed(String variable, String debianPath) {
        Path path = Path.of(Optional.ofNullable(System.getenv(variable)).filter(p -> !p.isBlank()).orElse(debianPath));
        if (!Files.isExecutable(path)) {
            fail("The console's browser tests need Chromium and its chromedriver, but " + path + " is missing or not"
                    + " executable. Run 'bash .ci/run', which installs them, or 'apt-get install chromium"
                    + " chromium-driver', or point " + variable + " at an installed one.");
        }
        return path;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return session.driver();
    }

    /** Where Chromium saves downloads without asking; {@link #downloaded} waits for a file to land here. */
    public Path downloadDirectory() {
        return session.downloads();
    }

    /**
     * Drops every cookie, so the next page is seen by a signed-out visitor with no session. Through the
     * DevTools protocol because WebDriver's own call only reaches the cookies of the page currently open.
     */
    public void forgetSession() {
        session.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Fills in and submits the sign-in form at {@code baseUrl/login}, and returns once the answer has
     * replaced the form: the home page (or the page asked for before) on success, the form with its
     * error otherwise.
     */
    public void signIn(String baseUrl, String username, String password) {
        WebDriver driver = driver();
        driver.get(baseUrl + "/login");
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.id("sign-in"));
        button.click();
        until(gone(button));
    }

    /**
     * The element left the document: stale, or, while Chrome is between two pages, its "node does not belong to
     * the document" error, which chromedriver reports as an unknown error rather than as staleness.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException leftTheDocument) {
                return true;
            }
        };
    }

    /**
     * The text of the first element {@code locator} finds, or null when there is none or the page replaced it
     * while it was being read: pages that update themselves swap their parts between a find and a read.
     */
    public String textOrNull(By locator) {
        try {
            return driver().findElements(locator).stream().findFirst().map(WebElement::getText).orElse(null);
        } catch (WebDriverException e) {
            if (replacedWhileRead(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The first visible element {@code locator} finds, or null, as {@link #textOrNull} reads it. */
    public WebElement visibleOrNull(By locator) {
        try {
            return driver().findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        } catch (WebDriverException e) {
            if (replacedWhileRead(e)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Staleness as Selenium names it, or as Chrome reports it in the middle of replacing a node: an unknown
     * error saying the node "does not belong to the document".
     */
    private static boolean replacedWhileRead(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || (e.getMessage() != null && e.getMessage().contains("does not belong to the document"));
    }

    /** Waits for the element to be visible. */
    public WebElement waitFor(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits for the element's text to contain {@code text}; pages that update themselves get there late. */
    public WebElement waitForText(By locator, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver().findElement(locator);
    }

    public <T> T until(ExpectedCondition<T> condition) {
        return session.waiting().until(condition);
    }

    /**
     * Waits for a download whose file name matches {@code fileNameGlob} (for example {@code "*.csv"}) to
     * finish. Chromium writes into a {@code .crdownload} file and renames it when done, so a matching
     * name without that suffix is a complete file.
     */
    public Path downloaded(String fileNameGlob, Duration timeout) {
        Path downloads = session.downloads();
        PathMatcher matcher = downloads.getFileSystem().getPathMatcher("glob:" + fileNameGlob);
        return new FluentWait<>(downloads)
                .withTimeout(timeout)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no completed download matching " + fileNameGlob + " in " + downloads
                        + "; it holds " + list(downloads))
                .until(dir -> list(dir).stream()
                        .filter(file -> matcher.matches(file.getFileName()))
                        .filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                        .findFirst()
                        .orElse(null));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits Chromium and chromedriver, then removes the profile and the downloads. */
    @Override
    public void close() {
        try {
            session.driver().quit();
        } finally {
            delete(session.profile());
            delete(session.downloads());
        }
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the browser's temporary directory " + dir, e);
        }
    }
}
