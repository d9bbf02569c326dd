package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.DocumentRepositoryContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC repository on H2 on disk against the shared repository contract. */
class H2DocumentRepositoryTest extends DocumentRepositoryContract {

    @TempDir
    static Path directory;
    private static KasvuDatabase database;

    @BeforeAll
    static void open() {
        database = KasvuDatabase.open(TestDatabases.h2(directory));
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
