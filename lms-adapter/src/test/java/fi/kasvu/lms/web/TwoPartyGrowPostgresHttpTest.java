package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link TwoPartyGrowHttpTest}'s two-party flows on PostgreSQL (embedded) instead of H2. */
class TwoPartyGrowPostgresHttpTest extends TwoPartyGrowHttpTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }
}
