package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import fi.kasvu.lms.lti.MutableClock;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full LTI flows through the real Jetty server over HTTP, against the platform simulator, on H2. */
class LtiServerFlowTest {

    @TempDir
    Path dir;
    PlatformSimulator platform;
    KasvuDatabase database;
    KasvuServer server;
    final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void start() throws Exception {
        platform = PlatformSimulator.start();
        database = KasvuDatabase.open(TestDatabases.h2(dir.resolve("db")));
        server = KasvuServer.startWithoutPages(database, KasvuServer.Settings.defaults().withPort(0)
                .withDeliveryInterval(Duration.ZERO), clock);
        platform.trustToolKeys(server.tool().jwksUrl());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        database.close();
        platform.close();
    }

    Map<String, String> initiation(String hint) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("target_link_uri", server.tool().launchUrl().toString());
        params.put("login_hint", "5");
        params.put("lti_message_hint", hint);
        params.put("client_id", PlatformSimulator.CLIENT_ID);
        params.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
        return params;
    }

    /** Login initiation → platform auth → the auto-posted form; returns the auth form page. */
    String loginAndAuthorize(Browser browser, String hint) throws Exception {
        HttpResponse<String> login = browser.post(server.tool().loginUrl(), initiation(hint));
        assertThat(login.statusCode()).isEqualTo(302);
        URI auth = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(PlatformSimulator.form(auth.getRawQuery())).containsEntry("lti_message_hint", hint);
        HttpResponse<String> form = browser.get(auth);
        assertThat(form.statusCode()).isEqualTo(200);
        return form.body();
    }

    @Test
    void dynamicRegistration_thenLaunch_thenReplayRejected() throws Exception {
        Browser admin = Browser.withCookies();
        URI invite = server.dynamicRegistration().invite(Duration.ofMinutes(10), false).url();
        URI register = URI.create(invite + "?openid_configuration="
                + platform.openidConfiguration() + "&registration_token=reg-token-1");

        HttpResponse<String> page = admin.get(register);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kasvu on nyt rekisteröity", "Aktivoi", "org.imsglobal.lti.close");
        assertThat(server.registrations().all()).singleElement()
                .satisfies(r -> assertThat(r.clientId()).isEqualTo(PlatformSimulator.CLIENT_ID));
        assertThat(platform.registrationRequests.get(0).getString("jwks_uri"))
                .isEqualTo(server.tool().jwksUrl().toString());

        HttpResponse<String> again = admin.get(URI.create(register.toString().replace("reg-token-1", "reg-token-2")));
        assertThat(again.statusCode()).as("the invite was used up").isEqualTo(403);
        assertThat(platform.registrationRequests).hasSize(1);
        assertThat(server.registrations().all()).hasSize(1);

        Browser learner = Browser.withCookies();
        String authForm = loginAndAuthorize(learner, "{\"cmid\":2,\"launchid\":\"ltilaunch1_1\"}");
        HttpResponse<String> launch = learner.submitForm(authForm);
        assertThat(launch.statusCode()).isEqualTo(200);
        assertThat(launch.body()).contains("Tervetuloa, Liisa Oppija").doesNotContain("uuteen ikkunaan");
        assertThat(launch.headers().allValues("Set-Cookie")).as("used state cookie deleted")
                .anySatisfy(c -> assertThat(c).startsWith("lti_state_").contains("Max-Age=0"));

        HttpResponse<String> replay = learner.submitForm(authForm);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("NONCE_REPLAYED", "reference");
    }

    /** The SSRF as reported: an internal URL, with and without a guessed invite, is never fetched or echoed. */
    @Test
    void registrationWithoutAValidInvite_fetchesNothing_echoesNothing_andLogsNoControlCharacters() throws Exception {
        com.sun.net.httpserver.HttpServer internal = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        List<String> hits = new java.util.concurrent.CopyOnWriteArrayList<>();
        internal.createContext("/", ex -> {
            hits.add(ex.getRequestURI().toString());
            byte[] body = "INTERNAL-ADMIN-PAGE".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        internal.start();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            String target = java.net.URLEncoder.encode("http://127.0.0.1:" + internal.getAddress().getPort()
                    + "/admin\r\nINFO forged", java.nio.charset.StandardCharsets.UTF_8);
            Browser attacker = Browser.withoutCookies();
            for (String path : List.of("", "/guessed-invite", "/%0d%0aINFO%20forged")) {
                HttpResponse<String> page = attacker.get(URI.create(server.tool().registrationUrl() + path
                        + "?openid_configuration=" + target + "&registration_token=x%0d%0ay"));
                // Jetty itself answers 400 to a control character in the path; no servlet runs.
                assertThat(page.statusCode()).isEqualTo(path.contains("%0d") ? 400 : 403);
                assertThat(page.body()).doesNotContain("INTERNAL-ADMIN-PAGE", "127.0.0.1");
            }
            assertThat(hits).isEmpty();
            assertThat(server.registrations().all()).isEmpty();
            assertThat(log.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .doesNotContain("\r", "\n", "forged"));
        } finally {
            root.detachAppender(log);
            internal.stop(0);
        }
    }

    @Test
    void launchWithoutCookies_worksOnServerSideState_andOffersANewWindow() throws Exception {
        server.registrations().save(platform.registration());
        Browser blocked = Browser.withoutCookies();

        HttpResponse<String> launch = blocked.submitForm(loginAndAuthorize(blocked, "{\"cmid\":2}"));

        assertThat(launch.statusCode()).isEqualTo(200);
        assertThat(launch.body()).contains("uuteen ikkunaan", "target=\"_blank\"");
        URI newWindow = URI.create(Browser.unescape(launch.body().replaceAll("(?s).*href=\"([^\"]*/activity/[^\"]*)\".*",
                "$1")));
        assertThat(Browser.withCookies().get(newWindow).body()).contains("Tervetuloa");
    }

    @Test
    void platformStorage_isUsedWhenOffered_andAForeignValueIsAMismatch() throws Exception {
        server.registrations().save(platform.registration());
        Browser blocked = Browser.withoutCookies();
        Map<String, String> params = initiation("{\"cmid\":2}");
        params.put("lti_storage_target", "_parent");

        HttpResponse<String> login = blocked.post(server.tool().loginUrl(), params);
        assertThat(login.statusCode()).isEqualTo(200);
        String state = Browser.dataAttribute(login.body(), "state");
        assertThat(Browser.dataAttribute(login.body(), "origin")).isEqualTo(platform.issuer());
        String authForm = blocked.get(URI.create(Browser.dataAttribute(login.body(), "auth"))).body();

        HttpResponse<String> check = blocked.submitForm(authForm);
        assertThat(check.body()).contains("lti.get_data", "lti_storage_state");
        Map<String, String> relaunch = Browser.hiddenFields(check.body());
        relaunch.put("lti_storage_state", "somebody-elses-state");
        HttpResponse<String> mismatch = blocked.post(server.tool().launchUrl(), relaunch);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("STATE_MISMATCH");

        HttpResponse<String> login2 = blocked.post(server.tool().loginUrl(), params);
        String authForm2 = blocked.get(URI.create(Browser.dataAttribute(login2.body(), "auth"))).body();
        Map<String, String> ok = Browser.hiddenFields(blocked.submitForm(authForm2).body());
        ok.put("lti_storage_state", Browser.dataAttribute(login2.body(), "state"));
        HttpResponse<String> accepted = blocked.post(server.tool().launchUrl(), ok);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Tervetuloa");
        assertThat(state).isNotEqualTo(ok.get("lti_storage_state"));
    }

    @Test
    void deepLinking_postsASignedResourceLinkWithLineItemToThePlatform() throws Exception {
        server.registrations().save(platform.registration());
        Browser teacher = Browser.withCookies();

        HttpResponse<String> picker = teacher.submitForm(loginAndAuthorize(teacher, "{\"deep\":1}"));
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("Lisää Kasvu-tehtävä", "personal-development");
        Map<String, String> choice = Browser.hiddenFields(picker.body());
        choice.put("title", "GROW <uran> suunta");
        choice.put("kind", "grow");
        choice.put("template", "development-discussion");
        choice.put("followUpDays", "30");
        choice.put("graded", "on");
        choice.put("scoreMaximum", "20");
        HttpResponse<String> response = teacher.post(server.tool().deepLinkUrl(), choice);
        assertThat(response.body()).contains("name=\"JWT\"").doesNotContain("<uran>");
        HttpResponse<String> returned = teacher.submitForm(response.body());

        assertThat(returned.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = platform.deepLinkResponses.get(0);
        assertThat(claims.getAudience()).containsExactly(platform.issuer());
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo("sim-data");
        List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertThat(items).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("title", "GROW <uran> suunta")
                .containsEntry("custom", Map.of("activity_kind", "grow", "template", "development-discussion",
                        "options", "{\"followUpDays\":30}"))
                .containsEntry("lineItem", Map.of("scoreMaximum", 20.0, "label", "GROW <uran> suunta",
                        "resourceId", "grow:development-discussion", "tag", "kasvu"));
        assertThat(teacher.post(server.tool().deepLinkUrl(), choice).statusCode()).isEqualTo(400);
    }

    @Test
    void score_survivesAPlatformOutageInTheOutbox() throws Exception {
        server.registrations().save(platform.registration());
        Browser learner = Browser.withCookies();
        HttpResponse<String> launch = learner.submitForm(loginAndAuthorize(learner, "{\"cmid\":2}"));
        platform.scoresDown(true);

        HttpResponse<String> done = learner.post(Browser.formAction(launch.body()), Map.of());
        assertThat(done.body()).contains("Merkitty tehdyksi");
        for (int i = 0; i < 200 && platform.scoreAttempts.get() == 0; i++) {
            server.deliverScores();
            Thread.sleep(50);
            clock.advance(Duration.ofSeconds(15));
        }
        Thread.sleep(200);
        assertThat(platform.scoreAttempts.get()).as("attempts during the outage").isPositive();
        assertThat(platform.scores).isEmpty();
        platform.scoresDown(false);
        clock.advance(Duration.ofSeconds(30));

        for (int i = 0; i < 200 && platform.scores.isEmpty(); i++) {
            server.deliverScores();
            Thread.sleep(50);
            clock.advance(Duration.ofSeconds(15));
        }

        assertThat(platform.scores).singleElement().satisfies(s -> {
            assertThat(s.getString("userId")).isEqualTo("5");
            assertThat(s.getString("activityProgress")).isEqualTo("Completed");
        });
        assertThat(platform.scoreAttempts.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void teacherRosterFetch_followsEveryPage() throws Exception {
        server.registrations().save(platform.registration());
        platform.tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));
        Browser teacher = Browser.withCookies();
        HttpResponse<String> launch = teacher.submitForm(loginAndAuthorize(teacher, "{\"cmid\":2}"));
        URI rosterLink = URI.create(Browser.unescape(launch.body().replaceAll(
                "(?s).*id=\"roster-link\" href=\"([^\"]*)\".*", "$1")));

        HttpResponse<String> roster = teacher.get(rosterLink);

        assertThat(roster.statusCode()).isEqualTo(200);
        assertThat(Browser.dataAttribute(roster.body(), "members")).isEqualTo("9");
        assertThat(Browser.dataAttribute(roster.body(), "learners")).isEqualTo("8");
        assertThat(roster.body()).doesNotContain("Member 2");
    }

    @Test
    void jwks_publishesPublicKeysOnly_andHealthIsUp() throws Exception {
        Browser any = Browser.withCookies();

        JWKSet keys = JWKSet.parse(any.get(server.tool().jwksUrl()).body());
        HttpResponse<String> health = any.get(URI.create(server.baseUrl() + "/health"));

        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void platformError_isShownEscaped() throws Exception {
        HttpResponse<String> page = Browser.withCookies().post(server.tool().launchUrl(),
                Map.of("error", "login_required", "error_description", "<script>alert(1)</script>", "state", "x"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    }
}
