package fi.kasvu.lms.pages;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.kasvu.lms.pages.PagesHttpTest.NoScriptBrowser;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The edge checks on PostgreSQL, where a NUL in text used to reach the database and come back as
 * a 500 with the session URL and learner text in the log: control characters, long and odd LTI
 * ids, malformed forms, TRACE, the Server header and the LTI pages' policy.
 */
class EdgeSecurityHttpTest {

    static PagesFixture fixture;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    String logText() {
        return log.list.stream().map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())).collect(Collectors.joining("\n"));
    }

    static String base(HttpResponse<String> page) {
        return PagesHttpTest.base(page);
    }

    static HttpResponse<String> raw(NoScriptBrowser browser, String url, String body) throws Exception {
        return browser.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fi-FI")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nulInTheNameClaim_opensTheActivity_onPostgres() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-edge-1", "Liisa\u0000 Opp\u0007ija");
        NoScriptBrowser browser = new NoScriptBrowser();

        HttpResponse<String> launched = browser.launch(fixture.login("edge-1", false));

        assertThat(launched.statusCode()).isEqualTo(303);
        assertThat(browser.follow(launched).statusCode()).isEqualTo(200);
    }

    @Test
    void nulInLearnerText_is422InTheLearnersLanguage_keepsWhatWasSaved_andLogsNeitherTokenNorText() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-edge-2", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("edge-2", false)));
        String base = base(goal);
        String token = PagesHttpTest.csrf(goal.body());
        browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "save", "goal.sessionGoal", "Antaa palautetta"));

        HttpResponse<String> form = browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "save",
                "goal.sessionGoal", "Salainen\u0000teksti"));
        HttpResponse<String> autosave = browser.post(base + "/autosave", Map.of("csrf", token, "phase", "goal",
                "name", "goal.measures", "value", "Salainen\u0085teksti"));

        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("ohjausmerkkejä", "Aiemmin tallennettu on tallessa").doesNotContain("Exception");
        assertThat(autosave.statusCode()).isEqualTo(422);
        assertThat(autosave.body()).contains("\"ok\":false", "ohjausmerkkejä");
        assertThat(browser.get(base + "/grow/goal").body()).contains("Antaa palautetta").doesNotContain("Salainen");
        String sessionToken = base.substring(base.lastIndexOf('/') + 1);
        assertThat(logText()).doesNotContain(sessionToken, "Salainen", "Antaa palautetta");
    }

    @Test
    void malformedEncodingAndTooManyFields_areA400SayingSo_notTooLarge() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-edge-3", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("edge-3", false)));
        String base = base(goal);
        String token = PagesHttpTest.csrf(goal.body());

        HttpResponse<String> badPercent = raw(browser, base + "/grow/goal", "csrf=" + token + "&goal.sessionGoal=%zz");
        HttpResponse<String> lonePercent = raw(browser, base + "/grow/goal", "csrf=" + token + "&do=save&x=%");
        HttpResponse<String> manyKeys = raw(browser, base + "/grow/goal", "csrf=" + token + "&"
                + IntStream.range(0, 1200).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining("&")));

        for (HttpResponse<String> response : java.util.List.of(badPercent, lonePercent, manyKeys)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Lomaketta ei voitu lukea").doesNotContain("too large", "413");
        }
    }

    @Test
    void csrfTokenInTheQueryString_isRefused() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-edge-4", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("edge-4", false)));
        String base = base(goal);
        String token = PagesHttpTest.csrf(goal.body());

        HttpResponse<String> refused = raw(browser, base + "/grow/goal?csrf=" + token,
                "do=save&goal.sessionGoal=Kyselyst%C3%A4");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(browser.get(base + "/grow/goal").body()).doesNotContain("Kyselystä");
    }

    @Test
    void idsOf255Characters_work_onPostgres_andLongerOrOddOnesAre400() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "r".repeat(255), "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();

        HttpResponse<String> launched = browser.launch(fixture.login("s".repeat(255), false));
        HttpResponse<String> page = browser.follow(launched);
        browser.post(base(page) + "/grow/goal", Map.of("csrf", PagesHttpTest.csrf(page.body()), "do", "save",
                "goal.sessionGoal", "Pitkä tunnus"));
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-edge-5", "Liisa Oppija");
        HttpResponse<String> tooLong = new NoScriptBrowser().launch(fixture.login("s".repeat(256), false));
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl\u0001edge", "Liisa Oppija");
        HttpResponse<String> control = new NoScriptBrowser().launch(fixture.login("edge-5", false));

        assertThat(launched.statusCode()).isEqualTo(303);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(browser.get(base(page) + "/grow/goal").body()).contains("Pitkä tunnus");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("CLAIM_INVALID", "sub is 256 characters long").doesNotContain("Exception");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("CLAIM_INVALID", "resource_link.id has a control character");
    }

    @Test
    void trace_isOff_noServerVersion_andLtiPagesHaveAFramePolicy() throws Exception {
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> trace = browser.http.send(HttpRequest.newBuilder(URI.create(fixture.server.baseUrl()
                        + "/lti/login")).header("Cookie", "kasvu_session=secret-cookie").method("TRACE",
                        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = browser.get(fixture.login("edge-6", false).toString());

        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("secret-cookie");
        assertThat(login.headers().firstValue("Server")).isEmpty();
        assertThat(trace.headers().firstValue("Server")).isEmpty();
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors", "default-src 'none'", "base-uri 'none'");
    }
}
