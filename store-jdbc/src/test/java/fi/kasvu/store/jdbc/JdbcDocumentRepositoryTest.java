package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository.Listing;
import fi.kasvu.common.DocumentRepository.Unreadable;
import fi.kasvu.common.DocumentRepositoryContract;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the JDBC repository does beyond the shared contract: unreadable rows, columns kept in step, listAll. */
class JdbcDocumentRepositoryTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("platform-a/deployment-1");
    private static final TenantId OTHER = TenantId.of("platform-b/deployment-1");
    private static final PersonId AINO = PersonId.of("aino");

    private final DocumentKind<Note> kind = DocumentRepositoryContract.newNoteKind();

    private JdbcDocumentRepository<Note> notes(KasvuDatabase database) {
        return JdbcDocumentRepository.of(database, kind, new NoteCodec(),
                new DocumentRepositoryContract.SteppingClock());
    }

    /** A row whose document the codec rejects: malformed text on H2, valid JSON of the wrong shape on PostgreSQL. */
    private void corruptRow(KasvuDatabase database, String id) {
        String document = database.dialect() == Dialect.POSTGRESQL ? "{\"kind\":\"test.note\",\"text\":\"no id\"}"
                : "{\"kind\":\"test.note\", \"id\": ";
        execute(database, "INSERT INTO kasvu_document (tenant, kind, id, version, owner, context, updated_at, document) "
                        + "VALUES (?, ?, ?, 3, ?, ?, ?, " + (database.dialect() == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?") + ")",
                TENANT.value(), kind.name(), id, AINO.value(), "course-1",
                Timestamp.from(Instant.parse("2030-01-01T00:00:00Z")), document);
    }

    @EveryDialect
    void list_corruptDocument_isSkippedAndReportedWithItsId(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        JdbcDocumentRepository<Note> notes = notes(database);
        notes.save(TENANT, Versioned.unsaved(new Note("good-1", AINO, "course-1", "fine"))).orElseThrow();
        corruptRow(database, "broken-1");
        notes.save(TENANT, Versioned.unsaved(new Note("good-2", AINO, "course-1", "fine too"))).orElseThrow();
        ListAppender<ILoggingEvent> log = captureLog();

        Listing<Note> byOwner = notes.listByOwner(TENANT, AINO);
        Listing<Note> byContext = notes.listByContext(TENANT, "course-1");
        Listing<Note> all = notes.listAll(TENANT);

        for (Listing<Note> listing : java.util.List.of(byOwner, byContext, all)) {
            assertThat(listing.documents()).extracting(versioned -> versioned.value().id())
                    .containsExactly("good-2", "good-1");
            assertThat(listing.unreadable()).extracting(Unreadable::id).containsExactly("broken-1");
            assertThat(listing.unreadable().get(0).reason()).isNotBlank();
        }
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains("Skipped stored " + kind.name() + " broken-1: it cannot be read");
    }

    @EveryDialect
    void find_corruptDocument_throwsNamingKindAndId(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        corruptRow(database, "broken-1");

        assertThatThrownBy(() -> notes(database).find(TENANT, "broken-1"))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("stored " + kind.name() + " broken-1 cannot be read: ")
                .satisfies(e -> assertThat(((UnreadableDocumentException) e).id()).isEqualTo("broken-1"));
    }

    @EveryDialect
    void find_corruptDocumentOfAnotherTenant_isAbsent(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        corruptRow(database, "broken-1");

        assertThat(notes(database).find(OTHER, "broken-1")).isEmpty();
        assertThat(notes(database).listAll(OTHER).unreadable()).isEmpty();
    }

    @EveryDialect
    void save_changedOwnerAndContext_movesTheDocumentBetweenListings(Dialect dialect) {
        JdbcDocumentRepository<Note> notes = notes(open(dialect));
        Versioned<Note> saved = notes.save(TENANT, Versioned.unsaved(new Note("n1", AINO, "course-1", ""))).orElseThrow();

        notes.save(TENANT, saved.with(new Note("n1", PersonId.of("ben"), "course-2", ""))).orElseThrow();

        assertThat(notes.listByOwner(TENANT, AINO).documents()).isEmpty();
        assertThat(notes.listByContext(TENANT, "course-1").documents()).isEmpty();
        assertThat(notes.listByOwner(TENANT, PersonId.of("ben")).documents()).hasSize(1);
        assertThat(notes.listByContext(TENANT, "course-2").documents()).hasSize(1);
    }

    @EveryDialect
    void listAll_onlyTheTenantsDocuments(Dialect dialect) {
        JdbcDocumentRepository<Note> notes = notes(open(dialect));
        notes.save(TENANT, Versioned.unsaved(new Note("mine", AINO, null, ""))).orElseThrow();
        notes.save(OTHER, Versioned.unsaved(new Note("theirs", AINO, null, ""))).orElseThrow();

        assertThat(notes.listAll(TENANT).documents()).extracting(versioned -> versioned.value().id())
                .containsExactly("mine");
        assertThat(notes.listAll(OTHER).documents()).extracting(versioned -> versioned.value().id())
                .containsExactly("theirs");
    }

    @EveryDialect
    void save_largeDocument_roundTrips(Dialect dialect) {
        JdbcDocumentRepository<Note> notes = notes(open(dialect));
        Note large = new Note("large", AINO, null, "ä".repeat(10_000));

        notes.save(TENANT, Versioned.unsaved(large)).orElseThrow();

        assertThat(notes.find(TENANT, "large").orElseThrow().value()).isEqualTo(large);
    }

    @Test
    void save_contextTooLong_isRejectedNamingKindAndLength() {
        JdbcDocumentRepository<Note> notes = notes(open(Dialect.H2));

        assertThatThrownBy(() -> notes.save(TENANT, Versioned.unsaved(new Note("n1", AINO, "c".repeat(1001), ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(kind.name() + " context must be at most 1000 characters: 1001 characters");
    }

    @Test
    void of_missingParts_areNamed() {
        assertThatThrownBy(() -> JdbcDocumentRepository.of(null, kind, new NoteCodec()))
                .isInstanceOf(NullPointerException.class).hasMessage("database must not be null");
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(JdbcDocumentRepository.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
