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

/** Full LTI flows through the real Jetty server and the real pages over HTTP, against the platform simulator, on H2. */
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
        server = KasvuServer.start(database, KasvuServer.Settings.defaults().withPort(0)
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

    /** Follows the launch's 303 to the first page. */
    HttpResponse<String> follow(Browser browser, HttpResponse<String> launch) throws Exception {
        assertThat(launch.statusCode()).as("a verified launch is handed over to the pages").isEqualTo(303);
        return browser.get(server.baseUrl().resolve(launch.headers().firstValue("Location").orElseThrow()));
    }

    @Test
    void dynamicRegistration_thenLaunch_thenReplayRejected() throws Exception {
        Browser admin = Browser.withCookies();
        URI invite = server.dynamicRegistration().invite(Duration.ofMinutes(10), false).url();
        URI register = URI.create(invite + "?openid_configuration="
                + platform.openidConfiguration() + "&registration_token=reg-token-1");

        HttpResponse<String> page = admin.get(register);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kasvu on nyt rekisteröity", "Aktivoi", "”Uusi ikkuna” (New window)", "id=\"close\"", "/pages/static/lti.js");
        assertThat(server.registrations().all()).singleElement()
                .satisfies(r -> assertThat(r.clientId()).isEqualTo(PlatformSimulator.CLIENT_ID));
        assertThat(platform.registrationRequests.get(0).getString("jwks_uri"))
                .isEqualTo(server.tool().jwksUrl().toString());
        assertThat(platform.registrationRequests.get(0).getJsonObject(
                "https://purl.imsglobal.org/spec/lti-tool-configuration").getString("description"))
                .as("the tool names only the kinds it offers").startsWith("Coaching and learning work culture: GROW exercise")
                .contains("Team experiment", "Case library", "Peer groups", "360 assessment", "Culture self-assessment", "Pulse survey").endsWith(".");

        HttpResponse<String> again = admin.get(URI.create(register.toString().replace("reg-token-1", "reg-token-2")));
        assertThat(again.statusCode()).as("the invite was used up").isEqualTo(403);
        assertThat(platform.registrationRequests).hasSize(1);
        assertThat(server.registrations().all()).hasSize(1);

        Browser learner = Browser.withCookies();
        String authForm = loginAndAuthorize(learner, "{\"cmid\":2,\"launchid\":\"ltilaunch1_1\"}");
        HttpResponse<String> launch = learner.submitForm(authForm);
        HttpResponse<String> first = follow(learner, launch);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.uri().getPath()).matches("/pages/s/[A-Za-z0-9_-]{43}/grow/goal");
        assertThat(first.body()).contains("<html lang=\"fi\">", "Tavoite");
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
    void launchWithoutCookies_worksOnServerSideState_andThePagesCarryTheSessionInTheirPath() throws Exception {
        server.registrations().save(platform.registration());
        Browser blocked = Browser.withoutCookies();

        HttpResponse<String> launch = blocked.submitForm(loginAndAuthorize(blocked, "{\"cmid\":2}"));
        HttpResponse<String> page = follow(blocked, launch);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tavoite", "name=\"csrf\"");
        assertThat(Browser.withoutCookies().get(page.uri()).statusCode()).as("another cookieless tab of the same session")
                .isEqualTo(200);
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
        assertThat(check.body()).contains("data-step=\"get\"", "lti_storage_state", "/pages/static/lti.js");
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
        assertThat(follow(blocked, accepted).body()).contains("Tavoite");
        assertThat(state).isNotEqualTo(ok.get("lti_storage_state"));
    }

    @Test
    void deepLinking_thePickerListsTheRegisteredKinds_andPostsASignedResourceLinkWithLineItem() throws Exception {
        server.registrations().save(platform.registration());
        platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));
        Browser teacher = Browser.withCookies();

        HttpResponse<String> kinds = follow(teacher, teacher.submitForm(loginAndAuthorize(teacher, "{\"deep\":1}")));
        assertThat(kinds.statusCode()).isEqualTo(200);
        assertThat(kinds.uri().getPath()).endsWith("/picker");
        assertThat(kinds.body()).contains("GROW-harjoitus", "Tiimikokeilu", "Vertaisryhmät", "Pulssikysely", "360-arviointi", "Valmennusohjelma", "Tapauskirjasto");
        HttpResponse<String> picker = teacher.get(kinds.uri().resolve(kinds.uri().getPath() + "/grow"));
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("Lisää valmentava aktiviteetti", "personal-development", "development-discussion");
        Map<String, String> choice = Browser.hiddenFields(picker.body());
        choice.put("title", "GROW <uran> suunta");
        choice.put("template", "development-discussion");
        choice.put("minimum", "4");
        choice.put("language", "sv");
        choice.put("graded", "on");
        String action = picker.body().replaceAll("(?s).*<form method=\"post\" action=\"([^\"]*/picker/grow)\".*", "$1");
        HttpResponse<String> response = teacher.post(server.baseUrl().resolve(action), choice);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("name=\"JWT\"").doesNotContain("<uran>");
        URI returnUrl = URI.create(Browser.unescape(response.body().replaceAll(
                "(?s).*<form method=\"post\" action=\"(http[^\"]*)\".*", "$1")));
        HttpResponse<String> returned = teacher.post(returnUrl, Map.of("JWT", Browser.hiddenFields(response.body())
                .get("JWT")));

        assertThat(returned.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = platform.deepLinkResponses.get(0);
        assertThat(claims.getAudience()).containsExactly(platform.issuer());
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo("sim-data");
        List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertThat(items).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("title", "GROW <uran> suunta")
                .containsEntry("custom", Map.of("kasvu_kind", "grow", "kasvu_template", "development-discussion",
                        "kasvu_minimum_options", "4", "kasvu_language", "sv", "kasvu_graded", "true"))
                .containsEntry("lineItem", Map.of("scoreMaximum", 1.0, "label", "GROW <uran> suunta",
                        "resourceId", "grow:development-discussion", "tag", "kasvu"));
    }

    @Test
    void deepLinking_byALearner_isRefusedInTheirLanguage() throws Exception {
        server.registrations().save(platform.registration());
        platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
        Browser learner = Browser.withCookies();

        HttpResponse<String> refused = learner.submitForm(loginAndAuthorize(learner, "{\"deep\":1}"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Vain opettajat voivat lisätä Kasvu-tehtäviä.");
    }

    @Test
    void teacherProgress_namesTheRosterFromEveryNrpsPage() throws Exception {
        server.registrations().save(platform.registration());
        platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));
        Browser teacher = Browser.withCookies();

        HttpResponse<String> progress = follow(teacher, teacher.submitForm(loginAndAuthorize(teacher, "{\"cmid\":2}")));

        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(progress.body()).contains("Member 2", "Member 4", "Member 9").doesNotContain("Member 1<");
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
    void platformError_neverEchoesThePlatformsText() throws Exception {
        HttpResponse<String> page = Browser.withCookies().post(server.tool().launchUrl(),
                Map.of("error", "<b>login_required", "error_description", "<script>alert(1)</script>", "state", "x"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<script>alert", "alert(1)", "<b>")
                .contains("<code>other</code>", "Go back to the course and open the activity again");
    }

    /**
     * Moodle's mod/lti/auth.php posts {@code error=access_denied} with the state when the browser's
     * Moodle session is not the launch's user (signed out, expired, someone else signed in).
     */
    @Test
    void accessDenied_showsWhatHappenedAndWhatToDo_inTheUsersLanguage_consumesTheState_andLogsNoState()
            throws Exception {
        server.registrations().save(platform.registration());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                LtiServlets.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Map<String, String> expected = Map.of(
                    "fi-FI,fi;q=0.9", "Kurssialusta ei päästänyt sinua Kasvuun",
                    "sv-FI", "Kursplattformen släppte inte in dig i Kasvu",
                    "en-GB", "The course site did not let you into Kasvu");
            for (Map.Entry<String, String> language : expected.entrySet()) {
                Browser learner = Browser.withCookies();
                platform.authError = null;
                Map<String, String> genuine = Browser.hiddenFields(loginAndAuthorize(learner, "{\"cmid\":2}"));
                String state = genuine.get("state");

                HttpResponse<String> page = learner.post(server.tool().launchUrl(),
                        Map.of("error", "access_denied", "state", state), language.getKey());

                assertThat(page.statusCode()).isEqualTo(400);
                assertThat(page.body()).contains(language.getValue(), "<code>access_denied</code>",
                        "href=\"" + platform.issuer() + "\"", "target=\"_top\"")
                        .contains("<html lang=\"" + language.getKey().substring(0, 2) + "\">")
                        .doesNotContain(state, "TOKEN_MISSING");
                assertThat(page.headers().allValues("Set-Cookie")).as("the used state cookie is deleted")
                        .anySatisfy(c -> assertThat(c).startsWith("lti_state_").contains("Max-Age=0"));
                HttpResponse<String> late = learner.post(server.tool().launchUrl(), genuine);
                assertThat(late.body()).as("the declined login's state cannot be used afterwards")
                        .contains("STATE_UNKNOWN");
                assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .contains("declined by the platform", "access_denied", "issuer " + platform.issuer()));
                assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(state));
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    /**
     * What a live Moodle 4.5 actually posted when the login_hint was not its session's user
     * (moodle-fixtures/lti/declined_login): the recorded form, with this login's state in it, gets
     * the declined page in the browser's language, and Kasvu's log names the code, never the state.
     */
    @Test
    void recordedMoodleAccessDenied_isRecognised_andTheLogNamesTheCodeNotTheState() throws Exception {
        server.registrations().save(platform.registration());
        String recorded = java.nio.file.Files.readString(Path.of(
                "src/test/resources/moodle-fixtures/lti/declined_login/moodle_auth_php_access_denied.html"));
        Map<String, String> moodleSent = Browser.hiddenFields(recorded);
        assertThat(moodleSent).as("Moodle 4.5 sends the error and the state, nothing else")
                .containsOnlyKeys("error", "state").containsEntry("error", "access_denied");
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                LtiServlets.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Browser learner = Browser.withCookies();
            platform.authError = null;
            String state = Browser.hiddenFields(loginAndAuthorize(learner, "{\"cmid\":2}")).get("state");
            Map<String, String> answer = new LinkedHashMap<>(moodleSent);
            answer.put("state", state);

            HttpResponse<String> page = learner.post(server.tool().launchUrl(), answer, "sv-FI,sv;q=0.9");

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("<html lang=\"sv\">", "Kursplattformen släppte inte in dig i Kasvu",
                    "<code>access_denied</code>").doesNotContain(state);
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("declined by the platform", "access_denied", "issuer " + platform.issuer()));
            assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(state));
        } finally {
            logger.detachAppender(log);
        }
    }
}
