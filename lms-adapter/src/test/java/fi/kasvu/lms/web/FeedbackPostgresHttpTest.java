package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link FeedbackHttpTest}'s 360 flows and attacks on PostgreSQL (embedded) instead of H2. */
class FeedbackPostgresHttpTest extends FeedbackHttpTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }
}
