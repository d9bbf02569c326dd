package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The programme's pages in a real Chromium: axe-core finds no WCAG 2.1 AA violation on the
 * organiser's create and adapt pages, the timeline, the reflection, the calendar and the reminder
 * pages in Finnish, Swedish and English, and an organiser and a participant do their part with the
 * keyboard alone. Screenshots of the timeline and the organiser's page go to target/screenshots. An
 * organiser also uploads an agency's template file with the keyboard: its problems are listed with
 * their lines, then a good file creates the programme.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeBrowserTest {

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
        fixture.as(role, "fi-FI", "rl-browser", "Valmennus", name, Map.of("kasvu_kind", "programme"));
    }

    void pressEnterOn(By locator) {
        browser.pressAndLoad(locator);
    }

    @Test
    @Order(1)
    void organiser_createsAndAdaptsTheProgramme_withTheKeyboardAlone() throws Exception {
        as(PagesFixture.INSTRUCTOR, "Olli Järjestäjä");
        browser.launch(fixture.login("browser-olli", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/manage");
        browser.check("programme-create-fi");

        browser.tabTo(By.id("f-starts"));
        browser.keys(Keys.END);
        browser.keys(Keys.BACK_SPACE.toString().repeat(12));
        browser.keys("31.2.2026");
        pressEnterOn(By.cssSelector("button.primary"));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText()).contains("\"31.2.2026\" ei ole päivä");
        browser.check("programme-create-problems-fi");

        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        browser.tabTo(By.id("f-starts"));
        browser.keys(Keys.END);
        browser.keys(Keys.BACK_SPACE.toString().repeat(12));
        browser.keys(today);
        pressEnterOn(By.cssSelector("button.primary"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Ohjelma luotiin pohjasta"));
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("programme-manage-" + language);
        }

        browser.tabTo(By.id("f-event-kick-off-place"));
        browser.keys("Sali 1");
        pressEnterOn(By.cssSelector("#event-kick-off button[type=submit]"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tallennettu."));
        browser.check("programme-manage-saved-fi");
    }

    @Test
    @Order(2)
    void participant_readsTheTimeline_writesAndSubmitsAReflection_withTheKeyboardAlone() throws Exception {
        as(PagesFixture.LEARNER, "Anna Esihenkilö");
        browser.launch(fixture.login("browser-anna", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/timeline");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("programme-timeline-" + language);
        }

        pressEnterOn(By.cssSelector("a[href$='/reflection/reflection-1']"));
        browser.check("programme-reflection-fi");
        browser.tabTo(By.id("f-text"));
        browser.keys("Kokeilin viikkopalaverin uutta muotoa.");
        pressEnterOn(By.cssSelector("button[value=submit]"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Reflektio palautettiin."));
        browser.check("programme-reflection-submitted-fi");

        browser.driver.get(browser.base() + "/calendar");
        browser.check("programme-calendar-fi");
        pressEnterOn(By.cssSelector("button[value=new]"));
        assertThat(browser.driver.findElement(By.id("calendar-address")).getDomProperty("value"))
                .contains("/calendar/").endsWith(".ics");
        browser.check("programme-calendar-made-fi");

        browser.driver.get(browser.base() + "/reminders");
        browser.check("programme-reminders-fi");
    }

    @Test
    @Order(3)
    void owner_opensTheDashboard_andItsFigures_withTheKeyboardAlone() throws Exception {
        for (String who : List.of("browser-bea", "browser-cai", "browser-dan")) {
            as(PagesFixture.LEARNER, who);
            browser.launch(fixture.login(who, false));
        }
        as(PagesFixture.INSTRUCTOR, "Olli Järjestäjä");
        browser.launch(fixture.login("browser-olli", false));
        pressEnterOn(By.cssSelector("nav.steps-nav a[href$='/dashboard']"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard");
        assertThat(browser.driver.findElement(By.id("chart-participation-desc")).getAttribute("textContent"))
                .contains("Lopputehtävä: Mukana 4, Aloittanut 0, Valmis 0.",
                        "Välitehtävä: mitä opin kokeilusta?: Mukana 4, Aloittanut alle 3, Valmis alle 3.");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("programme-dashboard-" + language);
        }
        browser.tabTo(By.cssSelector("a[href$='/dashboard.csv']"));
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Lataa luvut (CSV)");
        browser.tabTo(By.cssSelector("div.table-wrap[role=region]"));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("aria-labelledby"))
                .isEqualTo("tbl-participation");

        browser.driver.get(browser.base() + "/manage");
        pressEnterOn(By.cssSelector("a[href$='/course-calendar']"));
        browser.check("programme-course-calendar-fi");
        pressEnterOn(By.id("publish"));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                .contains("Kurssin kalenteria ei ole yhdistetty");
        browser.check("programme-course-calendar-not-configured-fi");
        browser.switchLanguage("en");
        browser.check("programme-course-calendar-en");
    }

    @Test
    @Order(4)
    void organiser_uploadsATemplateFile_readsItsProblemsByLine_andCreatesTheProgramme_withTheKeyboardAlone()
            throws Exception {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of(PagesFixture.INSTRUCTOR))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "en-GB", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-browser-file",
                        "title", "Our programme"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("kasvu_kind", "programme"))
                .claim("name", "Olga Organiser"));
        browser.launch(fixture.login("browser-olga", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/manage");
        pressEnterOn(By.cssSelector("a[href$='/template-file']"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/template-file");
        for (String language : List.of("fi", "sv", "en")) {
            browser.switchLanguage(language);
            browser.check("programme-template-file-" + language);
        }

        Path bad = Files.createTempFile("our-programme", ".txt");
        Path good = Files.createTempFile("our-programme", ".txt");
        try {
            Files.writeString(bad, ProgrammeTemplateFileHttpTest.BAD);
            Files.writeString(good, ProgrammeTemplateFileHttpTest.GOOD);
            browser.tabTo(By.id("f-file")).sendKeys(bad.toAbsolutePath().toString());
            pressEnterOn(By.cssSelector("button.primary"));
            assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                    .contains("The template file has 5 problem(s)");
            assertThat(browser.driver.findElement(By.id("file-problems")).getText()).contains(
                    "Line 4 (roles): \"mentor\" will not do for roles.",
                    "Line 12 (day): Event kick-off's day 60 is not within phase start (days 0–49).",
                    "Line 18: \"title.en\" is neither a heading");
            browser.check("programme-template-file-problems-en");
            // A link within the page: no new document, so no pressAndLoad; the address gains the fragment.
            browser.tabTo(By.cssSelector("#error-summary a[href='#file-problems']"));
            browser.keys(Keys.ENTER);
            browser.wait.until(ExpectedConditions.urlContains("#file-problems"));
            assertThat(browser.driver.getCurrentUrl()).endsWith("/template-file#file-problems");

            browser.tabTo(By.id("f-file")).sendKeys(good.toAbsolutePath().toString());
            pressEnterOn(By.cssSelector("button.primary"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "The programme was created from your template file"));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Light mentoring");
            browser.check("programme-template-file-created-en");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }
}
