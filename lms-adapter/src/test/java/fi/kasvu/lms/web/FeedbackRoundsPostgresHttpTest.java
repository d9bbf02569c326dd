package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link FeedbackRoundsHttpTest}'s rounds, withdrawals and report on PostgreSQL (embedded) instead of H2. */
class FeedbackRoundsPostgresHttpTest extends FeedbackRoundsHttpTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }
}
