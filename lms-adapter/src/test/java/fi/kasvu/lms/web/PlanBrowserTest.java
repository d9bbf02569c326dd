package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The development plan in a real browser with the keyboard alone: goal, action, follow-up, a
 * refused past review day, sharing with a team member who comments, and the teacher's view; axe-core
 * finds no WCAG 2.1 AA violation on any of these pages.
 */
class PlanBrowserTest {

    static PagesFixture fixture;
    static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        browser = new BrowserSession();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    static void launch(String subject, String roles, String resourceLink) {
        fixture.platform.tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Suunnitelma"))
                .claim("name", "Member " + subject)
                .claim(FeedbackHttpTest.CUSTOM, Map.of("kasvu_kind", "development-plan")));
        browser.launch(fixture.login(subject, false));
    }

    void typeAndSubmit(By field, String text, String expected) {
        browser.tabTo(field);
        browser.keys(text);
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), expected));
        browser.loaded();
    }

    void press(By button, String expected) {
        browser.tabTo(button);
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), expected));
        browser.loaded();
    }

    @Test
    void aPlan_withTheKeyboardAlone_sharedAndCommented_andAxeOnEveryPage() throws Exception {
        String rl = "rl-plan-browser";
        launch("2", PagesFixture.LEARNER, rl);
        browser.check("plan-empty-fi");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("plan-empty-" + language);
        }
        typeAndSubmit(By.id("f-goal-what"), "Kysyn ennen kuin neuvon", "Tavoite lisättiin.");
        typeAndSubmit(By.cssSelector("input[name=what]"), "Kolme avointa kysymystä viikossa", "Toimenpide lisättiin.");
        browser.tabTo(By.id("f-followup"));
        browser.keys("Kuukausittain vertaistriadissa");
        press(By.xpath("//form[contains(@action,'/followup')]//button"), "Seuranta tallennettiin.");
        typeAndSubmit(By.id("f-review-date"), "1.1.2000", "on jo mennyt");
        browser.check("plan-review-past-fi");
        assertThat(browser.driver.findElement(By.id("f-review-date")).getDomProperty("value")).isEqualTo("1.1.2000");
        browser.tabTo(By.id("f-review-date"));
        browser.keys(Keys.END);
        for (int i = 0; i < "1.1.2000".length(); i++) {
            browser.keys(Keys.BACK_SPACE);
        }
        browser.keys("31.12.2099", Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Seurantakerta sovittiin."));
        browser.loaded();
        browser.tabTo(By.id("m-3"));
        browser.keys(Keys.SPACE);
        press(By.cssSelector("#team button[value=share]"), "Suunnitelma on jaettu");
        browser.check("plan-complete-shared-fi");

        launch("3", PagesFixture.LEARNER, rl);
        press(By.partialLinkText("Member 2"), "Member 2 jakoi tämän suunnitelman kanssasi");
        browser.check("plan-member-fi");
        browser.tabTo(By.id("f-comment"));
        browser.keys("Hyvä tavoite");
        press(By.xpath("//form[contains(@action,'/comment')]//button"), "Kommenttisi tallennettiin.");

        launch("1", PagesFixture.INSTRUCTOR, rl);
        browser.wait.until(ExpectedConditions.urlContains("/progress"));
        browser.check("plan-progress-fi");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("Kysyn ennen kuin neuvon",
                "Hyvä tavoite");
    }
}
