package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The 360 assessment in a real browser, with the keyboard alone: a subject invites a roster rater
 * and makes rater links, assesses themselves, link raters answer on the public page without an
 * account (in two languages), a roster rater answers in the LMS, the subject closes and reads the
 * report, shares it and makes a development plan from it, and the teacher reads the progress view.
 * axe-core finds no WCAG 2.1 AA violation on any of these pages.
 */
class FeedbackBrowserTest {

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

    static void launch(String subject, String roles, String locale, String resourceLink) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "360"))
                .claim("name", "Member " + subject)
                .claim(FeedbackHttpTest.CUSTOM, Map.of("kasvu_kind", "feedback-360")));
        browser.launch(fixture.login(subject, false));
    }

    void press(By target, String expectedInUrl) {
        browser.pressAndLoad(target);
        browser.wait.until(ExpectedConditions.urlContains(expectedInUrl));
    }

    void pressAndSee(By target, String text) {
        browser.pressAndLoad(target);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    /** Answers every statement with the keyboard: from "cannot say", Left {@code steps} times; then comments; then sends. */
    void answerWithKeyboard(int steps, String strengths) {
        List<WebElement> none = browser.driver.findElements(By.cssSelector("input[type=radio][value='']"));
        assertThat(none).hasSizeGreaterThanOrEqualTo(6);
        browser.tabTo(By.id(none.get(0).getDomAttribute("id")));
        for (int i = 0; i < none.size(); i++) {
            for (int s = 0; s < steps; s++) {
                browser.keys(Keys.ARROW_LEFT);
            }
            browser.keys(Keys.TAB);
        }
        browser.tabTo(By.id("f-strengths"));
        browser.keys(strengths);
        browser.pressAndLoad(By.cssSelector("form.answer-form button[type=submit]"));
    }

    @Test
    void theWhole360_withTheKeyboardAlone_andAxeOnEveryPage() throws Exception {
        String rl = "rl-360-browser";
        launch("2", PagesFixture.LEARNER, "fi-FI", rl);
        browser.wait.until(ExpectedConditions.urlContains("/feedback"));
        browser.check("feedback-home-fi");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("feedback-home-" + language);
        }

        browser.tabTo(By.id("f-rater"));
        browser.keys(Keys.ARROW_DOWN);
        pressAndSee(By.cssSelector("form[action$='/feedback/invite'] button"), "Arvioija kutsuttiin");
        assertThat(browser.driver.findElement(By.id("h-invite")).findElement(By.xpath("..")).getText())
                .contains("Member 3 – Kollegat");
        pressAndSee(By.cssSelector("form[action$='/feedback/withdraw'] button"), "Kutsu peruttiin.");
        browser.check("feedback-withdrawn-fi");
        assertThat(browser.driver.findElement(By.id("h-invite")).findElement(By.xpath("..")).getText())
                .doesNotContain("Member 3 – Kollegat");
        browser.tabTo(By.id("f-rater"));
        browser.keys(Keys.ARROW_DOWN);
        pressAndSee(By.cssSelector("form[action$='/feedback/invite'] button"), "Arvioija kutsuttiin");

        List<String> links = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pressAndSee(By.cssSelector("form[action$='/feedback/link'] button"), "Uusi arvioijalinkkisi");
            links.add(browser.driver.findElement(By.id("issued-link")).getDomProperty("value"));
            if (i == 0) {
                browser.check("feedback-link-issued-fi");
            }
        }
        assertThat(links).doesNotHaveDuplicates().allMatch(l -> l.contains("/pages/r/feedback-360/"));

        press(By.linkText("Anna oma arviosi"), "/feedback/self");
        browser.check("feedback-self-fi");
        answerWithKeyboard(1, "Kuuntelen");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Oma arviosi tallennettiin."));

        for (int i = 0; i < links.size(); i++) {
            browser.driver.get(links.get(i));
            browser.loaded();
            if (i == 0) {
                browser.check("feedback-public-fi");
                press(By.linkText("Svenska"), "lang=sv");
                browser.check("feedback-public-sv");
            }
            answerWithKeyboard(2 + i, "Kommentti " + i);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                    i == 0 ? "Tack" : "Kiitos"));
            if (i == 0) {
                browser.check("feedback-public-thanks-sv");
                browser.driver.get(links.get(i));
                browser.loaded();
                assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Tällä kutsulla on jo vastattu");
                browser.check("feedback-public-used-fi");
            }
        }

        launch("3", PagesFixture.LEARNER, "fi-FI", rl);
        press(By.linkText("Arvioi Member 2"), "/feedback/rate/");
        browser.check("feedback-rate-fi");
        answerWithKeyboard(3, "Kysyy ensin");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Kiitos, vastauksesi tallennettiin."));

        launch("2", PagesFixture.LEARNER, "fi-FI", rl);
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("Kysyy ensin", "Kommentti");
        press(By.cssSelector("#close button"), "/feedback/report");
        browser.check("feedback-report-fi");
        String report = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(report).contains("Kollegat: alle 3 vastasi", "Muiden arvio perustuu 4 vastaukseen.",
                "Kommentti 0", "Kysyy ensin", "Kuuntelen");
        browser.switchLanguage("en");
        browser.check("feedback-report-en");
        browser.switchLanguage("fi");
        pressAndSee(By.cssSelector("#share button"), "Raporttisi on nyt jaettu opettajalle.");
        pressAndSee(By.cssSelector("#plan button[type=submit]"), "Raportistasi tehtiin kehittymissuunnitelma.");

        launch("1", PagesFixture.INSTRUCTOR, "fi-FI", rl);
        browser.wait.until(ExpectedConditions.urlContains("/feedback/manage"));
        browser.check("feedback-manage-fi");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("feedback-manage-" + language);
        }
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Member 2", "Suljettu")
                .doesNotContain("Kysyy ensin", "Kommentti 0");
        browser.tabTo(By.id("f-subject"));
        browser.keys(Keys.ARROW_DOWN);
        browser.tabTo(By.id("f-rater"));
        browser.keys(Keys.ARROW_DOWN);
        pressAndSee(By.cssSelector("form[action$='/feedback/manage/invite'] button"), "Arvioija kutsuttiin.");
        assertThat(browser.driver.findElement(By.id("learners")).getText()).contains("Member 2 – Kollegat");
        pressAndSee(By.cssSelector("form[action$='/feedback/manage/withdraw'] button"), "Kutsu peruttiin.");
        pressAndSee(By.cssSelector("form[action$='/feedback/manage/close'] button"), "Kierros suljettiin");
        browser.check("feedback-manage-done-fi");
        press(By.linkText("Edistyminen ja jaetut raportit"), "/progress");
        browser.check("feedback-progress-fi");
        String progress = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(progress).contains("Jaettu raportti", "Kutsuttu").doesNotContain("Kysyy ensin", "Kommentti 0");
    }
}
