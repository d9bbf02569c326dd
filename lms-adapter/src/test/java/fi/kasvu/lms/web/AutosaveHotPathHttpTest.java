package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GROW autosave's hot path on the real server (Jetty, H2 here, PostgreSQL in
 * {@link AutosaveHotPathPostgresHttpTest}) over HTTP (issue 19, issue 12 item 5): the page's
 * autosave address names the conversation, so that the session and the conversation are read in
 * one statement, and the save is one conditional update: <b>one read and one write</b>, counted
 * with the database's own per-statement counters. The name in the address is only a hint: every
 * rule of the autosave holds with it, and naming another learner's conversation (or nonsense)
 * changes only the learner's own. Another tenant's document is never read for it
 * ({@code JdbcSessionsTest}, where one id exists in two tenants).
 */
class AutosaveHotPathHttpTest {

    static PagesFixture fixture;
    static StatementCounter counter;

    /** Counts the data statements (SELECT, INSERT, UPDATE, DELETE, MERGE) the database runs. */
    interface StatementCounter {
        /** Forgets what was counted so far and starts counting. */
        void start() throws Exception;

        /** Each data statement run since {@link #start}, with how often it ran. */
        Map<String, Long> counted() throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        counter = new H2Statistics(fixture);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** A learner on the Goal phase of a new exercise. */
    record Learner(NoScriptBrowser browser, HttpResponse<String> page, String base, String csrf, String autosave,
                   String documentId) {
    }

    static Learner launch(String subject, String resourceLink) throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", resourceLink, "Liisa Oppija");
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> page = browser.follow(browser.launch(fixture.login(subject, false)));
        assertThat(page.uri().toString()).endsWith("/grow/goal");
        String attribute = page.body().replaceAll("(?s).*data-autosave=\"([^\"]*)\".*", "$1");
        assertThat(attribute).as("the page's autosave address").contains("/autosave?doc=grow.conversation%3A");
        String documentId = java.net.URLDecoder.decode(attribute.substring(attribute.indexOf("doc=") + 4),
                StandardCharsets.UTF_8).substring("grow.conversation:".length());
        return new Learner(browser, page, PagesHttpTest.base(page), PagesHttpTest.csrf(page.body()),
                page.uri().resolve(attribute).toString(), documentId);
    }

    static Map<String, String> field(Learner learner, String name, String value) {
        return Map.of("csrf", learner.csrf(), "phase", "goal", "name", name, "value", value);
    }

