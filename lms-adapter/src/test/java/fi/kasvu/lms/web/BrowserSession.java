package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a test class (never a downloaded browser), with the helpers the
 * page tests share: keyboard-only moves, axe-core at WCAG 2.1 A/AA, screenshots under
 * {@code target/screenshots/} when asked for ({@code -Dkasvu.screenshots=true}; docs/testing.md).
 */
final class BrowserSession implements AutoCloseable {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Whether screenshots are written: only when asked for with {@code -Dkasvu.screenshots=true}
     * (developers, the docs' images). CI sets nothing and writes none: a full-page screenshot costs
     * two window resizes and a PNG of up to 4000 pixels, and proves nothing a test asserts.
     */
    static final boolean SCREENSHOTS_WANTED = Boolean.getBoolean("kasvu.screenshots");

    /** axe-core's script (the one the axe-core Selenium library ships), read once per test JVM. */
    private static String axeScript;
    /**
     * Runs axe-core in the page at the given tags and answers the violations only (the other result
     * types are cut to one node per rule, so the answer stays small), plus how many rules ran.
     */
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done({rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
                               violations: r.violations.map(v => ({id: v.id, impact: String(v.impact), help: v.help,
                                   targets: v.nodes.map(n => JSON.stringify(n.target))}))}),
                    e => done({error: String((e && e.stack) || e)}));
            """;

    /** The test JVM's shared Chromium (see {@link #shared()}), started on first use. */
    private static BrowserSession shared;

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final boolean isShared;
    /** The origins this session launched into or left tabs on, whose stored data a shared session clears. */
    private final java.util.Set<String> origins = new java.util.LinkedHashSet<>();

    /** A Chromium of its own, quit by {@link #close()} (a second party in another browser, say). */
    BrowserSession() throws IOException {
        this(false);
    }

    private BrowserSession(boolean isShared) throws IOException {
        this.isShared = isShared;
        profile = Files.createTempDirectory("kasvu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=fi-FI");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fi-FI,fi"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // A page that navigates while a condition reads it leaves stale elements; read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * The one Chromium the test JVM's browser test classes share, in a clean state: one tab on
     * {@code about:blank}, no cookies, no stored data of the tools it launched into, the default
     * window size and network. Starting and quitting Chromium cost seconds per class; a class that
     * takes it {@link #close()}s it as before, which cleans it for the next class instead of quitting
     * (the JVM's exit quits it). A class needing a second, separate browser uses {@code new BrowserSession()}.
     */
    static synchronized BrowserSession shared() throws IOException {
        if (shared != null) {
            try {
                shared.clean();
                return shared;
            } catch (org.openqa.selenium.WebDriverException broken) {
                // A class before left it unusable (or it crashed): start another.
                shared.quit();
                shared = null;
            }
        }
        BrowserSession started = new BrowserSession(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.quit();
            } catch (IOException | RuntimeException e) {
                // The JVM is exiting; the temporary profile is all that is left behind.
            }
        }));
        shared = started;
        return shared;
    }

    /** Back to a fresh browser's state: one blank tab, no cookies or site data, default size and network. */
    private void clean() {
        List<String> tabs = List.copyOf(driver.getWindowHandles());
        for (String tab : tabs) {
            URI open = URI.create(driver.switchTo().window(tab).getCurrentUrl());
            if (open.getScheme() != null && open.getScheme().startsWith("http")) {
                origins.add(open.getScheme() + "://" + open.getAuthority());
            }
        }
        for (String tab : tabs.subList(1, tabs.size())) {
            driver.switchTo().window(tab).close();
        }
        driver.switchTo().window(tabs.get(0));
        driver.get("about:blank");
        try {
            driver.deleteNetworkConditions();
        } catch (org.openqa.selenium.WebDriverException noneSet) {
            // No network conditions were set.
        }
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        origins.clear();
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The whole LTI launch in this tab: login initiation, the platform's auth form, the launch; waits for a page of ours. */
    void launch(URI login) {
        origins.add(login.getScheme() + "://" + login.getAuthority());
        driver.get(login.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("form")));
        driver.findElement(By.tagName("form")).submit();
        wait.until(ExpectedConditions.urlContains("/pages/s/"));
        loaded();
    }

    /**
     * Clicks what sends the page away (a submit button, a link) and waits for the next page: the old
     * page must be gone first, or a loaded machine still shows the old, complete page and the test
     * moves on while the request is in flight (and a next navigation aborts it).
     */
    void clickAndLoad(By locator) {
        andLoad(() -> driver.findElement(locator).click());
    }

    /**
     * The keyboard's {@link #clickAndLoad}: moves focus to the button or link with the Tab key alone,
     * presses Enter and waits until the old page is gone and the next one has loaded.
     */
    void pressAndLoad(By locator) {
        tabTo(locator);
        andLoad(() -> keys(Keys.ENTER));
    }

    /** Types keys that send the page away (text and Enter in a one-field form, say) and waits for the next page. */
    void keysAndLoad(CharSequence... keys) {
        andLoad(() -> keys(keys));
    }

    /** Does what sends the page away and waits until the old page is gone and the next one has loaded. */
    void andLoad(Runnable navigation) {
        WebElement page = driver.findElement(By.tagName("html"));
        navigation.run();
        wait.until(d -> gone(page));
        loaded();
    }

    /**
     * Whether the document that {@code page} belonged to has been replaced. Besides "stale element",
     * Chromium answers "Node with given id does not belong to the document" while it swaps documents;
     * both mean the old page is gone.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException swapping) {
            String message = String.valueOf(swapping.getMessage());
            return message.contains("does not belong to the document") || message.contains("No node with given id");
        }
    }

    /**
     * Waits until the current document has loaded. Alone it proves nothing about a navigation: the
     * old page is complete too. After a click or key that navigates, use {@link #clickAndLoad},
     * {@link #pressAndLoad}, {@link #keysAndLoad} or wait for a condition only the new page meets.
     */
    void loaded() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Moves focus with the Tab key alone until the element has it. */
    WebElement tabTo(By locator) {
        WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        for (int i = 0; i < 200; i++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return target;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        return fail("the Tab key never reached " + locator);
    }

    /** Types into whatever has focus, as a keyboard does. */
    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The session's URL prefix ({@code http://…/pages/s/<token>}). */
    String base() {
        return driver.getCurrentUrl().replaceAll("(/pages/s/[^/]+)/.*", "$1");
    }

    /**
     * Runs axe-core on the page and fails with every violation's id, target and help. The script is
     * injected once per document (a page that changes in place keeps it) and runs only the WCAG 2.1
     * A/AA rules, in the page itself: the axe-core Selenium library's default instead injects into
     * every frame, ships every passing node back and finishes the run in a new blank window, which
     * cost about three times as long for the same violations (our pages have no frames).
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        List<Map<String, Object>> violations = axeViolations(page);
        String report = violations.stream().map(rule -> rule.get("id") + " (" + rule.get("impact") + "): "
                + rule.get("help") + " at " + String.join(", ", (List<String>) rule.get("targets")))
                .collect(Collectors.joining("\n  "));
        assertThat(violations).as("WCAG 2.1 AA violations on %s:\n  %s", page, report).isEmpty();
    }

    /** axe-core's WCAG 2.1 A/AA violations on the page: each rule's id, impact, help and the targets. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> axeViolations(String page) {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object' && !!window.axe.run"))) {
            js.executeScript(axeScript());
        }
        Map<String, Object> answer = (Map<String, Object>) js.executeAsyncScript(AXE_RUN, WCAG_21_AA);
        assertThat(answer.get("error")).as("axe ran on %s", page).isNull();
        assertThat(((Number) answer.get("rules")).intValue()).as("axe rules run on %s", page).isPositive();
        return (List<Map<String, Object>>) answer.get("violations");
    }

    private static synchronized String axeScript() {
        if (axeScript == null) {
            try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
                assertThat(in).as("axe.min.js in the axe-core Selenium jar").isNotNull();
                axeScript = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return axeScript;
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}, when asked for. */
    void screenshot(String name) throws IOException {
        if (!SCREENSHOTS_WANTED) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        Dimension before = driver.manage().window().getSize();
        int full = Math.min(4000, Math.max(before.getHeight(), ((Number) height).intValue() + 100));
        driver.manage().window().setSize(new Dimension(before.getWidth(), full));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }

    /** Saves a screenshot of one element (a chart, a section) as {@code target/screenshots/<name>.png}, when asked for. */
    static void screenshot(WebElement element, String name) throws IOException {
        if (!SCREENSHOTS_WANTED) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Axe and (when asked for) a screenshot of the current page. */
    void check(String name) throws IOException {
        loaded();
        assertAccessible(name);
        screenshot(name);
    }

    /** Switches the page language with the header's language buttons. */
    void switchLanguage(String code) {
        String before = driver.getCurrentUrl();
        // The old page must go (switching to the language it already has reloads it all the same).
        clickAndLoad(By.cssSelector("form.langs button[value='" + code + "']"));
        wait.until(d -> {
            try {
                return code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
        assertThat(driver.getCurrentUrl()).as("language switch returns to %s", before).isNotEmpty();
    }

    @Override
    public void close() throws IOException {
        if (isShared) {
            synchronized (BrowserSession.class) {
                try {
                    clean();
                } catch (org.openqa.selenium.WebDriverException broken) {
                    // shared() starts another for the next class.
                }
            }
            return;
        }
        quit();
    }

    private void quit() throws IOException {
        try {
            driver.quit();
        } catch (org.openqa.selenium.WebDriverException alreadyGone) {
            // Chromium went away on its own; the profile is removed all the same.
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
