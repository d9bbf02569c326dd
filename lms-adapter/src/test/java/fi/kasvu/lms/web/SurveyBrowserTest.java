package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The two survey kinds in a real browser on the real tool (Jetty, H2): placing with the picker,
 * rounds, anonymous answers that a second tab replaces, bad input, the difference attack on the
 * results page and in the exports, publishing to learners; axe in every language and keyboard-only
 * answering.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyBrowserTest {

    static final String CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom";
    static final String UNITS = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("Yksikkö A\nYksikkö B".getBytes(StandardCharsets.UTF_8));

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

    /** Launches the culture self-assessment as this user from now on. */
    static void culture(String roles, String locale, String name) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-culture",
                        "title", "Työkulttuuri"))
                .claim(CUSTOM, Map.of("kasvu_kind", "culture-assessment", "kasvu_units", UNITS))
                .claim("name", name));
    }

    static void learner(String subject) {
        culture(PagesFixture.LEARNER, "fi-FI", "");
        browser.launch(fixture.login(subject, false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/survey");
    }

    static void organiser(String subject) {
        culture(PagesFixture.INSTRUCTOR, "fi-FI", "Olli Opettaja");
        browser.launch(fixture.login(subject, false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/manage");
    }

    /** Chooses the value for a statement with a click on its label. */
    static void choose(String statement, int value) {
        browser.driver.findElement(By.cssSelector("label[for='f-q-" + statement + "-" + value + "']")).click();
    }

    static void send() {
        browser.clickAndLoad(By.cssSelector("#answer-form button[type=submit]"));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    /** Fetches a same-origin address from the page as text (base64 for binary). */
    static String fetch(String url, boolean binary) {
        return (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (r) { if (!r.ok) { done('HTTP ' + r.status); return; }"
                        + (arguments(binary)), url);
    }

    private static String arguments(boolean binary) {
        return binary ? "return r.arrayBuffer().then(function (b) { var s = ''; var a = new Uint8Array(b);"
                + " for (var i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } done(btoa(s)); }); });"
                : "return r.text().then(done); });";
    }

    @Test
    @Order(1)
    void picker_pulseSurvey_validatesItsSettings_andPlacesTheChosenStatements() throws Exception {
        fixture.asTeacherPicking("en-GB");
        browser.launch(fixture.login("teacher-picker", true));
        assertThat(browser.driver.getPageSource()).contains("Pulse survey", "Culture self-assessment");
        browser.clickAndLoad(By.cssSelector("a[href$='/picker/culture-assessment']"));
        browser.check("survey-picker-culture-en");
        browser.driver.navigate().back();
        browser.loaded();
        browser.clickAndLoad(By.cssSelector("a[href$='/picker/pulse-survey']"));
        for (String language : List.of("fi", "sv", "en")) {
            browser.switchLanguage(language);
            browser.check("survey-picker-pulse-" + language);
        }
        for (String id : List.of("ca1", "ca2", "ca3")) {
            browser.driver.findElement(By.id("f-stmt-" + id)).click();
        }
        browser.driver.findElement(By.id("f-own")).sendKeys("Only one language here");
        browser.clickAndLoad(By.cssSelector("button[value=add]"));
        assertThat(browser.driver.findElement(By.id("f-own-error")).getText())
                .startsWith("Give at most 10 statements, one per line, each as Finnish | Swedish | English");
        assertThat(browser.driver.findElement(By.id("f-own")).getDomProperty("value")).isEqualTo("Only one language here");
        browser.check("survey-picker-pulse-problems-en");

        WebElement own = browser.driver.findElement(By.id("f-own"));
        own.clear();
        own.sendKeys("");
        browser.clickAndLoad(By.cssSelector("button[value=add]"));
        assertThat(browser.driver.findElement(By.id("f-stmt-ca1-error")).getText())
                .isEqualTo("Choose at least one statement from the bank or write one of your own.");

        browser.driver.findElement(By.id("f-stmt-ca2")).click();
        browser.driver.findElement(By.id("f-own")).sendKeys("Saan apua | Jag får hjälp | I get help");
        browser.driver.findElement(By.cssSelector("button[value=add]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Activity created"));
        JWTClaimsSet claims = fixture.platform.deepLinkResponses.get(fixture.platform.deepLinkResponses.size() - 1);
        Map<?, ?> item = (Map<?, ?>) claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")
                .get(0);
        Map<?, ?> custom = (Map<?, ?>) item.get("custom");
        assertThat(custom.get("kasvu_kind")).isEqualTo("pulse-survey");
        assertThat(custom.get("kasvu_statements")).isEqualTo("ca2");
        assertThat(new String(Base64.getUrlDecoder().decode((String) custom.get("kasvu_own")), StandardCharsets.UTF_8))
                .isEqualTo("Saan apua\tJag får hjälp\tI get help");
    }

    @Test
    @Order(2)
    void organiser_opensTheFirstRound_withTheKeyboardOnly() throws Exception {
        organiser("teacher-culture");
        browser.check("survey-manage-fi");
        browser.tabTo(By.cssSelector("button[value=open]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Kierros on auki"));
        for (String language : List.of("sv", "en")) {
            browser.switchLanguage(language);
            browser.check("survey-manage-open-" + language);
        }
    }

    @Test
    @Order(3)
    void learner_answersWithTheKeyboardOnly_andThePageIsAccessibleInEveryLanguage() throws Exception {
        learner("learner-1");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("survey-answer-" + language);
        }
        browser.tabTo(By.id("f-q-cd1-1"));
        browser.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(browser.driver.findElement(By.id("f-q-cd1-4")).isSelected()).isTrue();
        browser.tabTo(By.id("f-q-cd2-1"));
        browser.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        browser.tabTo(By.id("f-unit"));
        browser.keys(Keys.ARROW_DOWN);
        browser.tabTo(By.cssSelector("#answer-form button[type=submit]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains("/survey/saved"));
        assertThat(browser.driver.findElement(By.cssSelector(".notice")).getText())
                .startsWith("Kiitos, vastauksesi on vastaanotettu.");
        browser.check("survey-answer-saved-fi");
    }

    @Test
    @Order(4)
    void twoTabs_theSecondAnswerReplacesTheFirst_andIsCountedOnce() throws Exception {
        learner("learner-2");
        String form = browser.driver.getCurrentUrl();
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(form);
        browser.loaded();
        String second = browser.driver.getWindowHandle();

        browser.driver.switchTo().window(first);
        choose("cd1", 1);
        new Select(browser.driver.findElement(By.id("f-unit"))).selectByValue("u1");
        send();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/survey/saved");

        browser.driver.switchTo().window(second);
        choose("cd1", 5);
        new Select(browser.driver.findElement(By.id("f-unit"))).selectByValue("u1");
        send();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/survey/replaced");
        assertThat(browser.driver.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Aiempi vastauksesi korvattiin tällä. Sinut lasketaan edelleen vain kerran.");
        browser.driver.close();
        browser.driver.switchTo().window(first);
    }

    @Test
    @Order(5)
    void badInput_isNamedInTheLearnersLanguage_andNothingGivenIsLost() throws Exception {
        culture(PagesFixture.LEARNER, "sv-FI", "");
        browser.launch(fixture.login("learner-3", false));
        choose("cd1", 2);
        new Select(browser.driver.findElement(By.id("f-unit"))).selectByValue("u1");
        js("var r = document.getElementById('f-q-cd2-5'); r.value = '7'; r.checked = true;");
        send();
        assertThat(browser.driver.findElement(By.id("f-q-cd2-error")).getText())
                .isEqualTo("Välj ett värde från 1 till 5 för påståendet ”Mina erfarenheter av det dagliga arbetet "
                        + "väger när beslut fattas hos oss.”.");
        assertThat(browser.driver.findElement(By.id("f-q-cd1-2")).isSelected()).isTrue();
        assertThat(new Select(browser.driver.findElement(By.id("f-unit"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("u1");
        browser.check("survey-answer-problem-sv");

        String comment = "K".repeat(2001);
        js("document.getElementById('f-q-comment-dialogue').value = arguments[0];", comment);
        send();
        assertThat(browser.driver.findElement(By.id("f-q-comment-dialogue-error")).getText())
                .isEqualTo("Din kommentar är för lång: högst 2000 tecken, nu 2001. Korta den; dina övriga svar finns kvar.");
        assertThat(browser.driver.findElement(By.id("f-q-comment-dialogue")).getDomProperty("value")).isEqualTo(comment);
        assertThat(browser.driver.findElement(By.id("f-q-cd1-2")).isSelected()).isTrue();

        js("document.getElementById('f-q-comment-dialogue').value = 'Vi lyssnar.';");
        send();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/survey/saved");
    }

    @Test
    @Order(6)
    void aRoundClosedWhileTheFormWasOpen_refusesTheAnswer_andKeepsWhatWasWritten() throws Exception {
        learner("learner-4");
        String learnerTab = browser.driver.getWindowHandle();
        choose("cd1", 3);
        new Select(browser.driver.findElement(By.id("f-unit"))).selectByValue("u2");
        browser.driver.findElement(By.id("f-q-comment-learning-valued")).sendKeys("Opimme yhdessä.");

        browser.driver.switchTo().newWindow(WindowType.TAB);
        organiser("teacher-culture");
        browser.driver.findElement(By.cssSelector("button[value=close]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Kierros on suljettu"));
        browser.driver.close();
        browser.driver.switchTo().window(learnerTab);

        send();
        assertThat(browser.driver.findElement(By.id("error-summary")).getText()).contains(
                "Kierros sulkeutui vastatessasi, joten vastaustasi ei tallennettu.");
        assertThat(browser.driver.findElement(By.id("f-q-comment-learning-valued")).getDomProperty("value"))
                .isEqualTo("Opimme yhdessä.");
        assertThat(browser.driver.findElement(By.id("f-q-cd1-3")).isSelected()).isTrue();
        browser.check("survey-answer-closed-fi");
    }

    /**
     * Round 1 has four respondents: three stated unit A, one unit B. Unit B (one person) is hidden;
     * unit A has three, but showing it next to "everyone" (four) would give away B's single answer
     * by subtraction, so the page and both exports withhold unit A too.
     */
    @Test
    @Order(7)
    void differenceAttack_theBreakdownThatWouldIsolateOnePerson_isWithheld_onThePageAndInTheExports() throws Exception {
        // Round 1 closed with learner-1, learner-2 and learner-3, all in unit A (learner-4 was refused):
        // unit A equals everyone, so showing it reveals nothing more. Round 2 adds one person in unit B.
        organiser("teacher-culture");
        browser.driver.get(browser.base() + "/results?round=1");
        browser.loaded();
        String page = browser.driver.getPageSource();
        assertThat(browser.driver.findElements(By.cssSelector("table.figures caption")))
                .extracting(WebElement::getText).containsExactly("Kaikki: 3 vastaajaa", "Yksikkö A: 3 vastaajaa");

        browser.driver.get(browser.base() + "/manage");
        browser.clickAndLoad(By.cssSelector("button[value=open]"));
        for (String[] who : new String[][] {{"learner-1", "u1", "4"}, {"learner-2", "u1", "4"},
                {"learner-3", "u1", "5"}, {"learner-4", "u2", "1"}}) {
            learner(who[0]);
            choose("ca1", Integer.parseInt(who[2]));
            choose("di1", Integer.parseInt(who[2]));
            new Select(browser.driver.findElement(By.id("f-unit"))).selectByValue(who[1]);
            if (!who[0].equals("learner-4")) {
                browser.driver.findElement(By.id("f-q-comment-dialogue")).sendKeys("Kommentti " + who[0]);
            }
            send();
            assertThat(browser.driver.getCurrentUrl()).endsWith("/survey/saved");
        }

        organiser("teacher-culture");
        browser.driver.get(browser.base() + "/results?round=2");
        browser.loaded();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/manage");
        String csvOpen = fetch(browser.base() + "/export.csv?round=2", false);
        assertThat(csvOpen).startsWith("HTTP 404");

        browser.clickAndLoad(By.cssSelector("button[value=close]"));
        browser.driver.get(browser.base() + "/results?round=2");
        browser.loaded();
        page = browser.driver.getPageSource();
        assertThat(browser.driver.findElements(By.cssSelector("table.figures caption")))
                .extracting(WebElement::getText).containsExactly("Kaikki: 4 vastaajaa");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText())
                .contains("Näistä ryhmistä ei näytetä tuloksia", "Yksikkö A", "Yksikkö B")
                .doesNotContain("Yksikkö A: 3", "Yksikkö B: 1");
        assertThat(page).doesNotContain("chart-breakdown");
        assertThat(browser.driver.findElement(By.id("chart-trend-desc")).getDomProperty("textContent"))
                .contains("Kierros 1: ei näytetä", "Kierros 2: 75 %");
        assertThat(browser.driver.findElements(By.cssSelector("ul.comments li"))).extracting(WebElement::getText)
                .containsExactly("Kommentti learner-1", "Kommentti learner-2", "Kommentti learner-3");
        for (String language : List.of("fi", "sv", "en")) {
            browser.switchLanguage(language);
            browser.check("survey-results-" + language);
        }
        browser.switchLanguage("fi");
        saveChart("chart-blocks");
        saveChart("chart-trend");

        String csv = fetch(browser.base() + "/export.csv?round=2", false);
        assertThat(csv).contains("Kaikki").doesNotContain("Yksikkö").doesNotContain("Kommentti");
        assertThat(csv.lines().filter(l -> l.contains(",Kaikki,4,")).count()).isEqualTo(2);
        byte[] xlsx = Base64.getDecoder().decode(fetch(browser.base() + "/export.xlsx?round=2", true));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> all.append(cell.toString()).append('|'));
            }
            assertThat(all.toString()).contains("Kaikki").doesNotContain("Yksikkö").doesNotContain("Kommentti");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheet("Mittari")).isNotNull();
        }
    }

    /** Round 3: three in unit A, three in unit B; both units show, with a breakdown chart. */
    @Test
    @Order(8)
    void breakdown_byStatedUnit_showsOnlyGroupsOfThree_andPublishedResultsReachLearners() throws Exception {
        organiser("teacher-culture");
        browser.clickAndLoad(By.cssSelector("button[value=open]"));
        String[][] people = {{"learner-1", "u1", "4"}, {"learner-2", "u1", "5"}, {"learner-3", "u1", "4"},
                {"learner-4", "u2", "2"}, {"learner-5", "u2", "3"}, {"learner-6", "u2", "2"}};
        for (String[] who : people) {
            learner(who[0]);
            choose("ca1", Integer.parseInt(who[2]));
            choose("cd1", Integer.parseInt(who[2]));
            new Select(browser.driver.findElement(By.id("f-unit"))).selectByValue(who[1]);
            send();
        }
        organiser("teacher-culture");
        browser.clickAndLoad(By.cssSelector("button[value=close]"));
        browser.driver.get(browser.base() + "/results?round=3");
        browser.loaded();
        assertThat(browser.driver.findElements(By.cssSelector("table.figures caption")))
                .extracting(WebElement::getText)
                .containsExactly("Kaikki: 6 vastaajaa", "Yksikkö A: 3 vastaajaa", "Yksikkö B: 3 vastaajaa");
        assertThat(browser.driver.findElement(By.id("chart-breakdown-desc")).getDomProperty("textContent"))
                .contains("Yksikkö A 4,3", "Yksikkö B 2,3");
        saveChart("chart-breakdown");
        browser.check("survey-results-breakdown-fi");
        String csv = fetch(browser.base() + "/export.csv?round=3", false);
        assertThat(csv).contains(",Yksikkö A,3,", ",Yksikkö B,3,");

        browser.tabTo(By.cssSelector("button[value=publish]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Tulokset on julkaistu oppijoille."));

        learner("learner-5");
        browser.clickAndLoad(By.linkText("Katso julkaistut tulokset"));
        assertThat(browser.driver.getCurrentUrl()).contains("/results");
        assertThat(browser.driver.getPageSource()).contains("Yksikkö B: 3 vastaajaa").doesNotContain("export.csv")
                .doesNotContain("button[value=publish]");
        browser.check("survey-results-learner-fi");
        assertThat(fetch(browser.base() + "/results?round=2", false)).doesNotContain("Kyselyn tulokset, kierros 2");
        assertThat(fetch(browser.base() + "/export.csv?round=3", false)).startsWith("HTTP 404");
    }

    private static void saveChart(String id) throws Exception {
        WebElement figure = browser.driver.findElement(By.id(id + "-title")).findElement(By.xpath("ancestor::figure"));
        js("arguments[0].scrollIntoView({block: 'start'});", figure);
        BrowserSession.screenshot(figure, "survey-" + id);
    }
}
