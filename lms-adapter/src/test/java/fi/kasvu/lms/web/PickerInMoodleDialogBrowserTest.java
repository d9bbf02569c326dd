package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The teacher's picker at the size of Moodle 4.5's "Select content" dialog, whose iframe is as wide
 * as the large modal's body (766 px in a 1280 px window) and three quarters as high (575 px), and
 * which never resizes to the tool (issue 18): the list of kinds fits without scrolling in fi, sv and
 * en, passes axe, and the keyboard alone opens a kind. An iframe's media queries read the frame's
 * own size, so a browser viewport of the frame's size shows what the dialog shows.
 */
class PickerInMoodleDialogBrowserTest {

    /** Moodle 4.5's content-item dialog frame in a 1280 × 1000 window (mod_lti/contentitem.mustache). */
    static final int DIALOG_WIDTH = 766;
    static final int DIALOG_HEIGHT = 575;

    static PagesFixture fixture;
    static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        browser = BrowserSession.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    @Test
    void kindsFitTheDialogInEveryLanguage_andTheKeyboardOpensOne() throws Exception {
        var driver = browser.driver;
        JavascriptExecutor js = driver;
        fixture.asTeacherPicking("fi-FI");
        browser.launch(fixture.login("teacher-dialog", true));
        assertThat(driver.getCurrentUrl()).endsWith("/picker");
        viewport(DIALOG_WIDTH, DIALOG_HEIGHT);

        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            @SuppressWarnings("unchecked")
            Map<String, Number> size = (Map<String, Number>) js.executeScript("return {inner: window.innerHeight,"
                    + " page: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,"
                    + " innerWidth: window.innerWidth, kinds: document.querySelectorAll('.kinds li').length}");
            assertThat(size.get("kinds").intValue()).as("the ten kinds listed").isGreaterThanOrEqualTo(10);
            assertThat(size.get("page").intValue()).as("the %s picker's height in a %d px dialog", language,
                    size.get("inner").intValue()).isLessThanOrEqualTo(size.get("inner").intValue());
            assertThat(size.get("width").intValue()).as("no sideways scrolling")
                    .isLessThanOrEqualTo(size.get("innerWidth").intValue());
            browser.assertAccessible("picker-in-moodle-dialog-" + language);
        }
        browser.screenshot("picker-in-moodle-dialog-fi");

        browser.pressAndLoad(By.cssSelector("a[href$='/picker/grow']"));
        browser.wait.until(ExpectedConditions.urlContains("/picker/grow"));
        assertThat(driver.findElement(By.cssSelector("button[value=add]")).isDisplayed()).isTrue();
        browser.assertAccessible("picker-grow-in-moodle-dialog-fi");
    }

    /** Sizes the window so that its viewport (what an iframe's content sees) is width × height. */
    private static void viewport(int width, int height) {
        var driver = browser.driver;
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        Map<String, Number> inner = (Map<String, Number>) driver.executeScript(
                "return {w: window.innerWidth, h: window.innerHeight}");
        driver.manage().window().setSize(new Dimension(width + (width - inner.get("w").intValue()),
                height + (height - inner.get("h").intValue())));
        browser.wait.until(d -> ((Number) driver.executeScript("return window.innerHeight")).intValue() == height);
    }
}
