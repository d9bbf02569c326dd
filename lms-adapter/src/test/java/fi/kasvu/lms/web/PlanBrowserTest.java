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
        browser = BrowserSession.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    static void launch(String subject, String roles, String resourceLink) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Suunnitelma"))
                .claim("name", "Member " + subject)
                .claim(FeedbackHttpTest.CUSTOM, Map.of("kasvu_kind", "development-plan")));
        browser.launch(fixture.login(subject, false));
    }

    /** Types into a one-field form and sends it with Enter; the old page (maybe with the same notice) must go first. */
    void typeAndSubmit(By field, String text, String expected) {
        browser.tabTo(field);
        browser.keys(text);
        browser.keysAndLoad(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), expected));
    }

    void press(By button, String expected) {
        browser.pressAndLoad(button);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), expected));
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
        typeAndSubmit(By.cssSelector("input[name=what]"), "Kymmenen sekunnin tauko", "Toimenpide lisättiin.");

        browser.tabTo(By.xpath("//summary[contains(., 'Muuta tai merkitse tehdyksi: Kolme')]"));
        browser.keys(Keys.ENTER);
        browser.tabTo(By.cssSelector("select[name^='status.']"));
        browser.keys(Keys.ARROW_DOWN);
        browser.tabTo(By.cssSelector("textarea[name^='note.']"));
        browser.keys("Toimi hyvin");
        press(By.xpath("//form[contains(@action,'/status')]//button"), "Toimenpiteen tila tallennettiin.");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("tehty – Toimi hyvin");

        browser.tabTo(By.xpath("//summary[contains(., 'Muuta tai merkitse tehdyksi: Kymmenen')]"));
        browser.keys(Keys.ENTER);
        List<org.openqa.selenium.WebElement> statuses = browser.driver.findElements(By.cssSelector("select[name^='status.']"));
        browser.tabTo(By.id(statuses.get(1).getDomAttribute("id")));
        browser.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        List<org.openqa.selenium.WebElement> saves = browser.driver.findElements(
                By.xpath("//form[contains(@action,'/status')]//button"));
        press(By.xpath("(//form[contains(@action,'/status')]//button)[2]"), "Kirjoita, miksi luovuit toimenpiteestä");
        assertThat(saves).hasSize(2);
        browser.check("plan-action-dropped-error-fi");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("tehty – Toimi hyvin");

        browser.tabTo(By.xpath("//summary[contains(., 'Muuta tavoitetta')]"));
        browser.keys(Keys.ENTER);
        browser.tabTo(By.cssSelector("input[name^='edit.goal-']"));
        browser.keys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        browser.keysAndLoad(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Kirjoita, mitä haluat kehittää."));
        browser.check("plan-goal-edit-error-fi");
        browser.tabTo(By.cssSelector("input[name^='edit.goal-']"));
        browser.keys("Kysyn ensin, neuvon sitten");
        browser.keysAndLoad(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Tavoitetta muutettiin."));
        browser.check("plan-edited-fi");
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
        browser.keys("31.12.2099");
        browser.keysAndLoad(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Seurantakerta sovittiin."));
        browser.tabTo(By.id("m-3"));
        browser.keys(Keys.SPACE);
        press(By.cssSelector("#team button[value=share]"), "Suunnitelma on jaettu");
        browser.check("plan-complete-shared-fi");

        launch("3", PagesFixture.LEARNER, rl);
        press(By.partialLinkText("Member 2"), "Member 2 jakoi tämän suunnitelman kanssasi");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Kysyn ensin, neuvon sitten",
                "tehty – Toimi hyvin");
        browser.check("plan-member-fi");
        browser.tabTo(By.id("f-comment"));
        browser.keys("Hyvä tavoite");
        press(By.xpath("//form[contains(@action,'/comment')]//button"), "Kommenttisi tallennettiin.");

        launch("1", PagesFixture.INSTRUCTOR, rl);
        browser.wait.until(ExpectedConditions.urlContains("/progress"));
        browser.check("plan-progress-fi");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("Kysyn ensin, neuvon",
                "Hyvä tavoite");
    }
}
