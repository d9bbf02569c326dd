package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP, as a browser without JavaScript uses them: launch through the
 * simulator, forms posted and redirected, security headers, CSRF, size limits and error pages.
 */
class PagesHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** A browser without JavaScript: keeps cookies, follows nothing by itself. */
    static final class NoScriptBrowser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fi-FI,fi;q=0.9").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Follows 3xx redirects with GET until a page answers. */
        HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
            while (response.statusCode() / 100 == 3) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = get(next.toString());
            }
            return response;
        }

        /** The whole launch: login initiation, the platform's auth form, the launch post; answers the first page. */
        HttpResponse<String> launch(URI login) throws IOException, InterruptedException {
            HttpResponse<String> toAuth = get(login.toString());
            HttpResponse<String> authForm = get(toAuth.uri().resolve(toAuth.headers().firstValue("Location").orElseThrow()).toString());
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(authForm.body());
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            String action = authForm.body().replaceAll("(?s).*action=\"([^\"]*)\".*", "$1");
            return post(action, fields);
        }
    }

    static String csrf(String html) {
        return html.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]*)\".*", "$1");
    }

    static String base(HttpResponse<String> page) {
        return page.uri().toString().replaceAll("(/pages/s/[^/]+)/.*", "$1");
    }

    @Test
    void launch_handsOverToTheExercise_withASessionCookieAndStrictHeaders() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-1", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();

        HttpResponse<String> launched = browser.launch(fixture.login("http-1", false));

        assertThat(launched.statusCode()).isEqualTo(303);
        assertThat(launched.headers().firstValue("Location").orElseThrow()).matches("/pages/s/[A-Za-z0-9_-]{43}/grow/goal");
        assertThat(launched.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("kasvu_session=").contains("HttpOnly", "Path=/pages/", "SameSite=Lax"));
        HttpResponse<String> page = browser.follow(launched);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).endsWith("/grow/goal");
        assertThat(page.body()).contains("<html lang=\"fi\">", "Vaihe 1/4: Tavoite", "name=\"csrf\"");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'self' " + fixture.platform.issuer(),
                "default-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).doesNotContain("<script>").contains("<script src=\"/pages/static/kasvu.js\" defer>");
    }

    @Test
    void theLanguageSwitch_returnsToTheSamePage_howeverDeep_andNeverLeavesTheSession() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-lang", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> page = browser.follow(browser.launch(fixture.login("http-lang", false)));
        String base = base(page);
        String csrf = csrf(page.body());

        for (String back : List.of("grow/goal", "peer/group/abc_DEF-1", "experiment/step/abc/situation",
                "results?round=3&group=a-1")) {
            HttpResponse<String> switched = browser.post(base + "/language", Map.of("csrf", csrf, "lang", "sv",
                    "back", back));
            assertThat(switched.headers().firstValue("Location")).as(back).hasValue(base.replaceAll("^https?://[^/]+",
                    "") + "/" + back);
        }
        for (String away : List.of("//evil.example/x", "grow/../../x", "https://evil.example", "grow/goal#x",
                "grow/goal?next=//evil.example/<script>", "/grow/goal")) {
            HttpResponse<String> refused = browser.post(base + "/language", Map.of("csrf", csrf, "lang", "sv",
                    "back", away));
            assertThat(refused.headers().firstValue("Location")).as(away).hasValue(base.replaceAll(
                    "^https?://[^/]+", "") + "/start");
        }
    }

    @Test
    void overHttps_theCookieIsSecureSameSiteNoneAndPartitioned() {
        String cookie = Web.sessionCookie("abc", true, Duration.ofHours(1));

        assertThat(cookie).contains("Secure", "SameSite=None", "Partitioned", "HttpOnly", "Max-Age=3600");
    }

    @Test
    void withoutJavaScript_formsSave_problemsShowNextToFields_andTheLearnerMovesOn() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-2", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("http-2", false)));
        String base = base(goal);
        String token = csrf(goal.body());

        HttpResponse<String> refused = browser.follow(browser.post(base + "/grow/goal",
                Map.of("csrf", token, "do", "next", "goal.sessionGoal", "", "topic", "Palaute")));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.uri().toString()).endsWith("/grow/goal?check=1");
        assertThat(refused.body()).contains("id=\"error-summary\"", "role=\"alert\"",
                "Kirjoita vielä, mitä haluat saada aikaan", "href=\"#f-goal-sessionGoal\"",
                "aria-invalid=\"true\"", "value=\"Palaute\"");

        HttpResponse<String> reality = browser.follow(browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "next",
                "goal.sessionGoal", "Antaa palautetta <script>alert(1)</script>", "goal.measures", "Tiimi kertoo")));

        assertThat(reality.uri().toString()).endsWith("/grow/reality");
        assertThat(reality.body()).contains("Vaihe 2/4: Nykytila");
        HttpResponse<String> back = browser.get(base + "/grow/goal");
        assertThat(back.body()).contains("Antaa palautetta &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void autosave_savesOneField_andRejectsTooLongTextWithAClearMessage() throws Exception {
        fixture.as(PagesFixture.LEARNER, "sv-FI", "rl-http-3", "Lisa Lärande");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("http-3", false)));
        String base = base(goal);
        String token = csrf(goal.body());

        HttpResponse<String> saved = browser.post(base + "/autosave",
                Map.of("csrf", token, "phase", "goal", "name", "goal.measures", "value", "Teamet märker det"));
        HttpResponse<String> tooLong = browser.post(base + "/autosave",
                Map.of("csrf", token, "phase", "goal", "name", "goal.sessionGoal", "value", "x".repeat(4001)));
        HttpResponse<String> forged = browser.post(base + "/autosave",
                Map.of("csrf", "forged", "phase", "goal", "name", "goal.measures", "value", "x"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"ok\":true");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("högst 4000 tecken, nu 4001");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get(base + "/grow/goal").body()).contains("Teamet märker det").contains("<html lang=\"sv\">");
    }

    @Test
    void withoutJavaScript_optionDetailsAndRatingsSave_badRatingsAreExplained_andNothingSavedIsLost() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-9", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("http-9", false)));
        String base = base(goal);
        String token = csrf(goal.body());
        browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "next", "goal.sessionGoal", "Antaa palautetta",
                "goal.measures", "Tiimi kertoo"));
        browser.post(base + "/grow/reality", Map.of("csrf", token, "do", "next", "reality.tried", "Kehuja",
                "reality.essentialInsight", "Pelkään loukkaavani"));
        for (String option : new String[] {"Kysy tiimiltä", "Lue kirja", "Harjoittele kaverin kanssa"}) {
            browser.post(base + "/grow/options", Map.of("csrf", token, "do", "add-option", "option.new", option));
        }

        HttpResponse<String> saved = browser.follow(browser.post(base + "/grow/options", Map.ofEntries(
                Map.entry("csrf", token), Map.entry("do", "save"),
                Map.entry("option.option-1.text", "Kysy tiimiltä"), Map.entry("option.option-1.chosen", "on"),
                Map.entry("option.option-1.notes", "Ensi palaverissa"), Map.entry("option.option-1.pros", "Nopea\nHalpa"),
                Map.entry("option.option-1.cons", "Jännittää"), Map.entry("option.option-1.impact", "4"),
                Map.entry("option.option-1.feasibility", ""))));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.uri().getPath()).endsWith("/grow/options");
        assertThat(saved.body()).contains("<legend>Vaihtoehto 1: Kysy tiimiltä</legend>", "Ensi palaverissa",
                "Nopea\nHalpa", "<label for=\"f-option-option-1-impact\">Vaikutus</label>",
                "<label for=\"f-option-option-1-feasibility\">Toteutettavuus</label>", "<option value=\"4\" selected>",
                "<option value=\"\" selected>Ei arvioitu</option>");

        HttpResponse<String> refused = browser.post(base + "/grow/options", Map.ofEntries(
                Map.entry("csrf", token), Map.entry("do", "save"), Map.entry("option.option-1.text", "Kysy tiimiltä"),
                Map.entry("option.option-1.chosen", "on"), Map.entry("option.option-1.impact", "6"),
                Map.entry("option.option-1.feasibility", "abc"), Map.entry("option.option-1.cons", "x".repeat(4001))));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-summary\"", "href=\"#f-option-option-1-impact\"",
                "id=\"f-option-option-1-impact-error\" aria-live=\"polite\">Valitse luku 1–5 tai jätä arvioimatta.",
                "id=\"f-option-option-1-feasibility-error\" aria-live=\"polite\">Valitse luku 1–5 tai jätä arvioimatta.",
                "enintään 4000 merkkiä", "x".repeat(4001), "aria-invalid=\"true\"");
        HttpResponse<String> after = browser.get(base + "/grow/options");
        assertThat(after.body()).contains("<option value=\"4\" selected>", "Jännittää", "Ensi palaverissa");

        HttpResponse<String> badAutosave = browser.post(base + "/autosave", Map.of("csrf", token, "phase", "options",
                "name", "option.option-1.feasibility", "value", "0"));
        HttpResponse<String> goodAutosave = browser.post(base + "/autosave", Map.of("csrf", token, "phase", "options",
                "name", "option.option-1.feasibility", "value", "2"));

        assertThat(badAutosave.statusCode()).isEqualTo(422);
        assertThat(badAutosave.body()).contains("Valitse luku 1–5");
        assertThat(goodAutosave.statusCode()).isEqualTo(200);
        browser.post(base + "/grow/options", Map.of("csrf", token, "do", "next", "option.option-1.text", "Kysy tiimiltä",
                "option.option-1.chosen", "on"));
        HttpResponse<String> summary = browser.get(base + "/summary");
        assertThat(summary.body()).contains("<p class=\"option-text\">Kysy tiimiltä</p>", "<dt>Hyvät puolet</dt>",
                "<li>Halpa</li>", "<dt>Huonot puolet</dt>", "<dd>Ensi palaverissa</dd>", "<dt>Vaikutus</dt><dd>4 / 5</dd>",
                "<dt>Toteutettavuus</dt><dd>2 / 5</dd>").doesNotContain("Lue kirja");

        fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-http-9", "Olli Opettaja");
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> progress = teacher.follow(teacher.launch(fixture.login("http-9-teacher", false)));
        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(progress.body()).contains("Liisa Oppija").doesNotContain("Kysy tiimiltä", "Ensi palaverissa", "Jännittää", "4 / 5");

        browser.post(base + "/summary", Map.of("csrf", token, "do", "share", "share.options", "on"));
        String shared = teacher.get(base(progress) + "/progress").body();
        assertThat(shared).contains("Kysy tiimiltä", "Ensi palaverissa", "Nopea\nHalpa", "Jännittää", "4 / 5", "2 / 5")
                .doesNotContain("Pelkään loukkaavani");
    }

    /** A name with a right-to-left override must not reorder the teacher's table around it. */
    @Test
    void optionalFields_areMarkedOnTheForm_butNotOnTheSummary_andOnlyLearnersReadTheLearnerFooter() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-labels", "Liisa Oppija");
        NoScriptBrowser learner = new NoScriptBrowser();
        HttpResponse<String> goal = learner.follow(learner.launch(fixture.login("http-labels", false)));
        String base = base(goal);
        learner.post(base + "/grow/goal", Map.of("csrf", csrf(goal.body()), "do", "save",
                "goal.sessionGoal", "Lyhyemmät palaverit", "goal.longTermGoal", "Parempi tiimi"));
        HttpResponse<String> summary = learner.get(base + "/summary");
        fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-http-labels", "Olli Opettaja");
        NoScriptBrowser teacher = new NoScriptBrowser();

        HttpResponse<String> progress = teacher.follow(teacher.launch(fixture.login("http-labels-teacher", false)));

        assertThat(goal.body()).contains("Isompi tavoite taustalla (vapaaehtoinen)", "vastauksesi ovat vain sinun");
        assertThat(summary.body()).contains("Isompi tavoite taustalla", "Parempi tiimi")
                .doesNotContain("(vapaaehtoinen)");
        assertThat(progress.body()).contains("oppijoiden vastaukset ovat heidän omiaan")
                .doesNotContain("vastauksesi ovat vain sinun");
        assertThat(progress.body()).as("a learner who has not completed has no score to call sent")
                .contains("Ei valmis").doesNotContain("Lähetetty");
    }

    @Test
    void learnerNames_areBidiIsolatedInTheTeachersTable() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-bidi", "\u202Eevil\u200B name");
        NoScriptBrowser learner = new NoScriptBrowser();
        learner.follow(learner.launch(fixture.login("http-bidi", false)));
        fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-http-bidi", "Olli Opettaja");
        NoScriptBrowser teacher = new NoScriptBrowser();

        HttpResponse<String> progress = teacher.follow(teacher.launch(fixture.login("http-bidi-teacher", false)));

        assertThat(progress.body()).contains("<th scope=\"row\"><bdi>\u202Eevil\u200B name</bdi></th>");
    }

    @Test
    void formWithoutTheCsrfToken_isRefusedWithAPageThatSaysWhatToDo() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-4", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        String base = base(browser.follow(browser.launch(fixture.login("http-4", false))));

        HttpResponse<String> refused = browser.post(base + "/grow/goal", Map.of("do", "save", "goal.sessionGoal", "x"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Lomake on vanhentunut", "lataa sivu uudelleen").doesNotContain("Exception");
        assertThat(browser.get(base + "/grow/goal").body()).doesNotContain(">x</textarea>");
    }

    @Test
    void oversizedRequest_getsAClearPage_notAStackTrace() throws Exception {
        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-http-5", "Lee Learner");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("http-5", false)));

        Map<String, String> form = Map.of("csrf", csrf(goal.body()), "goal.sessionGoal", "x".repeat(1_100_000));
        // The servlet reads a refused body to its end before answering, so the client always gets
        // the page, never a reset while it is still sending (no retry here).
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> huge = browser.post(base(goal) + "/grow/goal", form);

            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.body()).contains("That was too much text at once", "4,000 characters");
        }
    }

    @Test
    void unknownSession_isAFriendlyPageInTheBrowsersLanguage() throws Exception {
        HttpResponse<String> page = new NoScriptBrowser().get(fixture.server.baseUrl() + "/pages/s/no-such-session/grow");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("<html lang=\"fi\">", "Istuntosi on päättynyt", "Kaikki kirjoittamasi on tallessa");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self' " + fixture.platform.issuer());
    }

    @Test
    void summaryJson_isTheLearnersOwnDocument() throws Exception {
        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-http-6", "Lee Learner");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("http-6", false)));
        browser.post(base(goal) + "/autosave", Map.of("csrf", csrf(goal.body()), "phase", "goal", "name",
                "goal.sessionGoal", "value", "Lead meetings well"));

        HttpResponse<String> json = browser.get(base(goal) + "/summary.json");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"kasvu-grow-");
        assertThat(json.body()).contains("\"kind\"", "grow.conversation", "Lead meetings well");
    }

    @Test
    void completionDuringAPlatformOutage_isPending_thenSentFromTheOutbox() throws Exception {
        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-http-7", "Lee Learner");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> goal = browser.follow(browser.launch(fixture.login("http-7", false)));
        String base = base(goal);
        String token = csrf(goal.body());
        browser.post(base + "/grow/goal", Map.of("csrf", token, "do", "next", "goal.sessionGoal", "Plan my week",
                "goal.measures", "Fridays are calm"));
        HttpResponse<String> toSummary = GrowWalk.realityToSummary(browser, base, token, GrowWalk.Words.ENGLISH);
        assertThat(toSummary.headers().firstValue("Location").orElseThrow()).endsWith("/summary");
        fixture.platform.scoresDown(true);
        try {
            HttpResponse<String> pending = browser.follow(browser.post(base + "/summary",
                    Map.of("csrf", token, "do", "complete")));

            assertThat(pending.body()).contains("Your completion is saved.").doesNotContain("was sent to the course");
            assertThat(fixture.platform.scores).noneMatch(s -> s.getString("userId").equals("http-7"));
        } finally {
            fixture.platform.scoresDown(false);
        }
        // Past the first retry's 10 s back-off, once: advancing the shared clock further would make the
        // simulator's id_tokens (signed on the real clock) expired for the tests that follow.
        fixture.clock.advance(java.time.Duration.ofSeconds(11));
        // Delivery runs on the background worker, which may hold the score while this thread looks.
        for (int i = 0; i < 200 && fixture.platform.scores.stream().noneMatch(s -> s.getString("userId").equals("http-7"));
             i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
        }
        assertThat(fixture.platform.scores).anySatisfy(s -> {
            assertThat(s.getString("userId")).isEqualTo("http-7");
            assertThat(s.getString("activityProgress")).isEqualTo("Completed");
            assertThat(s.getString("gradingProgress")).isEqualTo("FullyGraded");
        });
    }

    @Test
    void aLearnersSession_reachesNoTeacherPage_andATeachersSessionNoExercise() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-http-8", "Liisa Oppija");
        NoScriptBrowser learner = new NoScriptBrowser();
        String learnerBase = base(learner.follow(learner.launch(fixture.login("http-8", false))));
        fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-http-8", "Olli Opettaja");
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> progress = teacher.follow(teacher.launch(fixture.login("http-teacher-8", false)));

        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(learner.get(learnerBase + "/progress").statusCode()).isEqualTo(404);
        assertThat(learner.get(learnerBase + "/picker").statusCode()).isEqualTo(404);
        assertThat(teacher.get(base(progress) + "/grow/goal").statusCode()).isEqualTo(404);
        assertThat(teacher.get(base(progress) + "/summary.json").statusCode()).isEqualTo(404);
    }
}
