package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link ProgrammeTemplateFileHttpTest}'s uploads on PostgreSQL (embedded) instead of H2. */
class ProgrammeTemplateFilePostgresHttpTest extends ProgrammeTemplateFileHttpTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), s -> s);
    }
}
