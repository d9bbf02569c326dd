package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.i18n.GrowMessages;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A learner in a real browser, launched by the platform simulator through the real server: the
 * whole GROW exercise in Finnish with the keyboard alone, a closed tab and a lost connection
 * that lose no text, the score at the platform, and every page checked by axe in every language.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerBrowserTest {

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

    static final String SAVED_FI = "Kaikki muutokset on tallennettu.";

    void savedNote() {
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), SAVED_FI));
    }

    void pressOn(By button, String expectedPath) {
        browser.pressAndLoad(button);
        browser.wait.until(ExpectedConditions.urlContains(expectedPath));
    }

    @Test
    @Order(1)
    void finnishLearner_completesTheExerciseWithTheKeyboardAlone_closingTheTabMidWay() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-keyboard", "Liisa Oppija");
        var driver = browser.driver;
        String lms = driver.getWindowHandle();

        // A second tab: the learner opens the activity, starts writing, and closes the tab mid-sentence.
        driver.switchTo().newWindow(WindowType.TAB);
        browser.launch(fixture.login("keyboard-learner", false));
        assertThat(driver.getCurrentUrl()).endsWith("/grow/goal");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fi");
        browser.check("learner-goal-fi");

        pressOn(By.cssSelector("button[value=next]"), "check=1");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
        assertThat(driver.findElement(By.id("f-goal-sessionGoal-error")).getText())
                .isEqualTo(GrowMessages.message(new GrowProblem.EmptyGoal(), Language.FI));
        browser.check("learner-goal-problems-fi");

        browser.tabTo(By.id("f-goal-sessionGoal"));
        browser.keys("Haluan antaa tiimilleni palautetta joka viikko");
        savedNote();
        browser.tabTo(By.id("f-goal-measures"));
        browser.keys("Tiimi kertoo saavansa palautetta");
        driver.close();
        driver.switchTo().window(lms);

        // The next launch resumes exactly where the learner left off, with nothing lost.
        browser.launch(fixture.login("keyboard-learner", false));
        assertThat(driver.getCurrentUrl()).endsWith("/grow/goal");
        browser.wait.until(d -> d.findElement(By.id("f-goal-measures")).getDomProperty("value")
                .equals("Tiimi kertoo saavansa palautetta"));
        assertThat(driver.findElement(By.id("f-goal-sessionGoal")).getDomProperty("value"))
                .isEqualTo("Haluan antaa tiimilleni palautetta joka viikko");

        pressOn(By.cssSelector("button[value=next]"), "/grow/reality");
        browser.check("learner-reality-fi");
        browser.tabTo(By.cssSelector("textarea[name^='answer.reality.']"));
        browser.keys("Annan palautetta vain kehityskeskusteluissa.");
        browser.tabTo(By.id("f-reality-essentialInsight"));
        browser.keys("Pelkään, että palaute loukkaa.");
        savedNote();
        pressOn(By.cssSelector("button[value=next]"), "/grow/options");

        for (String option : List.of("Kysyn tiimiltä, millaista palautetta he toivovat", "Varaan viikoittaisen hetken",
                "Kokeilen palautetta parin kanssa")) {
            browser.tabTo(By.id("f-option-new"));
            browser.keys(option);
            browser.keysAndLoad(Keys.ENTER);
            browser.wait.until(d -> d.getPageSource().contains(option));
        }
        assertThat(driver.findElement(By.cssSelector("fieldset:has(#f-option-option-2-impact) > legend")).getText())
                .isEqualTo("Vaihtoehto 2: Varaan viikoittaisen hetken");
        browser.tabTo(By.id("f-option-option-2-notes"));
        browser.keys("Perjantaisin ennen lounasta");
        browser.tabTo(By.id("f-option-option-2-pros"));
        browser.keys("Palaute ei jää kiireen alle", Keys.ENTER, "Tiimi tietää, milloin");
        browser.tabTo(By.id("f-option-option-2-cons"));
        browser.keys("Vie vartin viikossa");
        browser.tabTo(By.id("f-option-option-2-impact"));
        browser.keys("4");
        browser.tabTo(By.id("f-option-option-2-feasibility"));
        browser.keys("5");
        browser.tabTo(By.id("f-option-option-2-chosen"));
        browser.keys(Keys.SPACE);
        savedNote();
        assertThat(new Select(driver.findElement(By.id("f-option-option-2-impact"))).getFirstSelectedOption().getText())
                .isEqualTo("4");
        browser.check("learner-options-fi");
        pressOn(By.cssSelector("button[value=next]"), "/grow/will");

        browser.tabTo(By.id("f-action-new-what"));
        browser.keys("Varaan kalenterista perjantain vartin");
        browser.tabTo(By.id("f-action-new-due"));
        browser.keys("31.12.2026");
        browser.keysAndLoad(Keys.ENTER);
        browser.wait.until(d -> d.getPageSource().contains("Varaan kalenterista perjantain vartin"));
        browser.tabTo(By.id("f-will-commitment"));
        browser.keys("8");
        browser.tabTo(By.id("f-will-followUp"));
        browser.keys("15.1.2027");
        browser.check("learner-will-fi");
        pressOn(By.cssSelector("button[value=next]"), "/summary");

        assertThat(driver.getPageSource()).contains("Pelkään, että palaute loukkaa.", "Varaan viikoittaisen hetken",
                "Varaan kalenterista perjantain vartin", "8 / 10");
        WebElement chosen = driver.findElement(By.cssSelector(".chosen-options"));
        assertThat(chosen.getText()).contains("Varaan viikoittaisen hetken", "Perjantaisin ennen lounasta",
                "Palaute ei jää kiireen alle", "Tiimi tietää, milloin", "Vie vartin viikossa", "Vaikutus", "4 / 5",
                "Toteutettavuus", "5 / 5").doesNotContain("Kokeilen palautetta parin kanssa");
        assertThat(chosen.findElements(By.cssSelector("dd li"))).extracting(WebElement::getText)
                .containsExactly("Palaute ei jää kiireen alle", "Tiimi tietää, milloin", "Vie vartin viikossa");
        browser.check("learner-summary-before-completion-fi");
        pressOn(By.cssSelector("button[value=complete]"), "completed=1");
        WebElement scoreNotice;
        try {
            scoreNotice = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".notice.queued, .notice.delivered, .notice.retrying")));
        } catch (org.openqa.selenium.TimeoutException noNotice) {
            throw new AssertionError("no queued/delivered score notice after completing; the page said: "
                    + driver.findElement(By.tagName("main")).getText(), noNotice);
        }
        assertThat(scoreNotice.getText())
                .matches("Suorituksesi on tallennettu\\. Sen lähettäminen kurssille on jonossa\\."
                        + "|Suorituksesi on lähetetty kurssille\\."
                        + "|Suorituksesi on tallennettu\\. Kurssi ei vastannut; lähetystä yritetään uudelleen .+\\.");
        // The background worker delivers the score; the summary then says so.
        // Under load the first delivery can time out; the retry comes within about a minute.
        for (int i = 0; i < 1_800 && fixture.platform.scores.isEmpty(); i++) {
            Thread.sleep(50);
        }
        driver.navigate().refresh();
        browser.loaded();
        assertThat(driver.findElement(By.cssSelector(".notice.delivered")).getText())
                .isEqualTo("Suorituksesi on lähetetty kurssille.");
        browser.check("learner-summary-fi");

        assertThat(fixture.platform.scores).singleElement().satisfies((JsonObject score) -> {
            assertThat(score.getString("userId")).isEqualTo("keyboard-learner");
            assertThat(score.getString("activityProgress")).isEqualTo("Completed");
            assertThat(score.getString("gradingProgress")).isEqualTo("FullyGraded");
            assertThat(score.getJsonNumber("scoreGiven").doubleValue()).isEqualTo(1.0);
        });

        pressOn(By.cssSelector("button[value=plan]"), "planned=1");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Harjoituksesta tehtiin kehittymissuunnitelma.");
        browser.check("learner-summary-planned-fi");
    }

    @Test
    @Order(2)
    void laterLaunch_offersCheckInsOnTheActions() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-keyboard", "Liisa Oppija");
        browser.launch(fixture.login("keyboard-learner", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/summary");

        browser.tabTo(By.id("f-checkin-action-1-note"));
        browser.keys("Ensimmäinen vartti pidetty, tiimi innostui.");
        browser.tabTo(By.id("f-checkin-action-1-status"));
        browser.keys("T");
        pressOn(By.cssSelector("button[value=checkin]"), "checked=1");

        assertThat(browser.driver.getPageSource()).contains("Ensimmäinen vartti pidetty, tiimi innostui.", "Tehty");
        browser.check("learner-checkin-fi");
    }

    @Test
    @Order(3)
    void everyPage_inEveryLanguage_passesAxe_andFitsA360PixelPhone() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-keyboard", "Liisa Oppija");
        browser.launch(fixture.login("keyboard-learner", false));
        String base = browser.base();
        for (String language : List.of("fi", "sv", "en")) {
            browser.switchLanguage(language);
            for (String page : List.of("grow/goal", "grow/reality", "grow/options", "grow/will", "summary")) {
                browser.driver.get(base + "/" + page);
                assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
                browser.check("learner-" + page.replace("grow/", "") + "-" + language);
            }
        }
        browser.switchLanguage("fi");
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(360, 800));
        try {
            for (String page : List.of("grow/options", "grow/will", "summary")) {
                browser.driver.get(base + "/" + page);
                browser.loaded();
                Number width = (Number) ((JavascriptExecutor) browser.driver)
                        .executeScript("return document.documentElement.scrollWidth");
                assertThat(width.intValue()).as("%s is no wider than the phone", page).isLessThanOrEqualTo(360);
                browser.check("learner-" + page.replace("grow/", "") + "-fi-360px");
            }
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    @Test
    @Order(4)
    void lostConnection_keepsTheText_andSavesItWhenTheConnectionReturns() throws Exception {
        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-offline", "Lee Learner");
        browser.launch(fixture.login("offline-learner", false));
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        try {
            browser.tabTo(By.id("f-goal-sessionGoal"));
            browser.keys("Written on a train without a connection");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "No connection"));
        } finally {
            browser.driver.deleteNetworkConditions();
        }
        ((JavascriptExecutor) browser.driver).executeScript("window.dispatchEvent(new Event('online'))");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "All changes saved."));

        browser.launch(fixture.login("offline-learner", false));
        assertThat(browser.driver.findElement(By.id("f-goal-sessionGoal")).getDomProperty("value"))
                .isEqualTo("Written on a train without a connection");
    }

    @Test
    @Order(5)
    void errorPage_isAccessible() throws Exception {
        browser.driver.get(fixture.server.baseUrl() + "/pages/s/no-such-session/grow");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Istuntosi on päättynyt");
        browser.check("error-session-fi");
    }
}
