package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link LinkedPlacementsHttpTest}'s linked placements, tenants and reminders on PostgreSQL (embedded) instead of H2. */
class LinkedPlacementsPostgresHttpTest extends LinkedPlacementsHttpTest {

    @BeforeAll
    static void start() throws Exception {
        start(PagesFixture.start(TestDatabases.freshPostgres(), s -> s));
    }
}
