package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The team discussion page in Chromium on the real tool (launch, session, CSRF) with an in-test
 * course of two groups: axe-core at zero WCAG 2.1 AA violations in fi, sv and en and with errors
 * shown, a member who writes and saves a note with the keyboard alone, a stale tab and an
 * over-long note that keep the text, and another group's notes out of reach.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyTeamBrowserTest {

    static final String LINK = "rl-team-browser";
    static final List<CourseServices.CourseGroup> GROUPS = List.of(
            new CourseServices.CourseGroup("21", "Tiimi Aalto", List.of("m1", "m2", "m3", "m4")),
            new CourseServices.CourseGroup("22", "Tiimi Koivu", List.of("m5", "m6", "m7")));

    static PagesFixture fixture;
    static BrowserSession browser;

    static void as(String roles, String locale) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", LINK,
                        "title", "Työkulttuuri"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom",
                        Map.of("kasvu_kind", "culture-assessment", "kasvu_groups", "course")));
    }

    static SurveyPagesHttpTest.Person person(String roles, String subject) throws Exception {
        as(roles, "fi-FI");
        PagesHttpTest.NoScriptBrowser noScript = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> page = noScript.follow(noScript.launch(fixture.login(subject, false)));
        return new SurveyPagesHttpTest.Person(noScript, PagesHttpTest.base(page), page);
    }

    @BeforeAll
    static void start() throws Exception {
        CourseServices course = new CourseServices() {
            @Override
            public Reply<List<CourseGroup>> groups(PageSession session) {
                return Reply.done(GROUPS);
            }

            @Override
            public Reply<Published> publishGroups(PageSession session, String name, List<GroupToPublish> groups) {
                return Reply.notConfigured();
            }

            @Override
            public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
                return Reply.notConfigured();
            }
        };
        fixture = PagesFixture.start(course);
        SurveyPagesHttpTest.Person organiser = person(PagesFixture.INSTRUCTOR, "teacher");
        organiser.post("manage", Map.of("do", "open"));
        for (String m : List.of("m1", "m2", "m3", "m5", "m6", "m7")) {
            SurveyPagesHttpTest.Person learner = person(PagesFixture.LEARNER, m);
            Map<String, String> form = new HashMap<>();
            form.put("round", SurveyPagesHttpTest.hidden(learner.first().body(), "round"));
            form.put("ballot", SurveyPagesHttpTest.hidden(learner.first().body(), "ballot"));
            form.put("q.di1", m.compareTo("m4") < 0 ? "4" : "2");
            form.put("q.le1", "3");
            assertThat(learner.post("survey", form).uri().getPath()).endsWith("/survey/saved");
        }
        organiser.post("manage", Map.of("do", "close"));
        organiser.post("results?round=1", Map.of("do", "publish"));
        browser = BrowserSession.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void aMember_writesAndSavesANote_withTheKeyboardOnly_andThePageIsAccessibleInEveryLanguage() throws Exception {
        as(PagesFixture.LEARNER, "fi-FI");
        browser.launch(fixture.login("m1", false));
        browser.driver.get(browser.base() + "/results?round=1");
        browser.check("survey-results-team-link-fi");
        browser.pressAndLoad(By.cssSelector("a[href$='/team?round=1']"));
        browser.wait.until(ExpectedConditions.urlContains("/team"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tiimin keskustelu: Tiimi Aalto");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("survey-team-" + language);
        }
        browser.tabTo(By.id("f-note-dialogue"));
        browser.keys("Kokeilemme kysymyskierrosta palavereissa.");
        browser.tabTo(By.cssSelector("#team-form button[type=submit]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Muistiinpanot tallennettu."));
        assertThat(browser.driver.findElement(By.id("f-note-dialogue")).getDomProperty("value"))
                .isEqualTo("Kokeilemme kysymyskierrosta palavereissa.");
        browser.check("survey-team-saved-fi");

        browser.driver.get(browser.base() + "/team?round=1&team=g-22");
        browser.loaded();
        assertThat(browser.driver.getPageSource()).doesNotContain("Kokeilemme").doesNotContain("f-note-dialogue");
    }

    @Test
    @Order(2)
    void aStaleTab_andAnOverlongNote_showTheirMessage_accessibly_andKeepTheText() throws Exception {
        as(PagesFixture.LEARNER, "sv-FI");
        browser.launch(fixture.login("m5", false));
        browser.driver.get(browser.base() + "/team?round=1");
        browser.loaded();
        String version = browser.driver.findElement(By.cssSelector("input[name=version]")).getDomProperty("value");
        // Another member saves meanwhile.
        SurveyPagesHttpTest.Person other = person(PagesFixture.LEARNER, "m6");
        other.post("team?round=1&team=g-22", Map.of("version", version, "note.dialogue", "Vi frågar mer."));
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('f-note-dialogue').value = 'Min egen text.';");
        browser.clickAndLoad(By.cssSelector("#team-form button[type=submit]"));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                .contains("Någon i ert team (eller en annan flik) sparade anteckningarna");
        assertThat(browser.driver.findElement(By.id("f-note-dialogue")).getDomProperty("value"))
                .isEqualTo("Min egen text.");
        browser.check("survey-team-stale-sv");

        ((JavascriptExecutor) browser.driver).executeScript(
                "var t = document.getElementById('f-note-dialogue'); t.removeAttribute('maxlength');"
                        + " t.value = 'x'.repeat(4001);");
        browser.clickAndLoad(By.cssSelector("#team-form button[type=submit]"));
        assertThat(browser.driver.findElement(By.id("f-note-dialogue-error")).getText())
                .startsWith("Anteckningen under ”Växelverkan").contains("högst 4000 tecken, nu 4001");
        browser.check("survey-team-problem-sv");
    }
}
