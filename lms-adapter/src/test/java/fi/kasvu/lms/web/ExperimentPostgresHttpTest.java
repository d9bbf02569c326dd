package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same team experiment tests on PostgreSQL (embedded): teams, every step, clashes, bad input
 * and who sees what behave the same on both databases, through the same core ports.
 */
class ExperimentPostgresHttpTest extends ExperimentHttpTest {

    /** Hides the H2 start: the inherited tests run against PostgreSQL. */
    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }
}
