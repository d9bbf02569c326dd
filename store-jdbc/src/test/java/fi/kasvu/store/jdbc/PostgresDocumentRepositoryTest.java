package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.DocumentRepositoryContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC repository on PostgreSQL against the shared repository contract. */
class PostgresDocumentRepositoryTest extends DocumentRepositoryContract {

    private static KasvuDatabase database;

    @BeforeAll
    static void open() {
        database = KasvuDatabase.open(TestDatabases.freshPostgres());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected DocumentRepository<Note> repository(DocumentKind<Note> kind, Clock clock) {
        return JdbcDocumentRepository.of(database, kind, new NoteCodec(), clock);
    }
}
