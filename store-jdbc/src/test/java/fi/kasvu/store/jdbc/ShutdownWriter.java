package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Versioned;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child process of {@link H2ShutdownTest}: a background job saves documents to H2 on disk,
 * printing each save only after it was acknowledged. On SIGTERM its shutdown hook does what
 * {@code kasvu serve}'s does: it asks the job to stop, lets the job finish its round (a further
 * {@value #LAST_ROUND} saves, as a job under way at shutdown does), and only then closes the
 * database.
 */
public final class ShutdownWriter {

    /** Saves the job still makes after it was asked to stop. */
    static final int LAST_ROUND = 40;

    private ShutdownWriter() {
    }

    /** Runs the job on the H2 database in the directory given as the only argument. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        KasvuDatabase database = KasvuDatabase.open(DatabaseConfig.embeddedIn(Path.of(args[0])));
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, CrashWriter.KIND, new NoteCodec());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread job = new Thread(() -> {
            try {
                long i = 0;
                while (running.get()) {
                    save(notes, out, ++i);
                }
                for (int last = 0; last < LAST_ROUND; last++) {
                    save(notes, out, ++i);
                }
                out.println("JOB DONE");
            } catch (RuntimeException e) {
                out.println("JOB FAILED " + e.getClass().getName() + ": " + e.getMessage());
            }
        }, "background-job");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            try {
                job.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            database.close();
            out.println("CLOSED");
        }, "shutdown"));
        job.start();
        out.println("READY");
        job.join();
    }

    private static void save(JdbcDocumentRepository<Note> notes, PrintStream out, long i) {
        notes.save(CrashWriter.TENANT, Versioned.unsaved(new Note("n-" + i, PersonId.of("p"), "shutdown",
                "save " + i))).orElseThrow();
        out.println("ACK n-" + i);
    }
}
