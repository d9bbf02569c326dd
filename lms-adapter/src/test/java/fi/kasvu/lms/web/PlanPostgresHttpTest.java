package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link PlanHttpTest}'s plan flows on PostgreSQL (embedded) instead of H2. */
class PlanPostgresHttpTest extends PlanHttpTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }
}