    @Test
    void theAutosaveOfThePage_isOneReadAndOneWrite_whereTheBareRouteWasThree() throws Exception {
        Learner learner = launch("auto-1", "rl-auto-1");
        assertThat(learner.browser().post(learner.autosave(), field(learner, "goal.sessionGoal", "Ensimmäinen"))
                .statusCode()).isEqualTo(200); // warm

        counter.start();
        HttpResponse<String> bare = learner.browser().post(learner.base() + "/autosave",
                field(learner, "goal.sessionGoal", "Toinen"));
        Map<String, Long> before = counter.counted();
        counter.start();
        HttpResponse<String> saved = learner.browser().post(learner.autosave(),
                field(learner, "goal.sessionGoal", "Selkeämpi tavoite"));
        Map<String, Long> after = counter.counted();

        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(before.values().stream().mapToLong(Long::longValue).sum())
                .as("statements of an autosave without the document's name: %s", before).isEqualTo(3);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"ok\":true");
        assertThat(after).as("statements of the page's autosave: %s", after).hasSize(2);
        assertThat(after.values()).containsOnly(1L);
        assertThat(after.keySet()).satisfiesExactlyInAnyOrder(
                sql -> assertThat(sql).startsWith("SELECT").contains("FROM kasvu_session")
                        .contains("JOIN kasvu_document"),
                sql -> assertThat(sql).startsWith("UPDATE kasvu_document").containsPattern("version = [?$]"));
        assertThat(learner.browser().get(learner.base() + "/grow/goal").body()).contains("Selkeämpi tavoite");
    }

    @Test
    void anotherLearnersConversationNamedInTheAddress_leavesItAlone_andSavesTheLearnersOwn() throws Exception {
        Learner other = launch("auto-2b", "rl-auto-2");
        assertThat(other.browser().post(other.autosave(), field(other, "goal.sessionGoal", "Toisen oma teksti"))
                .statusCode()).isEqualTo(200);
        Learner learner = launch("auto-2a", "rl-auto-2");
        assertThat(learner.documentId()).isNotEqualTo(other.documentId());

        HttpResponse<String> aimed = learner.browser().post(learner.base() + "/autosave?doc="
                        + URLEncoder.encode("grow.conversation:" + other.documentId(), StandardCharsets.UTF_8),
                field(learner, "goal.sessionGoal", "Hyökkääjän teksti"));

        assertThat(aimed.statusCode()).isEqualTo(200);
        assertThat(learner.browser().get(learner.base() + "/grow/goal").body()).contains("Hyökkääjän teksti");
        assertThat(other.browser().get(other.base() + "/grow/goal").body()).contains("Toisen oma teksti")
                .doesNotContain("Hyökkääjän teksti");
        // The other learner's session cannot be borrowed with the learner's CSRF token either.
        HttpResponse<String> borrowed = learner.browser().post(other.autosave(),
                field(learner, "goal.sessionGoal", "Hyökkääjän teksti"));
        assertThat(borrowed.statusCode()).isEqualTo(403);
        assertThat(other.browser().get(other.base() + "/grow/goal").body()).doesNotContain("Hyökkääjän teksti");
    }

    @Test
    void nonsenseInTheAddress_isIgnored_andTheFieldIsSaved() throws Exception {
        Learner learner = launch("auto-3", "rl-auto-3");
        List<String> hints = List.of("garbage", "grow.conversation:", ":" + learner.documentId(),
                "grow.conversation:" + "x".repeat(400), "grow.other:" + learner.documentId(),
                "grow.conversation:" + learner.documentId() + "' OR '1'='1", "%E2%80%AE");
        int i = 0;
        for (String hint : hints) {
            String value = "Arvo " + i++;
            HttpResponse<String> saved = learner.browser().post(learner.base() + "/autosave?doc="
                    + URLEncoder.encode(hint, StandardCharsets.UTF_8), field(learner, "goal.measures", value));
            assertThat(saved.statusCode()).as(hint).isEqualTo(200);
            assertThat(saved.body()).as(hint).contains("\"ok\":true");
            assertThat(learner.browser().get(learner.base() + "/grow/goal").body()).as(hint).contains(value);
        }
    }

    @Test
    void everyRuleOfTheAutosaveHolds_withTheDocumentNamed() throws Exception {
        Learner learner = launch("auto-4", "rl-auto-4");
        assertThat(learner.browser().post(learner.autosave(), field(learner, "goal.sessionGoal", "Tallessa"))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> forged = learner.browser().post(learner.autosave(),
                Map.of("csrf", "forged", "phase", "goal", "name", "goal.sessionGoal", "value", "Väärennetty"));
        HttpResponse<String> control = learner.browser().post(learner.autosave(),
                field(learner, "goal.sessionGoal", "Ohjaus\u0007merkki"));
        HttpResponse<String> tooLong = learner.browser().post(learner.autosave(),
                field(learner, "goal.sessionGoal", "x".repeat(4001)));
        HttpResponse<String> unknown = learner.browser().post(learner.autosave(),
                field(learner, "coachee", "Joku muu"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"ok\":false");
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.body()).contains("\"ok\":false", "ohjausmerkkejä");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("4000");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(learner.browser().get(learner.base() + "/grow/goal").body()).contains("Tallessa")
                .doesNotContain("Väärennetty", "Joku muu");

        // The session's idle end passes: the named document does not keep it open.
        expireSessions(learner.base());
        HttpResponse<String> expired = learner.browser().post(learner.autosave(),
                field(learner, "goal.sessionGoal", "Liian myöhään"));
        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void autosavesRacingFromTwoTabs_keepEveryField() throws Exception {
        Learner learner = launch("auto-5", "rl-auto-5");
        List<String> names = List.of("topic", "goal.sessionGoal", "goal.longTermGoal", "goal.measures");
        ExecutorService tabs = Executors.newFixedThreadPool(names.size());
        try {
            List<Callable<HttpResponse<String>>> saves = new ArrayList<>();
            for (String name : names) {
                // Every other save comes from a tab that posts to the bare route (an older page).
                String url = saves.size() % 2 == 0 ? learner.autosave() : learner.base() + "/autosave";
                saves.add(() -> learner.browser().post(url, field(learner, name, "Kenttä " + name)));
            }
            for (Future<HttpResponse<String>> done : tabs.invokeAll(saves)) {
                assertThat(done.get().statusCode()).isEqualTo(200);
            }
        } finally {
            tabs.shutdownNow();
        }
        String goal = learner.browser().get(learner.base() + "/grow/goal").body();
        for (String name : names) {
            assertThat(goal).contains("Kenttä " + name);
        }
    }

    /** Moves every session's idle end of the learner (named by the page base) into the past. */
    static void expireSessions(String base) throws Exception {
        String token = base.substring(base.lastIndexOf('/') + 1);
        try (Connection c = fixture.database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE kasvu_session SET idle_until = ? WHERE token_hash = ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC));
            s.setString(2, PageSessions.hash(token));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** Whether a statement is one of the data statements counted. */
    static boolean isData(String sql) {
        String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE").contains(verb);
    }

    /** H2's per-statement counters for the whole database; switching them off forgets them. */
    static final class H2Statistics implements StatementCounter {
        private final PagesFixture fixture;

        H2Statistics(PagesFixture fixture) {
            this.fixture = fixture;
        }

        @Override
        public void start() throws Exception {
            set(false);
            set(true);
        }

        private void set(boolean on) throws Exception {
            try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS " + (on ? "TRUE" : "FALSE"));
            }
        }

        @Override
        public Map<String, Long> counted() throws Exception {
            Map<String, Long> counted = new LinkedHashMap<>();
            try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery(
                         "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (r.next()) {
                    String sql = r.getString(1).strip();
                    if (!sql.contains("INFORMATION_SCHEMA") && isData(sql)) {
                        counted.merge(sql, r.getLong(2), Long::sum);
                    }
                }
            }
            set(false);
            return counted;
        }
    }
}
