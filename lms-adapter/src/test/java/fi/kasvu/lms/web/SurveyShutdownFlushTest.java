package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server that stops writes the ballots still waiting for their batch: two learners answered
 * (acknowledged, waiting in memory, nothing in the database), the server is closed, and both
 * answers and both people are in the database. On H2 and on embedded PostgreSQL.
 */
class SurveyShutdownFlushTest {

    @Test
    void onH2() throws Exception {
        stoppingTheServer_writesTheWaitingBallots(TestDatabases.h2(Files.createTempDirectory("kasvu-flush")
                .resolve("db")), "rl-flush-h2");
    }

    @Test
    void onPostgres() throws Exception {
        stoppingTheServer_writesTheWaitingBallots(TestDatabases.freshPostgres(), "rl-flush-pg");
    }

    void stoppingTheServer_writesTheWaitingBallots(DatabaseConfig config, String link) throws Exception {
        PagesFixture fixture = PagesFixture.start(config, s -> s);
        try {
            SurveyPagesHttpTest.Person organiser = SurveyPagesHttpTest.Person.launch(fixture, PagesFixture.INSTRUCTOR,
                    link, "org-" + link);
            assertThat(organiser.post("manage", Map.of("do", "open")).body()).contains("Kierros on auki");
            List<String> subjects = List.of("flush-a-" + link, "flush-b-" + link);
            for (String subject : subjects) {
                SurveyPagesHttpTest.Person learner = SurveyPagesHttpTest.Person.launch(fixture,
                        PagesFixture.LEARNER, link, subject);
                HttpResponse<String> saved = learner.post("survey",
                        SurveyPagesHttpTest.answer(learner.first().body(), "u1", 4));
                assertThat(saved.uri().getPath()).endsWith("/survey/saved");
            }
            assertThat(count(fixture, "survey.response")).as("two ballots wait for a batch").isZero();

            fixture.server.close();

            assertThat(count(fixture, "survey.response")).as("written when the server stopped").isEqualTo(2);
            String participation = document(fixture, "survey.participation");
            assertThat(participation).contains(subjects.get(0), subjects.get(1));
        } finally {
            fixture.close();
        }
    }

    static int count(PagesFixture fixture, String kind) throws Exception {
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM kasvu_document WHERE kind = '" + kind + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static String document(PagesFixture fixture, String kind) throws Exception {
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT document FROM kasvu_document WHERE kind = '" + kind + "'")) {
            StringBuilder all = new StringBuilder();
            while (rows.next()) {
                all.append(rows.getString(1)).append('\n');
            }
            return all.toString();
        }
    }
}
