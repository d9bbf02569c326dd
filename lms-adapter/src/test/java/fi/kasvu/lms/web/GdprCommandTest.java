package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.lms.cli.KasvuCommand;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.store.jdbc.ScoreStates;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kasvu gdpr export|erase} on a database the real tool wrote: a learner's GROW answers,
 * the pages' record of them, a queued score post and an open session, next to another learner's.
 */
class GdprCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = KasvuCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    static int count(Connection c, String sql) throws Exception {
        try (ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void exportHoldsEverything_eraseRemovesEverything_andTheOtherLearnerStays() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        String db;
        try {
            for (String learner : new String[] {"gdpr-1", "gdpr-2"}) {
                fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-gdpr", "Name " + learner);
                NoScriptBrowser browser = new NoScriptBrowser();
                HttpResponse<String> goal = browser.follow(browser.launch(fixture.login(learner, false)));
                browser.post(PagesHttpTest.base(goal) + "/grow/goal", Map.of("csrf", PagesHttpTest.csrf(goal.body()),
                        "do", "save", "goal.sessionGoal", "Tavoite of " + learner));
            }
            TenantId tenant = fixture.platform.registration().tenant(PlatformSimulator.DEPLOYMENT_ID);
            JdbcLtiStorage.on(fixture.database).scoreOutbox().enqueue(tenant, new PendingScore(fixture.platform.issuer(),
                    PlatformSimulator.CLIENT_ID, URI.create(fixture.platform.issuer() + "/li/1"),
                    Score.graded("gdpr-1", 1, 1, Instant.now())), Instant.now());
            for (String learner : new String[] {"gdpr-1", "gdpr-2"}) {
                ScoreStates.of(fixture.database).queue(new ScoreStates.Target(tenant, fixture.platform.issuer(),
                        PlatformSimulator.CLIENT_ID, fixture.platform.issuer() + "/li/2", learner, "grow",
                        "doc-" + learner), 1, 1, "lti.ags.score", new PendingScore(fixture.platform.issuer(),
                        PlatformSimulator.CLIENT_ID, URI.create(fixture.platform.issuer() + "/li/2"),
                        Score.graded(learner, 1, 1, Instant.now())).toJson(), Instant.now());
                ScoreStates.of(fixture.database).refused(tenant, fixture.platform.issuer() + "/li/2", learner, 400,
                        "Grade item is locked", Instant.now());
            }
            db = "jdbc:h2:file:" + fixture.dir().resolve("db").resolve("kasvu").toAbsolutePath();
        } finally {
            fixture.close();
        }
        Path out = fixture.dir().resolve("export.json");

        Run export = run("gdpr", "export", "--db", db, "--person", "gdpr-1", "--out", out.toString());
        String json = Files.readString(out);
        Run erase = run("gdpr", "erase", "--db", db, "--person", "gdpr-1");
        Run after = run("gdpr", "export", "--db", db, "--person", "gdpr-1");
        Run other = run("gdpr", "export", "--db", db, "--person", "gdpr-2");
        Run bad = run("gdpr", "erase", "--db", db, "--person", "x\u0000y");

        assertThat(export.exit()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(json).contains("Tavoite of gdpr-1", "Name gdpr-1", "\"queuedScorePosts\":[1,2]",
                "\"openSessions\":1", "\"scoreStates\":[{", "\"documentId\":\"doc-gdpr-1\"", "\"state\":\"refused\"",
                "Grade item is locked").doesNotContain("gdpr-2");
        assertThat(erase.out()).contains("1 score states removed", "2 queued score posts removed", "1 sessions ended",
                "Nothing was left behind");
        assertThat(erase.exit()).isZero();
        assertThat(after.out()).doesNotContain("Tavoite of gdpr-1", "Name gdpr-1", "doc-gdpr-1")
                .contains("\"openSessions\":0", "\"scoreStates\":[]");
        assertThat(other.out()).contains("Tavoite of gdpr-2", "Name gdpr-2", "doc-gdpr-2");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--person has a control character");
        try (Connection c = java.sql.DriverManager.getConnection(db, "kasvu", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM kasvu_outbox")).as("only gdpr-2's post").isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM kasvu_score_state WHERE subject = 'gdpr-1'")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM kasvu_score_state WHERE subject = 'gdpr-2'")).isEqualTo(1);
            assertThat(fi.kasvu.lms.server.DatabaseSweep.mentions(c, "gdpr-1"))
                    .as("no text column of any Kasvu table holds the erased person's id").isEmpty();
            assertThat(fi.kasvu.lms.server.DatabaseSweep.mentions(c, "gdpr-2")).isNotEmpty();
        }
    }
}
