package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "Each participant's coach" on the organiser's page in a real Chromium: axe-core finds no WCAG 2.1
 * AA violation in Finnish, Swedish and English (a refused choice included), and the organiser pairs
 * a participant with a coach with the keyboard alone. A screenshot of the section goes to
 * target/screenshots/programme-coaches-en.png.
 */
class CoachBrowserTest {

    static PagesFixture fixture;
    static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        browser = BrowserSession.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            browser.close();
        } finally {
            fixture.close();
        }
    }

    static void as(String role, String name) {
        fixture.as(role, "fi-FI", "rl-coaches", "Valmennus", name, Map.of("kasvu_kind", "programme"));
    }

    void giveCoachRole(String name) {
        new Select(browser.driver.findElement(By.id("f-member-person"))).selectByVisibleText(name);
        new Select(browser.driver.findElement(By.id("f-member-role"))).selectByValue("COACH");
        browser.clickAndLoad(By.cssSelector("#member button[type=submit]"));
    }

    @Test
    void organiser_pairsAParticipantWithACoach_withTheKeyboardAlone() throws Exception {
        as(PagesFixture.INSTRUCTOR, "Olli Järjestäjä");
        browser.launch(fixture.login("coach-olli", false));
        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        WebElement starts = browser.driver.findElement(By.id("f-starts"));
        starts.clear();
        starts.sendKeys(today);
        browser.clickAndLoad(By.cssSelector("button.primary"));
        for (String[] person : new String[][] {{PagesFixture.INSTRUCTOR, "coach-kaisa", "Kaisa Valmentaja"},
                {PagesFixture.INSTRUCTOR, "coach-saara", "Saara Coach"},
                {PagesFixture.LEARNER, "coach-anna", "Anna Esihenkilö"},
                {PagesFixture.LEARNER, "coach-bertil", "Bertil Chef"}}) {
            as(person[0], person[2]);
            browser.launch(fixture.login(person[1], false));
        }
        as(PagesFixture.INSTRUCTOR, "Olli Järjestäjä");
        browser.launch(fixture.login("coach-olli", false));
        giveCoachRole("Kaisa Valmentaja");
        giveCoachRole("Saara Coach");
        assertThat(browser.driver.findElement(By.id("m-coaches")).getText()).isEqualTo("Osallistujien valmentajat");

        // Anna's form is the first participant's; Kaisa is the first coach in its list.
        WebElement annasForm = browser.driver.findElements(By.cssSelector("form[id^=coach-]")).stream()
                .filter(f -> f.getText().contains("Anna Esihenkilö")).findFirst().orElseThrow();
        String form = annasForm.getDomAttribute("id");
        assertThat(annasForm.getText()).contains("Valmentaja nyt: ei vielä ketään");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("programme-coaches-page-" + language);
            if (language.equals("en")) {
                section("programme-coaches-en");
            }
        }

        // Saving without choosing a coach is refused with a message; nothing is saved.
        browser.tabTo(By.cssSelector("#" + form + " button[type=submit]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-summary"),
                "Valitse joku ohjelman valmentajista."));
        browser.check("programme-coaches-refused-fi");

        browser.tabTo(By.id("f-" + form + "-coach"));
        browser.keys(Keys.ARROW_DOWN);
        browser.tabTo(By.cssSelector("#" + form + " button[type=submit]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Valmentaja tallennettiin."));
        assertThat(browser.driver.findElement(By.id(form)).getText()).contains("Valmentaja nyt: Kaisa Valmentaja");
        browser.check("programme-coaches-saved-fi");
    }

    /** A screenshot of the coaches' section alone, for the organisers' docs. */
    static void section(String name) throws Exception {
        WebElement section = browser.driver.findElement(By.xpath("//section[@aria-labelledby='m-coaches']"));
        BrowserSession.screenshot(section, name);
    }
}
