package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.activity.survey.SurveyActivity;
import fi.kasvu.lms.activity.survey.SurveySettings;
import fi.kasvu.survey.SurveyParticipations;
import fi.kasvu.survey.SurveyReportings;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.Surveys;
import fi.kasvu.survey.TeamDiscussions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The team discussion page in Chromium: axe-core at zero WCAG 2.1 AA violations in fi, sv and en
 * and with an error shown, and a member who writes and saves a note with the keyboard alone.
 *
 * <p>The test server cannot be given course services yet (they come with the Moodle adapter), so
 * this test serves the real survey activity and the real templates and static files from a small
 * HTTP server on port 0, with an in-test {@link CourseServices}; the launch, session and CSRF
 * layers are not part of it (they are the same for every page and tested elsewhere).
 */
class SurveyTeamBrowserTest {

    static final TenantId TENANT = TenantId.of("agency");
    static final String LINK = "rl-team-browser";
    static final Map<String, String> SETTINGS = Map.of(SurveySettings.GROUPS, "course");
    static final List<CourseServices.CourseGroup> GROUPS = List.of(
            new CourseServices.CourseGroup("21", "Tiimi Aalto", List.of("m1", "m2", "m3", "m4")),
            new CourseServices.CourseGroup("22", "Tiimi Koivu", List.of("m5", "m6", "m7")));

    static HttpServer server;
    static BrowserSession browser;
    static SurveyActivity activity;
    /** The person the browser is, in which role and language. */
    static volatile PageSession current;

    static PageSession session(PageSession.Role role, String subject, Language language) {
        return new PageSession("tok-" + subject, "csrf-" + subject, role, TENANT, "https://moodle.example.org",
                "client", "dep", subject, "", "https://moodle.example.org", "activity:" + LINK, "Valmentava ote",
                new Placement(SurveyActivity.CULTURE, "Työkulttuuri", Optional.empty(), false, SETTINGS), language,
                "", "", "", "", "");
    }

    static Answer handle(PageSession session, String path, boolean post, Map<String, String> params) {
        return activity.handle(new Call(session, path, post, params, Map.of(), "/pages/s/x", "/pages/static",
                PageTexts.in(session.language()).with(activity.texts()), () -> {
                    throw new AssertionError("no score");
                }));
    }

    @BeforeAll
    static void start() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
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
        activity = SurveyActivity.culture(Surveys.inMemory(clock), SurveyResponses.inMemory(clock),
                SurveyParticipations.inMemory(clock), SurveyReportings.inMemory(clock), course,
                TeamDiscussions.inMemory(clock), clock);
        PageSession organiser = session(PageSession.Role.ORGANISER, "teacher", Language.FI);
        handle(organiser, "manage", true, Map.of("do", "open"));
        for (String m : List.of("m1", "m2", "m3", "m5", "m6", "m7")) {
            Map<String, String> form = new HashMap<>();
            form.put("round", "1");
            form.put("ballot", ("ballot-" + m + "-").repeat(6));
            form.put("q.di1", m.compareTo("m4") < 0 ? "4" : "2");
            form.put("q.le1", "3");
            assertThat(handle(session(PageSession.Role.LEARNER, m, Language.FI), "survey", true, form))
                    .isInstanceOf(Answer.Redirect.class);
        }
        handle(organiser, "manage", true, Map.of("do", "close"));
        handle(organiser, "results", true, Map.of("round", "1", "do", "publish"));

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pages/static/", SurveyTeamBrowserTest::serveStatic);
        server.createContext("/pages/s/x/", SurveyTeamBrowserTest::servePage);
        server.start();
        browser = new BrowserSession();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    static void serveStatic(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/pages/static/".length());
        try (InputStream in = Web.class.getResourceAsStream("static/" + name)) {
            if (in == null || !name.matches("[a-z0-9-]+\\.(css|js)")) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            send(exchange, 200, name.endsWith(".css") ? "text/css" : "text/javascript",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void servePage(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/pages/s/x/".length());
        boolean post = exchange.getRequestMethod().equals("POST");
        Map<String, String> params = new HashMap<>(form(exchange.getRequestURI().getRawQuery()));
        if (post) {
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        if (path.equals("language") && post) {
            current = current.withLanguage(Language.ofCode(params.get("lang")));
            exchange.getResponseHeaders().add("Location", "/pages/s/x/" + params.getOrDefault("back", ""));
            send(exchange, 303, "text/plain", "");
            return;
        }
        Answer answer = handle(current, path, post, params);
        if (answer instanceof Answer.Redirect redirect) {
            exchange.getResponseHeaders().add("Location", redirect.location());
            send(exchange, 303, "text/plain", "");
        } else if (answer instanceof Answer.Page page) {
            send(exchange, page.status(), "text/html; charset=utf-8", Templates.render(page.template(), page.model()));
        } else {
            send(exchange, 404, "text/plain", "not found");
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages/s/x/" + path;
    }

    @Test
    void aMember_writesAndSavesANote_withTheKeyboardOnly_andThePageIsAccessibleInEveryLanguage() throws Exception {
        current = session(PageSession.Role.LEARNER, "m1", Language.FI);
        browser.driver.get(url("results?round=1"));
        browser.check("survey-results-team-link-fi");
        browser.tabTo(By.cssSelector("a[href$='/team?round=1']"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains("/team"));
        browser.loaded();
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
    }

    @Test
    void aStaleTab_andAnOverlongNote_showTheirMessage_accessibly_andKeepTheText() throws Exception {
        current = session(PageSession.Role.LEARNER, "m5", Language.SV);
        browser.driver.get(url("team?round=1"));
        browser.loaded();
        String before = browser.driver.findElement(By.cssSelector("input[name=version]")).getDomProperty("value");
        // Another member saves meanwhile.
        handle(session(PageSession.Role.LEARNER, "m6", Language.SV), "team", true,
                Map.of("round", "1", "team", "g-22", "version", before, "note.dialogue", "Vi frågar mer."));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('f-note-dialogue').value = 'Min egen text.';");
        browser.clickAndLoad(By.cssSelector("#team-form button[type=submit]"));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                .contains("Någon i ert team (eller en annan flik) sparade anteckningarna");
        assertThat(browser.driver.findElement(By.id("f-note-dialogue")).getDomProperty("value"))
                .isEqualTo("Min egen text.");
        browser.check("survey-team-stale-sv");

        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "var t = document.getElementById('f-note-dialogue'); t.removeAttribute('maxlength');"
                        + " t.value = 'x'.repeat(4001);");
        browser.clickAndLoad(By.cssSelector("#team-form button[type=submit]"));
        assertThat(browser.driver.findElement(By.id("f-note-dialogue-error")).getText())
                .startsWith("Anteckningen under ”Växelverkan").contains("högst 4000 tecken, nu 4001");
        browser.check("survey-team-problem-sv");

        current = session(PageSession.Role.LEARNER, "m1", Language.FI);
        browser.driver.get(url("team?round=1&team=g-22"));
        assertThat(browser.driver.getPageSource()).doesNotContain("Vi frågar mer").contains("not found");
    }
}
