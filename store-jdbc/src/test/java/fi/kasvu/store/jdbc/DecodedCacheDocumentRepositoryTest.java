package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.DocumentRepositoryContract;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository that keeps decoded documents (issue 19) meets the whole repository contract, and
 * hands out a kept value only for the very text it was decoded from: a change here, through
 * another repository object (another instance or process), in another tenant, or a delete is
 * read as it is stored. On H2 on disk and on PostgreSQL, whose JSONB gives back its own text.
 */
class DecodedCacheDocumentRepositoryTest extends DocumentRepositoryContract {

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
        // Two entries: the contract's listings overflow it, so the emptying is exercised too.
        return JdbcDocumentRepository.of(database, kind, new NoteCodec(), clock).withDecodedCache(2);
    }

    @EveryDialect
    void aKeptValueIsHandedOutOnlyForTheTextItCameFrom(Dialect dialect, @TempDir Path dir) {
        try (KasvuDatabase db = KasvuDatabase.open(TestDatabases.fresh(dialect, dir))) {
            DocumentKind<Note> kind = newNoteKind();
            AtomicInteger decoded = new AtomicInteger();
            NoteCodec notes = new NoteCodec();
            DocumentCodec<Note> counting = new DocumentCodec<>() {
                @Override
                public String write(Note value) {
                    return notes.write(value);
                }

                @Override
                public Note read(String json) {
                    decoded.incrementAndGet();
                    return notes.read(json);
                }
            };
            JdbcDocumentRepository<Note> cached = JdbcDocumentRepository.of(db, kind, counting).withDecodedCache(16);
            JdbcDocumentRepository<Note> elsewhere = JdbcDocumentRepository.of(db, kind, new NoteCodec());
            TenantId tenant = TenantId.of("platform-a/deployment-1");
            TenantId other = TenantId.of("platform-b/deployment-1");
            Note first = new Note("n1", AINO, "course-1", "Mitä haluat saavuttaa?");
            cached.save(tenant, Versioned.unsaved(first));

            Note read = cached.find(tenant, "n1").orElseThrow().value();
            assertThat(read).isEqualTo(first);
            assertThat(cached.listByOwner(tenant, AINO).documents()).singleElement()
                    .satisfies(v -> assertThat(v.value()).isSameAs(read));
            assertThat(cached.find(tenant, "n1").orElseThrow().value()).isSameAs(read);
            assertThat(decoded).hasValue(1);

            // Changed through this repository: the new text is decoded.
            Note second = first.withText("Toinen tavoite");
            cached.save(tenant, new Versioned<>(second, 1));
            Versioned<Note> afterSave = cached.find(tenant, "n1").orElseThrow();
            assertThat(afterSave.value()).isEqualTo(second);
            assertThat(afterSave.version()).isEqualTo(2);

            // Changed by another instance that this one never heard of.
            Note third = second.withText("Kolmas tavoite, toisesta instanssista");
            elsewhere.save(tenant, new Versioned<>(third, 2));
            assertThat(cached.find(tenant, "n1").orElseThrow().value()).isEqualTo(third);
            assertThat(cached.listByOwner(tenant, AINO).documents()).singleElement()
                    .satisfies(v -> assertThat(v.value()).isEqualTo(third));

            // The same id in another tenant is that tenant's own document.
            Note foreign = new Note("n1", AINO, "course-1", "Toisen alustan muistiinpano");
            elsewhere.save(other, Versioned.unsaved(foreign));
            assertThat(cached.find(other, "n1").orElseThrow().value()).isEqualTo(foreign);
            assertThat(cached.find(tenant, "n1").orElseThrow().value()).isEqualTo(third);

            // Deleted elsewhere: gone here too.
            elsewhere.delete(tenant, "n1", 3);
            assertThat(cached.find(tenant, "n1")).isEmpty();
            assertThat(cached.listByOwner(tenant, AINO).documents()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void theKeptValuesAreBounded() {
        DecodedDocuments<String> kept = new DecodedDocuments<>(3);
        TenantId tenant = TenantId.of("platform-a/deployment-1");
        for (int i = 0; i < 100; i++) {
            assertThat(kept.get(tenant, "d" + i, "{\"n\":" + i + "}", text -> text.toUpperCase(java.util.Locale.ROOT)))
                    .isEqualTo("{\"N\":" + i + "}");
            assertThat(kept.size()).isBetween(1, 3);
        }
    }
}
