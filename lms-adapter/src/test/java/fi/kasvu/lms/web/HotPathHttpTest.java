package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.lti.RegistrationState;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launch's hot path after issue 19's cuts, on the real server (Jetty, H2) over HTTP: the
 * platform registration is read through a short cache, yet removing or disabling a platform
 * elsewhere (the {@code kasvu platform} command, another instance: another storage object on the
 * same database, with a cache of its own) ends its sessions at once while the server's cached
 * copy still says "active"; and an autosave runs three statements: the session, the document,
 * the conditional update (no registration read).
 */
class HotPathHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void removingThePlatformElsewhere_endsItsSessionsAtOnce_thoughTheServerCachedItsRegistration() throws Exception {
        PagesFixture.Launch launch = fixture.learner("hot-1", "rl-hot-1", "Liisa Oppija");
        NoScriptBrowser browser = launch.browser();
        String base = launch.base();
        String csrf = launch.csrf();
        assertThat(browser.get(base + "/grow/goal").statusCode()).isEqualTo(200); // the registration is cached now

        Registrations elsewhere = JdbcLtiStorage.on(fixture.database).registrations();
        try {
            assertThat(elsewhere.remove(fixture.platform.issuer(), PlatformSimulator.CLIENT_ID)).isTrue();

            assertThat(browser.get(base + "/grow/goal").statusCode()).isEqualTo(401);
            assertThat(browser.post(base + "/autosave", Map.of("csrf", csrf, "phase", "goal", "name",
                    "goal.sessionGoal", "value", "after removal")).statusCode()).isEqualTo(401);
        } finally {
            fixture.server.registrations().save(fixture.platform.registration());
        }
    }

    @Test
    void disablingThePlatformElsewhere_endsItsSessionsAtOnce() throws Exception {
        PagesFixture.Launch launch = fixture.learner("hot-2", "rl-hot-2", "Liisa Oppija");
        NoScriptBrowser browser = launch.browser();
        String base = launch.base();
        assertThat(browser.get(base + "/grow/goal").statusCode()).isEqualTo(200);

        Registrations elsewhere = JdbcLtiStorage.on(fixture.database).registrations();
        try {
            elsewhere.save(fixture.platform.registration().withState(RegistrationState.DISABLED));

            assertThat(browser.get(base + "/grow/goal").statusCode()).isEqualTo(401);
        } finally {
            fixture.server.registrations().save(fixture.platform.registration());
        }
    }

    @Test
    void disablingThePlatformOnTheServer_refusesItsNextLaunchAtOnce() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-hot-3", "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        assertThat(browser.follow(browser.launch(fixture.login("hot-3", false))).statusCode()).isEqualTo(200);
        try {
            fixture.server.registrations().save(fixture.platform.registration().withState(RegistrationState.DISABLED));

            NoScriptBrowser again = new NoScriptBrowser();
            assertThat(again.get(fixture.login("hot-3", false).toString()).statusCode()).isEqualTo(403);
        } finally {
            fixture.server.registrations().save(fixture.platform.registration());
        }
        NoScriptBrowser enabled = new NoScriptBrowser();
        assertThat(enabled.follow(enabled.launch(fixture.login("hot-3", false))).statusCode()).isEqualTo(200);
    }

    @Test
    void anAutosave_isThreeStatements_theSessionTheDocumentAndTheConditionalUpdate() throws Exception {
        PagesFixture.Launch launch = fixture.learner("hot-4", "rl-hot-4", "Liisa Oppija");
        NoScriptBrowser browser = launch.browser();
        String base = launch.base();
        String csrf = launch.csrf();
        Map<String, String> autosave = Map.of("csrf", csrf, "phase", "goal", "name", "goal.sessionGoal", "value",
                "Selkeä tavoite");
        assertThat(browser.post(base + "/autosave", autosave).statusCode()).isEqualTo(200); // warm: registration cached

        statistics(false);
        statistics(true);
        HttpResponse<String> saved = browser.post(base + "/autosave", Map.of("csrf", csrf, "phase", "goal", "name",
                "goal.sessionGoal", "value", "Selkeämpi tavoite"));
        Map<String, Long> statements = statements();
        statistics(false);

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"ok\":true");
        assertThat(statements).as("statements of one autosave: %s", statements).hasSize(3);
        assertThat(statements.values()).containsOnly(1L);
        assertThat(statements.keySet()).satisfiesExactlyInAnyOrder(
                sql -> assertThat(sql).startsWith("SELECT").contains("FROM kasvu_session"),
                sql -> assertThat(sql).startsWith("SELECT").contains("FROM kasvu_document"),
                sql -> assertThat(sql).startsWith("UPDATE kasvu_document").contains("version = ?"));
    }

    /** H2's per-statement counters for the whole database; switching them off forgets them. */
    private static void statistics(boolean on) throws Exception {
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS " + (on ? "TRUE" : "FALSE"));
        }
    }

    /** The data statements run since the counters were switched on, with how often each ran. */
    private static Map<String, Long> statements() throws Exception {
        Map<String, Long> counted = new LinkedHashMap<>();
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (r.next()) {
                String sql = r.getString(1).strip();
                String verb = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (sql.contains("INFORMATION_SCHEMA") || !java.util.Set.of("SELECT", "INSERT", "UPDATE", "DELETE",
                        "MERGE").contains(verb)) {
                    continue; // this query itself, SET, COMMIT
                }
                counted.merge(sql, r.getLong(2), Long::sum);
            }
        }
        return counted;
    }
}
