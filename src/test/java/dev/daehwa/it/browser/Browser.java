package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window with its own profile, so its own cookie jar: two users are two
 * Browsers. Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} are used as they
 * are; Selenium Manager is never asked to find or download anything (the machine cannot).
 *
 * <p>Get one from {@link Browsers#open}, which quits it after the test (and screenshots it first
 * when the test failed). Paths are always relative to the app's context root ({@link App#base()}),
 * which is {@code /} in the H2 pass and {@code /daehwa/} in the PostgreSQL pass.
 */
public final class Browser implements AutoCloseable {

    /** Where the browser and its driver live; override with -Dit.browser.chromium / -Dit.browser.chromedriver. */
    static final Path CHROMIUM = Path.of(System.getProperty("it.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("it.browser.chromedriver", "/usr/bin/chromedriver"));
    /** How long the explicit waits wait. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final AtomicBoolean SKIP_BANNER_SHOWN = new AtomicBoolean();
    /** Held so that the level set below is not lost when the logger is garbage-collected. */
    private static final Logger CDP_VERSION_LOGGER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        // Selenium Manager is not used at all (the driver path is explicit), but should anything
        // reach it, it must neither send statistics nor fetch a browser or a driver.
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        // "Unable to find an exact match for CDP version N": harmless, the tests do not use CDP.
        CDP_VERSION_LOGGER.setLevel(Level.SEVERE);
    }

    /** The viewport the page gets. */
    public enum Screen {
        DESKTOP(1280, 900),
        /** A phone: Chromium's mobile emulation, so the page's viewport meta tag counts as on a real phone. */
        PHONE(375, 812);

        public final int width;
        public final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The browser's language: what it sends as Accept-Language and reports as navigator.language. */
    public enum Language {
        ENGLISH("en-US", "en-US,en", "en"),
        KOREAN("ko", "ko", "ko"),
        /** A language Daehwa has no bundle for: the pages must fall back to English. */
        FRENCH("fr", "fr", "fr");

        final String uiLanguage;
        final String acceptLanguages;
        public final String label;

        Language(String uiLanguage, String acceptLanguages, String label) {
            this.uiLanguage = uiLanguage;
            this.acceptLanguages = acceptLanguages;
            this.label = label;
        }
    }

    private final App app;
    private final Screen screen;
    private final Language language;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(App app, Screen screen, Language language) {
        this.app = app;
        this.screen = screen;
        this.language = language;
        try {
            // Failsafe points java.io.tmpdir into target/, which may not exist yet.
            Path temp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            this.profile = Files.createTempDirectory(temp, "daehwa-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver started;
        try {
            started = new ChromeDriver(service, options());
        } catch (RuntimeException e) {
            deleteProfile();
            throw new IllegalStateException("Chromium did not start (" + CHROMIUM + " driven by " + CHROMEDRIVER + "): "
                    + e.getMessage(), e);
        }
        this.driver = started;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(WAIT);
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts a browser (prefer {@link Browsers#open}, which also quits it). Skips or fails when none is installed. */
    static Browser start(App app, Screen screen, Language language) {
        requireInstalled();
        return new Browser(app, screen, language);
    }

    private ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--disable-search-engine-choice-screen",
                "--password-store=basic",
                "--user-data-dir=" + profile,
                "--lang=" + language.uiLanguage);
        if (screen == Screen.PHONE) {
            // A headless window cannot be narrower than 500 px; mobile emulation gives a true 375 px viewport.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", screen.width, "height", screen.height, "pixelRatio", 2.0, "touch", true)));
        } else {
            options.addArguments("--window-size=" + screen.width + "," + screen.height);
        }
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", language.acceptLanguages,
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false));
        return options;
    }

    /**
     * Browser tests need Debian's chromium and chromium-driver. Without them a developer's run skips
     * them (loudly, once); a CI run ({@code CI=true}) fails, because there they must run.
     */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                missing.add(binary.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String what = "missing " + String.join(" and ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("browser tests cannot run in CI (CI=true): " + what
                    + ". Install them: apt-get install -y chromium chromium-driver fonts-nanum");
        }
        String reason = "browser tests SKIPPED: install chromium chromium-driver (" + what + ")";
        if (SKIP_BANNER_SHOWN.compareAndSet(false, true)) {
            String line = "=".repeat(Math.max(72, reason.length() + 4));
            System.err.println();
            System.err.println(line);
            System.err.println("  " + reason);
            System.err.println("  In CI (CI=true) this is a failure instead.");
            System.err.println(line);
            System.err.println();
        }
        Assumptions.abort(reason);
    }

    public WebDriver driver() {
        return driver;
    }

    public App app() {
        return app;
    }

    public Screen screen() {
        return screen;
    }

    public Language language() {
        return language;
    }

    // ---- navigation -------------------------------------------------------------------------

    /** Opens a page by its path relative to the context root: {@code go("login")}, {@code go("")} for my rooms. */
    public Browser go(String relativePath) {
        driver.get(url(relativePath));
        return this;
    }

    /** The absolute URL of a path relative to the context root. */
    public String url(String relativePath) {
        if (relativePath.startsWith("/")) {
            throw new IllegalArgumentException("use paths relative to the context root, not " + relativePath);
        }
        return app.base().resolve(relativePath).toString();
    }

    public URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    /**
     * The current page's path relative to the context root ("" for the root itself, "login"…), or the
     * whole URL when the browser is somewhere else (another host or outside the context root).
     */
    public String path() {
        URI current = currentUri();
        URI base = app.base();
        boolean sameServer = base.getScheme().equalsIgnoreCase(String.valueOf(current.getScheme()))
                && base.getHost().equalsIgnoreCase(String.valueOf(current.getHost()))
                && base.getPort() == current.getPort();
        String path = current.getRawPath() == null ? "" : current.getRawPath();
        if (sameServer && path.startsWith(base.getRawPath())) {
            return path.substring(base.getRawPath().length());
        }
        return current.toString();
    }

    /** The current page's raw query string, or "" if it has none. */
    public String query() {
        String query = currentUri().getRawQuery();
        return query == null ? "" : query;
    }

    /** Waits until the browser is on this page (path relative to the context root, query ignored). */
    public Browser awaitPath(String relativePath) {
        until("the page " + url(relativePath), d -> path().equals(relativePath));
        return this;
    }

    // ---- finding and waiting ------------------------------------------------------------------

    /**
     * Waits until the condition returns something other than null or false, and returns that. A
     * timeout fails the test with the description, the URL and the page's visible text.
     */
    public <T> T until(String description, Function<WebDriver, T> condition) {
        try {
            return wait.until(driver -> {
                try {
                    return condition.apply(driver);
                } catch (WebDriverException e) {
                    if (isNavigationRace(e)) {
                        return null; // the page is being replaced; look again
                    }
                    throw e;
                }
            });
        } catch (TimeoutException e) {
            return fail("waited " + WAIT.toSeconds() + " s for " + description + "; the browser is at "
                    + driver.getCurrentUrl() + " showing:\n" + visibleTextForReport(), e);
        }
    }

    /** Waits until an element is visible and returns it. */
    public WebElement visible(By locator) {
        return until(locator + " to be visible", ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until an element is in the page (visible or not) and returns it. */
    public WebElement present(By locator) {
        return until(locator + " to be in the page", ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Waits until a visible element has non-blank text and returns that text. */
    public String text(By locator) {
        return until(locator + " to show some text", d -> {
            List<WebElement> found = d.findElements(locator);
            if (found.isEmpty() || !found.getFirst().isDisplayed()) {
                return null;
            }
            String text = found.getFirst().getText().strip();
            return text.isEmpty() ? null : text;
        });
    }

    /** Everything matching, without waiting. */
    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /** Clears a field (Faces ids: "join:username") and types into it. */
    public Browser fill(String id, String value) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks an element by id once it can be clicked. */
    public Browser click(String id) {
        until("#" + id + " to be clickable", ExpectedConditions.elementToBeClickable(By.id(id))).click();
        return this;
    }

    /**
     * Clicks something that loads a new page, and waits until the old page is gone and the new one
     * has finished loading.
     */
    public Browser clickAndWaitForPage(String id) {
        WebElement html = driver.findElement(By.tagName("html"));
        click(id);
        until("a new page after clicking #" + id, driver -> isGone(html));
        awaitLoaded();
        return this;
    }

    /**
     * True once the element is no longer in the current document. While a page is being replaced
     * ChromeDriver may answer "Node with given id does not belong to the document" instead of
     * reporting a stale element; that means gone too.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (isNavigationRace(e)) {
                return true;
            }
            throw e;
        }
    }

    private static boolean isNavigationRace(WebDriverException e) {
        return !(e instanceof StaleElementReferenceException)
                && String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Waits until the document has loaded. */
    public Browser awaitLoaded() {
        until("the page to load", d -> "complete".equals(script("return document.readyState")));
        return this;
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The {@code lang} attribute of the page's {@code <html>} element. */
    public String htmlLang() {
        return present(By.tagName("html")).getDomAttribute("lang");
    }

    // ---- journeys ---------------------------------------------------------------------------

    /** Logs in through the login page and waits for my rooms. */
    public Browser logIn(ChatUser user) {
        go("login");
        fill("login:username", user.username());
        fill("login:password", user.password());
        clickAndWaitForPage("login:submit");
        awaitPath("");
        visible(By.id("current-user"));
        return this;
    }

    // ---- evidence ---------------------------------------------------------------------------

    /** Saves a PNG of the viewport to target/screenshots/{database}/{name}.png and returns its path. */
    public Path screenshot(String name) {
        Path file = screenshotDir(app).resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(png, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + file, e);
        }
    }

    /** Saves the page's HTML (as the browser now has it) next to the screenshots. */
    public Path savePageSource(String name) {
        Path file = screenshotDir(app).resolve(name + ".html");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, driver.getPageSource(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save page source " + file, e);
        }
    }

    static Path screenshotDir(App app) {
        // Failsafe passes it.workDir = target/it; from an IDE the working directory is the project.
        String workDir = System.getProperty("it.workDir");
        Path target = workDir == null || workDir.isBlank() ? Path.of("target") : Path.of(workDir).getParent();
        return target.resolve("screenshots").resolve(app.database());
    }

    private String visibleTextForReport() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "Browser[" + screen.label() + ", " + language.label + "]";
    }

    /** Quits Chromium and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // Chromium may still be writing while it exits; the folder is under target/ anyway.
        }
    }
}
