package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: saves documents to H2 on disk for ever, printing
 * each save only after the repository acknowledged it, until it is killed.
 */
public final class CrashWriter {

    static final TenantId TENANT = TenantId.of("crash-tenant");
    static final DocumentKind<Note> KIND = new DocumentKind<>("test.crash", Note.class, Note::id, Note::owner,
            Note::context);

    private CrashWriter() {
    }

    /** Runs the writer on the H2 database in the directory given as the only argument. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        KasvuDatabase database = KasvuDatabase.open(DatabaseConfig.embeddedIn(Path.of(args[0])));
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, KIND, new NoteCodec());
        Versioned<Note> counter = notes.save(TENANT, Versioned.unsaved(new Note("counter", null, null, "0")))
                .orElseThrow();
        out.println("READY");
        for (long i = 1; ; i++) {
            notes.save(TENANT, Versioned.unsaved(new Note("n-" + i, PersonId.of("p"), "crash", "save " + i)))
                    .orElseThrow();
            out.println("ACK n-" + i + " 1");
            counter = notes.save(TENANT, counter.with(counter.value().withText(Long.toString(i)))).orElseThrow();
            out.println("ACK counter " + counter.version());
        }
    }
}
