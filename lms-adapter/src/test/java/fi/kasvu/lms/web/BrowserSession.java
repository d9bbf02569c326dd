package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
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
 * {@code target/screenshots/}.
 */
final class BrowserSession implements AutoCloseable {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    BrowserSession() throws IOException {
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
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // A page that navigates while a condition reads it leaves stale elements; read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** The whole LTI launch in this tab: login initiation, the platform's auth form, the launch; waits for a page of ours. */
    void launch(URI login) {
        driver.get(login.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("form")));
        driver.findElement(By.tagName("form")).submit();
        wait.until(ExpectedConditions.urlContains("/pages/s/"));
        loaded();
    }

    /** Waits until the document has loaded. */
    /**
     * Clicks what sends the page away (a submit button, a link) and waits for the next page: the old
     * page must be gone first, or a loaded machine still shows the old, complete page and the test
     * moves on while the request is in flight (and a next navigation aborts it).
     */
    void clickAndLoad(By locator) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(locator).click();
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

    /** Runs axe-core on the page and fails with every violation's id, target and help. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on %s: %s", page, results.getErrorMessage()).isFalse();
        List<Rule> violations = results.getViolations();
        String report = violations.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + " at " + rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                .collect(Collectors.joining(", "))).collect(Collectors.joining("\n  "));
        assertThat(violations).as("WCAG 2.1 AA violations on %s:\n  %s", page, report).isEmpty();
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        Dimension before = driver.manage().window().getSize();
        int full = Math.min(4000, Math.max(before.getHeight(), ((Number) height).intValue() + 100));
        driver.manage().window().setSize(new Dimension(before.getWidth(), full));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }

    /** Axe and a screenshot of the current page. */
    void check(String name) throws IOException {
        loaded();
        assertAccessible(name);
        screenshot(name);
    }

    /** Switches the page language with the header's language buttons. */
    void switchLanguage(String code) {
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form.langs button[value='" + code + "']")).click();
        // The old document can go away between finding <html> and reading its lang: Chromium then
        // answers "stale element" or "Node ... does not belong to the document"; ask again.
        wait.until(d -> {
            try {
                return code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
        loaded();
        assertThat(driver.getCurrentUrl()).as("language switch returns to %s", before).isNotEmpty();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
