package fi.kasvu.lms.web;

import com.nimbusds.jwt.JWTClaimsSet;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.server.KasvuServer;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The real tool (Jetty, H2, the pages wired in) and lti's platform simulator, for the pages'
 * HTTP and browser tests: one per test class, started once.
 */
final class PagesFixture {

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    /** The LTI claim of an activity's custom parameters ({@code kasvu_kind}, {@code kasvu_template}, …). */
    static final String CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom";

    final PlatformSimulator platform;
    final KasvuDatabase database;
    final KasvuServer server;
    final ShiftedClock clock = new ShiftedClock();
    private final Path dir;

    private PagesFixture(Path dir) throws Exception {
        this(dir, TestDatabases.h2(dir.resolve("db")), s -> s);
    }

    private PagesFixture(Path dir, fi.kasvu.store.jdbc.DatabaseConfig config,
                         java.util.function.UnaryOperator<KasvuServer.Settings> settings) throws Exception {
        this(dir, config, settings, null);
    }

    private PagesFixture(Path dir, fi.kasvu.store.jdbc.DatabaseConfig config,
                         java.util.function.UnaryOperator<KasvuServer.Settings> settings, CourseServices course)
            throws Exception {
        this.dir = dir;
        platform = PlatformSimulator.start();
        database = KasvuDatabase.open(config);
        server = KasvuServer.start(database, settings.apply(KasvuServer.Settings.defaults().withPort(0)
                .withDeliveryInterval(Duration.ZERO)), clock, course);
        server.registrations().save(platform.registration());
        platform.trustToolKeys(server.tool().jwksUrl());
    }

    static PagesFixture start() throws Exception {
        return new PagesFixture(Files.createTempDirectory("kasvu-pages"));
    }

    /** The tool on another database (PostgreSQL, say) with changed settings (a public https base URL, say). */
    static PagesFixture start(fi.kasvu.store.jdbc.DatabaseConfig config,
                              java.util.function.UnaryOperator<KasvuServer.Settings> settings) throws Exception {
        return new PagesFixture(Files.createTempDirectory("kasvu-pages"), config, settings);
    }

    /** The tool on another database (PostgreSQL, say) with these course services (an in-test course). */
    static PagesFixture start(fi.kasvu.store.jdbc.DatabaseConfig config, CourseServices course) throws Exception {
        return new PagesFixture(Files.createTempDirectory("kasvu-pages"), config, s -> s, course);
    }

    /** The tool on H2 with these course services (an in-test course) instead of the platform's. */
    static PagesFixture start(CourseServices course) throws Exception {
        Path dir = Files.createTempDirectory("kasvu-pages");
        return new PagesFixture(dir, TestDatabases.h2(dir.resolve("db")), s -> s, course);
    }

    /** Launches as this user with these roles, locale and resource link from now on. */
    void as(String roles, String locale, String resourceLink, String name) {
        platform.untampered().tamper(launchClaims(roles, locale, resourceLink, "Oma kasvu", name));
    }

    /**
     * Launches as this user with these roles and locale on the resource link (with its title), placed
     * with the custom parameters ({@code kasvu_kind}, …), from now on; issued by the fixture's clock,
     * so a test that moves the clock on still launches.
     */
    void as(String roles, String locale, String resourceLink, String title, String name, Map<String, String> custom) {
        platform.untampered().tamper(launchClaims(roles, locale, resourceLink, title, name))
                .tamper(b -> b.claim(CUSTOM, custom).issueTime(java.util.Date.from(clock.instant()))
                        .expirationTime(java.util.Date.from(clock.instant().plusSeconds(300))));
    }

    /**
     * Launches {@code Member <subject>} (the simulator's roster names them so) in the roles and
     * locale on the resource link, placed with the custom parameters ({@code kasvu_kind}, …), and
     * follows the launch to the first page.
     */
    HttpResponse<String> launch(PagesHttpTest.NoScriptBrowser browser, String subject, String roles, String locale,
                                String resourceLink, String title, Map<String, String> custom) throws Exception {
        platform.untampered().tamper(launchClaims(roles, locale, resourceLink, title, "Member " + subject))
                .tamper(b -> b.claim(CUSTOM, custom));
        return browser.follow(browser.launch(login(subject, false)));
    }

    private static UnaryOperator<JWTClaimsSet.Builder> launchClaims(String roles, String locale, String resourceLink,
                                                                   String title, String name) {
        return b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink, "title",
                        title))
                .claim("name", name);
    }

    /** A launch over HTTP: the scriptless browser that made it and the first page it reached. */
    record Launch(PagesHttpTest.NoScriptBrowser browser, HttpResponse<String> page) {
        /** The session's URL prefix ({@code http://…/pages/s/<token>}). */
        String base() {
            return PagesHttpTest.base(page);
        }

        /** The page's CSRF token. */
        String csrf() {
            return PagesHttpTest.csrf(page.body());
        }
    }

    /** {@code name} launched as a learner in Finnish on the resource link, in a new scriptless browser. */
    Launch learner(String subject, String resourceLink, String name) throws Exception {
        as(LEARNER, "fi-FI", resourceLink, name);
        PagesHttpTest.NoScriptBrowser browser = new PagesHttpTest.NoScriptBrowser();
        return new Launch(browser, browser.follow(browser.launch(login(subject, false))));
    }

    /** The platform's deep-linking launch as an instructor (the simulator sends its deep-linking claims). */
    void asTeacherPicking(String locale) {
        platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(INSTRUCTOR))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe")));
    }

    /** The login initiation a platform sends for a user (GET, as Moodle may). */
    URI login(String subject, boolean deepLinking) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("target_link_uri", server.tool().launchUrl().toString());
        params.put("login_hint", subject);
        params.put("lti_message_hint", deepLinking ? "{\"deep\":1}" : "{\"cmid\":2}");
        params.put("client_id", PlatformSimulator.CLIENT_ID);
        params.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
        return URI.create(server.tool().loginUrl() + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** Stops the server, the database and the simulator. */
    void close() throws Exception {
        server.close();
        database.close();
        platform.close();
    }

    Path dir() {
        return dir;
    }
}
