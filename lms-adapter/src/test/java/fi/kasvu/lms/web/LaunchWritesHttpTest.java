package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What a learner's first launch writes before her first page (issue 12, item 5): counted with
 * H2's per-statement statistics on the real server, from the login request to the first page.
 * The test pins today's writes, each named, so that a new one shows up here. Found (session 7):
 * beyond the state, the nonce, the session and the new document, a launch ends the learner's older
 * sessions of the activity (a delete that finds nothing on a first launch), records her as a seen
 * learner (a document, so that the teacher's view has her name), and remembers where her score goes
 * (an expiring value); the login's launch state is the one write before the launch.
 */
class LaunchWritesHttpTest {

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
    void aFirstGradedLaunch_writesTheStateTheNonceTheSessionTheDocument_andWhatElseIsNamedHere() throws Exception {
        // warm: the registration is cached and the course's placement is recorded by an earlier launch
        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-writes", "Wendy Warm");
        NoScriptBrowser warm = new NoScriptBrowser();
        assertThat(warm.follow(warm.launch(fixture.login("writes-0", false))).statusCode()).isEqualTo(200);

        fixture.as(PagesFixture.LEARNER, "en-GB", "rl-writes", "Willa Writes");
        NoScriptBrowser browser = new NoScriptBrowser();
        statistics(false);
        statistics(true);
        HttpResponse<String> page = browser.follow(browser.launch(fixture.login("writes-1", false)));
        Map<String, Long> writes = writes();
        statistics(false);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).endsWith("/grow/goal");
        System.out.println("Writes of a first graded GROW launch: " + writes);
        assertThat(writes).as("the writes of a first launch: %s", writes).hasSize(6);
        assertThat(writes.entrySet()).as("the writes of a first launch, and how often: %s", writes)
                .satisfiesExactlyInAnyOrder(
                        // the login's launch state, and (the second) where her score goes (ScorePublisher.remember)
                        w -> assertThat(w).satisfies(e -> assertThat(e.getKey())
                                .startsWith("MERGE INTO kasvu_expiring_value"), e -> assertThat(e.getValue()).isEqualTo(2)),
                        // the launch state taken: consumed once
                        w -> assertThat(w).satisfies(e -> assertThat(e.getKey()).contains("OLD TABLE (DELETE FROM "
                                + "kasvu_expiring_value"), e -> assertThat(e.getValue()).isEqualTo(1)),
                        // the nonce
                        w -> assertThat(w).satisfies(e -> assertThat(e.getKey())
                                .startsWith("INSERT INTO kasvu_single_use_token"), e -> assertThat(e.getValue()).isEqualTo(1)),
                        // her older sessions of the same activity end (nothing to end on a first launch)
                        w -> assertThat(w).satisfies(e -> assertThat(e.getKey()).startsWith("DELETE FROM kasvu_session"),
                                e -> assertThat(e.getValue()).isEqualTo(1)),
                        // the page session
                        w -> assertThat(w).satisfies(e -> assertThat(e.getKey()).startsWith("MERGE INTO kasvu_session"),
                                e -> assertThat(e.getValue()).isEqualTo(1)),
                        // two documents: the new conversation (once, in the right mode) and the seen learner
                        w -> assertThat(w).satisfies(e -> assertThat(e.getKey()).startsWith("INSERT INTO kasvu_document"),
                                e -> assertThat(e.getValue()).isEqualTo(2)));
        assertThat(documentKinds("writes-1")).as("the documents the launch inserted")
                .containsExactlyInAnyOrder("grow.conversation", "pages.seen-learner");
    }

    /** The kinds of the documents whose owner is the person, or whose id names her. */
    private static java.util.List<String> documentKinds(String subject) throws Exception {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        try (Connection c = fixture.database.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT kind FROM kasvu_document WHERE owner = ? "
                     + "OR document LIKE ?")) {
            s.setString(1, subject);
            s.setString(2, "%\"" + subject + "\"%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kinds.add(r.getString(1));
                }
            }
        }
        return kinds;
    }

    /** H2's per-statement counters for the whole database; switching them off forgets them. */
    private static void statistics(boolean on) throws Exception {
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS " + (on ? "TRUE" : "FALSE"));
        }
    }

    /** The writing statements run since the counters were switched on, with how often each ran. */
    private static Map<String, Long> writes() throws Exception {
        Map<String, Long> counted = new LinkedHashMap<>();
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (r.next()) {
                String sql = r.getString(1).strip();
                String verb = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (sql.contains("INFORMATION_SCHEMA") || !java.util.Set.of("INSERT", "UPDATE", "DELETE", "MERGE")
                        .contains(verb) && !sql.toUpperCase(Locale.ROOT).contains("OLD TABLE (DELETE")) {
                    continue; // reads, this query itself, SET, COMMIT
                }
                counted.merge(sql, r.getLong(2), Long::sum);
            }
        }
        return counted;
    }
}
