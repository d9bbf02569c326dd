package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WindowType;

/**
 * The browser tests' own helpers: the quick axe-core run finds exactly what the axe-core Selenium
 * library's full run finds, the shared Chromium comes back clean for the next class, and
 * screenshots are written only when asked for.
 */
class BrowserSessionTest {

    static HttpServer site;
    static String origin;

    @BeforeAll
    static void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> pages = Map.of(
                "/broken", "<!doctype html><html><head><title>Broken</title></head><body>"
                        + "<img src='/none.png'><a href='/clean'></a>"
                        + "<p style='color:#bbb;background:#fff'>Faint text</p>"
                        + "<label>Name</label><input id='n'><button></button></body></html>",
                "/clean", "<!doctype html><html lang='en'><head><title>Clean</title></head><body><main>"
                        + "<h1>Clean</h1><a href='/next'>Next</a><button type='button' id='change'>Change</button>"
                        + "</main></body></html>",
                "/next", "<!doctype html><html lang='en'><head><title>Next</title></head><body><main><h1>Next</h1>"
                        + "</main></body></html>");
        site.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "no such page" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        origin = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        site.stop(0);
    }

    @Test
    void theQuickAxeRun_findsWhatTheLibrarysFullRunFinds() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        try {
            browser.driver.get(origin + "/broken");
            Set<String> library = new AxeBuilder().withTags(BrowserSession.WCAG_21_AA).analyze(browser.driver)
                    .getViolations().stream().map(Rule::getId).collect(Collectors.toSet());
            browser.driver.navigate().refresh();
            browser.loaded();
            Set<String> quick = browser.axeViolations("broken").stream().map(v -> (String) v.get("id"))
                    .collect(Collectors.toSet());
            assertThat(library).contains("image-alt", "html-has-lang", "link-name", "button-name", "label",
                    "color-contrast");
            assertThat(quick).isEqualTo(library);
            assertThatThrownBy(() -> browser.assertAccessible("broken")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt").hasMessageContaining("img");

            browser.driver.get(origin + "/clean");
            browser.assertAccessible("clean");
            // The same document checked again after a change in place: axe is injected once and still runs.
            browser.driver.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')");
            assertThat(browser.axeViolations("clean changed")).extracting(v -> v.get("id")).containsExactly("image-alt");
        } finally {
            browser.close();
        }
    }

    @Test
    void theSharedChromium_comesBackCleanForTheNextClass() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        browser.driver.get(origin + "/clean");
        browser.driver.manage().addCookie(new Cookie("session", "first-class"));
        browser.driver.executeScript("localStorage.setItem('draft', 'first-class')");
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        browser.close();

        BrowserSession next = BrowserSession.shared();
        try {
            assertThat(next).isSameAs(browser);
            assertThat(next.driver.getWindowHandles()).hasSize(1);
            assertThat(next.driver.getCurrentUrl()).isEqualTo("about:blank");
            assertThat(next.driver.manage().window().getSize().getWidth()).isEqualTo(1280);
            next.driver.get(origin + "/clean");
            assertThat(next.driver.manage().getCookies()).isEmpty();
            assertThat(next.driver.executeScript("return localStorage.getItem('draft')")).isNull();
        } finally {
            next.close();
        }
    }

    @Test
    void clickAndLoad_waitsForTheNextPage_andScreenshotsAreWrittenOnlyWhenAskedFor() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        try {
            browser.driver.get(origin + "/clean");
            browser.clickAndLoad(By.linkText("Next"));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Next");
            String name = "browser-session-test-" + ProcessHandle.current().pid();
            browser.check(name);
            assertThat(Files.exists(BrowserSession.SCREENSHOTS.resolve(name + ".png")))
                    .isEqualTo(BrowserSession.SCREENSHOTS_WANTED);
            Files.deleteIfExists(BrowserSession.SCREENSHOTS.resolve(name + ".png"));
        } finally {
            browser.close();
        }
    }
}
