package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link PlanFollowUpHttpTest}'s follow-up flows on PostgreSQL (embedded) instead of H2. */
class PlanFollowUpPostgresHttpTest extends PlanFollowUpHttpTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
        PlanHttpTest.fixture = fixture;
    }
}
