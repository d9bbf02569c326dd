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
 * Two-party GROW in two real browsers at once (issue 16): the coachee chooses the coach with the
 * keyboard alone, the coach opens the conversation and writes private notes with the keyboard
 * alone, each page source is checked for what the other kept private, the coach's stale tab after
 * the coach changed loses nothing they typed, and the teacher pairs with the keyboard alone. axe-core
 * finds no WCAG 2.1 AA violation on any new page, in fi, sv and en.
 */
class TwoPartyGrowBrowserTest {

    static PagesFixture fixture;
    static BrowserSession coachee;
    static BrowserSession coach;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        coachee = BrowserSession.shared();
        coach = new BrowserSession();
    }

    @AfterAll
    static void stop() throws Exception {
        for (BrowserSession b : new BrowserSession[] {coachee, coach}) {
            if (b != null) {
                b.close();
            }
        }
        fixture.close();
    }

    static void launch(BrowserSession browser, String subject, String roles, String resourceLink) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Kehityskeskustelu"))
                .claim("name", "Member " + subject)
                .claim(FeedbackHttpTest.CUSTOM, Map.of("kasvu_kind", "grow", "kasvu_template",
                        "development-discussion")));
        browser.launch(fixture.login(subject, false));
    }

    static void press(BrowserSession browser, By target, String expected) {
        browser.pressAndLoad(target);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), expected));
    }

    static void checkInEveryLanguage(BrowserSession browser, String name) throws Exception {
        browser.check(name + "-fi");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            if (!language.equals("fi")) {
                browser.check(name + "-" + language);
            }
        }
    }

    @Test
    void coacheeAndCoach_inTwoBrowsers_withTheKeyboard_seeOnlyWhatIsTheirs() throws Exception {
        String rl = "rl-two-browser";
        launch(coachee, "2", PagesFixture.LEARNER, rl);
        assertThat(coachee.driver.findElement(By.id("coach-box")).getText()).contains("etkä ole vielä valinnut");
        coachee.check("grow-two-goal-fi");
        press(coachee, By.id("f-participants-coach"), "Valmentajasi");
        checkInEveryLanguage(coachee, "grow-two-coach");
        coachee.tabTo(By.id("f-coach"));
        coachee.keys(Keys.ARROW_DOWN);
        press(coachee, By.cssSelector("form[action$='/coach'] button[type=submit]"), "Member 3 on nyt valmentajasi.");
        coachee.check("grow-two-coach-chosen-fi");
        String base = coachee.base();

        coachee.driver.get(base + "/grow/goal");
        coachee.loaded();
        coachee.driver.findElement(By.id("f-goal-sessionGoal")).sendKeys("JAETTU-TAVOITE kysyn ennen kuin neuvon");
        coachee.driver.findElement(By.id("f-goal-measures")).sendKeys("Tiimi sanoo");
        coachee.clickAndLoad(By.cssSelector("button[value=next]"));
        coachee.wait.until(ExpectedConditions.urlContains("/grow/reality"));
        coachee.driver.findElement(By.id("f-reality-tried")).sendKeys("YKSITYINEN-NYKYTILA en ole uskaltanut");
        coachee.clickAndLoad(By.cssSelector("button[value=save]"));
        coachee.driver.get(base + "/summary");
        coachee.loaded();
        coachee.driver.findElement(By.id("f-share-goal")).click();
        coachee.clickAndLoad(By.cssSelector("button[value=share]"));
        coachee.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Jakamisvalintasi on tallennettu."));
        coachee.check("grow-two-summary-fi");

        // The coach opens the same activity in a second browser while the coachee's stays open.
        launch(coach, "3", PagesFixture.LEARNER, rl);
        assertThat(coach.driver.getCurrentUrl()).endsWith("/coaching");
        checkInEveryLanguage(coach, "grow-two-coaching");
        press(coach, By.partialLinkText("Member 2"), "Valmennettava: Member 2");
        checkInEveryLanguage(coach, "grow-two-coaching-detail");
        coach.tabTo(By.id("f-notes"));
        coach.keys("VALMENTAJAN-SALAISUUS kysy tiimistä");
        press(coach, By.cssSelector("form[action$='/notes'] button"), "Muistiinpanosi tallennettiin.");
        coach.check("grow-two-coaching-notes-fi");
        assertThat(coach.driver.getPageSource()).contains("JAETTU-TAVOITE", "VALMENTAJAN-SALAISUUS")
                .doesNotContain("YKSITYINEN-NYKYTILA", "en ole uskaltanut");

        for (String page : List.of("/grow/goal", "/grow/reality", "/summary", "/coach")) {
            coachee.driver.get(base + page);
            coachee.loaded();
            assertThat(coachee.driver.getPageSource()).as(page).doesNotContain("VALMENTAJAN-SALAISUUS");
        }

        // The coachee changes coach; the old coach's tab is stale and keeps what they typed.
        coachee.driver.get(base + "/coach");
        coachee.loaded();
        coachee.tabTo(By.id("f-coach"));
        coachee.keys(Keys.ARROW_DOWN);
        press(coachee, By.cssSelector("form[action$='/coach'] button[type=submit]"), "Member 4 on nyt valmentajasi.");
        coach.tabTo(By.id("f-notes"));
        coach.keys(Keys.END, " – MYÖHÄINEN-LISÄYS");
        coach.pressAndLoad(By.cssSelector("form[action$='/notes'] button"));
        coach.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "et ole enää sen valmentaja"));
        coach.check("grow-two-coaching-stale-fi");
        assertThat(coach.driver.findElement(By.id("f-notes")).getDomProperty("value")).contains("MYÖHÄINEN-LISÄYS");
        assertThat(coach.driver.getPageSource()).doesNotContain("JAETTU-TAVOITE");

        // The teacher pairs another learner, with the keyboard alone.
        launch(coach, "1", PagesFixture.INSTRUCTOR, rl);
        coach.wait.until(ExpectedConditions.urlContains("/progress"));
        coach.check("grow-two-progress-fi");
        assertThat(coach.driver.getPageSource()).doesNotContain("VALMENTAJAN-SALAISUUS", "YKSITYINEN-NYKYTILA");
        press(coach, By.partialLinkText("Muodosta valmennettava"), "Valmennettavat ja valmentajat");
        checkInEveryLanguage(coach, "grow-two-pairs");
        coach.tabTo(By.id("f-coach-3"));
        coach.keys(Keys.ARROW_DOWN);
        press(coach, By.cssSelector("button[aria-label='Tallenna valmentaja: Member 5']"),
                "Member 2 valmentaa nyt henkilöä Member 5.");
        coach.check("grow-two-pairs-saved-fi");
    }
}
