package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions that can be ended (issue 11): only a hash of the token is stored, a new launch ends the
 * learner's older session of the same activity, and removing the platform's registration ends its
 * sessions at once, on the real server over HTTP.
 */
class SessionSecurityHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static String token(HttpResponse<String> page) {
        return page.uri().getPath().replaceAll("/pages/s/([^/]+)/.*", "$1");
    }

    @Test
    void theDatabaseHoldsOnlyAHashOfTheToken() throws Exception {
        PagesFixture.Launch launch = fixture.learner("sec-1", "rl-sec-1", "Liisa Oppija");
        NoScriptBrowser browser = launch.browser();
        HttpResponse<String> page = launch.page();
        String token = token(page);

        List<String> rows = new ArrayList<>();
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT token_hash, payload FROM kasvu_session")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2));
            }
        }
        assertThat(rows).isNotEmpty().noneMatch(row -> row.contains(token));
        assertThat(rows).anyMatch(row -> row.startsWith(PageSessions.hash(token)));
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void aNewLaunch_endsTheLearnersOlderSessionOfTheSameActivity() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-sec-2", "Liisa Oppija");
        NoScriptBrowser first = new NoScriptBrowser();
        String older = PagesHttpTest.base(first.follow(first.launch(fixture.login("sec-2", false))));
        NoScriptBrowser second = new NoScriptBrowser();
        String newer = PagesHttpTest.base(second.follow(second.launch(fixture.login("sec-2", false))));

        assertThat(first.get(older + "/grow/goal").statusCode()).isEqualTo(401);
        assertThat(second.get(newer + "/grow/goal").statusCode()).isEqualTo(200);
    }

    @Test
    void removingThePlatformsRegistration_endsItsSessions() throws Exception {
        PagesFixture.Launch launch = fixture.learner("sec-3", "rl-sec-3", "Liisa Oppija");
        NoScriptBrowser browser = launch.browser();
        String base = launch.base();
        String csrf = launch.csrf();
        try {
            fixture.server.registrations().remove(fixture.platform.issuer(), PlatformSimulator.CLIENT_ID);

            assertThat(browser.get(base + "/grow/goal").statusCode()).isEqualTo(401);
            assertThat(browser.post(base + "/autosave", Map.of("csrf", csrf, "phase", "goal", "name",
                    "goal.sessionGoal", "value", "after removal")).statusCode()).isEqualTo(401);
        } finally {
            fixture.server.registrations().save(fixture.platform.registration());
        }
    }
}
