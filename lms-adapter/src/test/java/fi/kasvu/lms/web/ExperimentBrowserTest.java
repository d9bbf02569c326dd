package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.ExperimentHttpTest.Person;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The team experiment in Debian Chromium: the teacher forms teams with the keyboard, three
 * members of one team work in three tabs at once (with a clash on one field), and every new page
 * passes axe-core (WCAG 2.1 AA) in Finnish, Swedish and English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentBrowserTest {

    static final String LINK = "rl-exp-browser";
    static PagesFixture fixture;
    static BrowserSession browser;
    static String tabA;
    static String tabB;
    static String tabC;

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

    private static void launchInBrowser(String subject, String roles, String name) {
        ExperimentHttpTest.customize(fixture, ExperimentHttpTest.TEAM, roles, "fi-FI", LINK, name);
        browser.launch(fixture.login(subject, false));
    }

    private static void checkInEveryLanguage(String name) throws Exception {
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check(name + "-" + language);
        }
    }

    @Test
    @Order(1)
    void teacher_formsTeamsWithTheKeyboardAlone_andThePageIsAccessible() throws Exception {
        launchInBrowser("teacher-exp", PagesFixture.INSTRUCTOR, "Olli Opettaja");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/teams");
        checkInEveryLanguage("experiment-teams-empty");

        // Importing the course's groups with the keyboard: no Moodle web services here, and the page says so.
        browser.tabTo(By.cssSelector("button[value=import]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("t-import-error"),
                "Kurssin ryhmät eivät ole saatavilla"));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                .contains("Moodlen verkkopalveluita ei ole otettu käyttöön");
        browser.check("experiment-teams-import-fi");

        browser.tabTo(By.id("f-size"));
        browser.keys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, "4");
        browser.tabTo(By.cssSelector("button[value=split]"));
        browser.keys(Keys.ENTER);
        try {
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Tiimittömät oppijat jaettiin uusiin tiimeihin koko kurssista"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no split notice; the page said: " + browser.driver.getCurrentUrl() + "\n"
                    + browser.driver.findElement(By.tagName("main")).getText(), e);
        }
        assertThat(browser.driver.findElement(By.tagName("table")).getText()).contains("Tiimi 1", "Tiimi 2",
                "Member 2, Member 4, Member 6, Member 8");
        assertThat(browser.driver.findElement(By.cssSelector("svg[role=img] desc")).getDomProperty("textContent"))
                .startsWith("2 tiimiä. tilannekuva: 2");
        checkInEveryLanguage("experiment-teams");
    }

    @Test
    @Order(2)
    void threeMembersAtOnce_aClashOnOneFieldShowsBothTexts_andOtherFieldsMergeSilently() throws Exception {
        launchInBrowser("2", PagesFixture.LEARNER, "Member 2");
        tabA = browser.driver.getWindowHandle();
        String baseA = browser.base();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        launchInBrowser("4", PagesFixture.LEARNER, "Member 4");
        tabB = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        launchInBrowser("6", PagesFixture.LEARNER, "Member 6");
        tabC = browser.driver.getWindowHandle();
        String baseC = browser.base();

        // Member 6 adds to the picture with the keyboard alone.
        browser.tabTo(By.id("f-entry-text"));
        browser.keys("Aamupalaverit toimivat");
        browser.tabTo(By.cssSelector("button[value=add]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".entries"),
                "Aamupalaverit toimivat"));
        checkInEveryLanguage("experiment-picture");

        browser.driver.switchTo().window(tabB);
        browser.driver.navigate().refresh();
        browser.loaded();
        assertThat(browser.driver.findElement(By.cssSelector(".entries")).getText()).contains("Aamupalaverit toimivat",
                "tiimin jäsen");
        browser.driver.findElement(By.id("f-entry-kind-hard")).click();
        browser.driver.findElement(By.id("f-entry-text")).sendKeys("Etäjäsenet jäävät sivuun");
        browser.driver.findElement(By.cssSelector("button[value=add]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".entries"),
                "Etäjäsenet jäävät sivuun"));
        browser.driver.findElement(By.cssSelector("button[value=next]")).click();
        browser.wait.until(ExpectedConditions.urlContains("/step/phenomenon"));
        String baseB = browser.base();

        browser.driver.switchTo().window(tabA);
        browser.driver.get(baseA + "/step/phenomenon");
        browser.loaded();
        browser.driver.switchTo().window(tabC);
        browser.driver.get(baseC + "/step/phenomenon");
        browser.loaded();

        // Member 2 writes the phenomenon; it saves on its own.
        browser.driver.switchTo().window(tabA);
        browser.driver.findElement(By.id("f-phenomenon-phenomenon")).sendKeys("Aino: etä-äänet hiipuvat");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));

        // Member 4 writes the same field from the page loaded before: both texts are shown.
        browser.driver.switchTo().window(tabB);
        browser.driver.findElement(By.id("f-phenomenon-phenomenon")).sendKeys("Bo: kukaan ei kysy");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-phenomenon-phenomenon-conflict")));
        assertThat(browser.driver.findElement(By.id("f-phenomenon-phenomenon-theirs")).getText())
                .isEqualTo("Aino: etä-äänet hiipuvat");
        assertThat(browser.driver.findElement(By.id("f-phenomenon-phenomenon")).getDomProperty("value"))
                .isEqualTo("Bo: kukaan ei kysy");
        assertThat(browser.driver.findElement(By.id("f-phenomenon-phenomenon-error")).getText())
                .contains("Toinen jäsen muutti tätä kenttää");
        browser.assertAccessible("experiment-conflict-fi");
        browser.screenshot("experiment-conflict-fi");

        // Member 6 writes another field meanwhile: no question asked.
        browser.driver.switchTo().window(tabC);
        browser.driver.findElement(By.id("f-phenomenon-howItShows")).sendKeys("Cecilia: he puhuvat viimeisinä");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));

        // Member 4 merges in the field and keeps that, with the keyboard.
        browser.driver.switchTo().window(tabB);
        browser.driver.findElement(By.id("f-phenomenon-phenomenon")).clear();
        browser.driver.findElement(By.id("f-phenomenon-phenomenon")).sendKeys("Etä-äänet hiipuvat, kukaan ei kysy");
        browser.tabTo(By.xpath("//button[normalize-space()='Pidä oma tekstini']"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("f-phenomenon-phenomenon-conflict")));
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));

        browser.driver.switchTo().window(tabA);
        browser.driver.navigate().refresh();
        browser.loaded();
        assertThat(browser.driver.findElement(By.id("f-phenomenon-phenomenon")).getDomProperty("value"))
                .isEqualTo("Etä-äänet hiipuvat, kukaan ei kysy");
        assertThat(browser.driver.findElement(By.id("f-phenomenon-howItShows")).getDomProperty("value"))
                .isEqualTo("Cecilia: he puhuvat viimeisinä");
        assertThat(baseB).isNotEqualTo(baseA);
        checkInEveryLanguage("experiment-phenomenon");
    }

    @Test
    @Order(3)
    void everyStepPage_isAccessibleInEveryLanguage_andTheTeacherSeesStepsAndDecisionsOnly() throws Exception {
        Person d = ExperimentHttpTest.learner(fixture, "8", LINK);
        String today = ExperimentHttpTest.today(fixture).toString();
        browser.driver.switchTo().window(tabA);
        String base = browser.base();

        // A stale tab: member 2 still has the phenomenon page open while member 8 moves the team on.
        d.postStep("phenomenon", "next", Map.of());
        browser.driver.findElement(By.cssSelector("button[value=save]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Tiiminne on siirtynyt eteenpäin"));
        checkInEveryLanguage("experiment-stale");

        d.postStep("change", "next", Map.of("change.from", "Äänekkäin puhuu", "change.to", "Kaikki kuullaan",
                "change.firstStep", "Etäjäsenet aloittavat"));
        browser.driver.get(base + "/step/plan");
        checkInEveryLanguage("experiment-plan");
        d.postStep("plan", "next", ExperimentHttpTest.plan(ExperimentHttpTest.today(fixture)));
        d.post("step/run", Map.of("do", "observe", "observation.on", today, "observation.text",
                "TIIMIN-HAVAINTO: kaikki puhuivat"));
        browser.driver.get(base + "/step/run");
        // Member 2 lets an observation out for the shared case with the keyboard alone.
        browser.tabTo(By.id("f-observation-text"));
        browser.keys("JAETTAVA: palaveri alkoi etäjäsenistä");
        browser.tabTo(By.id("f-observation-visibility-team"));
        browser.keys(Keys.ARROW_DOWN);
        assertThat(browser.driver.findElement(By.id("f-observation-visibility-case")).isSelected()).isTrue();
        browser.tabTo(By.cssSelector("button[value=observe]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.entries"),
                "JAETTAVA: palaveri alkoi etäjäsenistä"));
        assertThat(browser.driver.findElement(By.cssSelector("ul.entries")).getText())
                .contains("Vain tiimille", "Saa lainata jaettuun tapaukseen");
        checkInEveryLanguage("experiment-run");
        browser.driver.get(base + "/step/evaluation");
        checkInEveryLanguage("experiment-evaluation");
        d.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "met", "evidence.c1", "7/8",
                "evaluation.learned", "Puhejärjestys ratkaisee"));
        browser.driver.get(base + "/step/decision");
        browser.driver.findElement(By.cssSelector("button[value=decide]")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("f-decision-reasons-error"),
                "Kirjoita päätöksenne perustelut."));
        checkInEveryLanguage("experiment-decision-problems");
        browser.driver.findElement(By.id("f-decision-choice-adopt")).click();
        browser.driver.findElement(By.id("f-decision-reasons")).sendKeys("TIIMIN-PERUSTELU: kaikki kuultiin");
        browser.driver.findElement(By.cssSelector("button[value=decide]")).click();
        browser.wait.until(ExpectedConditions.urlContains("/step/sharing"));
        checkInEveryLanguage("experiment-sharing");
        browser.driver.findElement(By.id("f-share-tags")).sendKeys("hybridityö");
        browser.driver.findElement(By.cssSelector("button[value=preview]")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-title")));
        assertThat(browser.driver.findElement(By.cssSelector(".library-entry")).getText())
                .contains("Puhejärjestys ratkaisee", "JAETTAVA: palaveri alkoi etäjäsenistä")
                .doesNotContain("TIIMIN-HAVAINTO", "Aamupalaverit");
        // The preview is the answer to a post: it is checked as it is (a language switch reloads the form).
        browser.check("experiment-sharing-preview-fi");

        ExperimentHttpTest.customize(fixture, ExperimentHttpTest.TEAM, PagesFixture.INSTRUCTOR, "fi-FI", LINK,
                "Olli Opettaja");
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.launch(fixture.login("teacher-exp", false));
        String teams = browser.driver.getPageSource();
        browser.driver.get(browser.base() + "/progress");
        browser.loaded();
        String progress = browser.driver.getPageSource();
        for (String page : List.of(teams, progress)) {
            assertThat(page).contains("Tiimi 1", "Otamme käyttöön", "Päätös")
                    .doesNotContain("TIIMIN-HAVAINTO", "JAETTAVA", "TIIMIN-PERUSTELU", "Puhejärjestys", "Etä-äänet",
                            "Aamupalaverit", "Kaikki kuullaan");
        }
        checkInEveryLanguage("experiment-progress");

        ExperimentHttpTest.customize(fixture, ExperimentHttpTest.TEAM, PagesFixture.LEARNER, "fi-FI", LINK,
                "Ulla Ulkopuolinen");
        browser.launch(fixture.login("outsider", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/no-team");
        checkInEveryLanguage("experiment-no-team");

        // The case library from the experiment: contribute (first with a problem), browse, read.
        browser.driver.findElement(By.linkText("Tapauskirjasto")).click();
        browser.wait.until(ExpectedConditions.urlContains("/library"));
        checkInEveryLanguage("library-browse-empty");
        browser.driver.findElement(By.linkText("Jaa tapausesimerkki tai oivallus")).click();
        browser.wait.until(ExpectedConditions.urlContains("/library/new"));
        browser.driver.findElement(By.id("f-entry-title")).sendKeys("Kysy ensin");
        browser.driver.findElement(By.cssSelector("form[novalidate] button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        checkInEveryLanguage("library-new-problems");
        // The language switch reloads the empty form, so the title is typed again.
        browser.driver.findElement(By.id("f-entry-title")).sendKeys("Kysy ensin");
        browser.driver.findElement(By.id("f-entry-summary")).sendKeys("Kysyminen ennen vastaamista rauhoitti palaverit");
        browser.driver.findElement(By.id("f-entry-block-dialogue")).click();
        browser.driver.findElement(By.id("f-entry-confirm")).click();
        browser.driver.findElement(By.cssSelector("form[novalidate] button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.urlContains("done=added"));
        checkInEveryLanguage("library-browse");
        browser.driver.findElement(By.linkText("Kysy ensin")).click();
        browser.wait.until(ExpectedConditions.urlContains("/library/entry/"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kysy ensin");
        browser.check("library-entry-fi");
    }
}
