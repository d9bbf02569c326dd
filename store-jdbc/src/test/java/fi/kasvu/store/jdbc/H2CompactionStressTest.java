package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.session.StoredSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The online compaction of the embedded H2 file under concurrent writers and readers: writers play
 * LTI launches (state stored, nonce consumed, state taken, a document and a session written, each
 * launch's units committed and flushed as the server does) and come back to rewrite earlier
 * documents; readers read what was acknowledged, scan tables, and hold a repeatable-read
 * transaction open for longer than the retention time, reading the same documents again while
 * they are rewritten elsewhere. The retention is {@value #RETENTION_MILLIS} ms here, a third of
 * Kasvu's ({@link H2Housekeeping#RETENTION_MILLIS}), and compaction rounds run four times a second,
 * so in {@value #RUN_MILLIS} ms sparse chunks are rewritten and their space reused many times over
 * while the readers run (the test checks that most chunks written were freed). Then every
 * acknowledged write must read back, in this process and after the file is opened again, and no
 * thread may have met an error (H2 reports a chunk whose space was reused under a reader as
 * "Chunk … not found"; a snapshot reading freed space would read other data).
 */
class H2CompactionStressTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("stress-tenant");
    private static final DocumentKind<Note> KIND = new DocumentKind<>("test.stress", Note.class, Note::id, Note::owner,
            Note::context);
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    /** Shorter than Kasvu's, so that the test is harsher than production and short. */
    private static final int RETENTION_MILLIS = 1_000;
    /** Twelve retention times: chunks are rewritten and reused many times during the run. */
    private static final long RUN_MILLIS = 12_000L;

    @Test
    void concurrentLaunchesAndReaders_whileChunksAreRewrittenAndReused_loseNothing() throws Exception {
        Path home = directory.resolve("stress");
        KasvuDatabase database = open(DatabaseConfig.embeddedIn(home), new H2Housekeeping.Tuning(
                RETENTION_MILLIS, 250, true, H2Housekeeping.REWRITE_FILL_RATE));
        ExpiringValues values = ExpiringValues.of(database);
        SingleUseTokens nonces = SingleUseTokens.of(database);
        JdbcSessions sessions = new JdbcSessions(database);
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, KIND, new NoteCodec());
        Map<String, Versioned<Note>> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong launches = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        String filler = "x".repeat(600);
        ExecutorService threads = Executors.newFixedThreadPool(11);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            done.add(threads.submit(() -> {
                for (int i = 0; running.get() && errors.isEmpty(); i++) {
                    String id = "w" + writer + "-" + i;
                    try {
                        database.inUnit(() -> {
                            values.put("lti.state", id, filler, FAR);
                            return null;
                        });
                        Versioned<Note> saved = database.inUnit(() -> {
                            assertThat(nonces.consume("lti.nonce", id, FAR)).isTrue();
                            assertThat(values.take("lti.state", id, Instant.now())).contains(filler);
                            Versioned<Note> note = notes.save(TENANT, Versioned.unsaved(new Note(id,
                                    PersonId.of("p" + writer), "course", id + " " + filler))).orElseThrow();
                            sessions.putReplacingOthers(session(id, writer));
                            return note;
                        });
                        // Acknowledged: the unit committed and its writes were flushed to the file.
                        acknowledged.put(id, saved);
                        if (i % 5 == 0) {
                            // Some learners come back and autosave: rows are rewritten in place too.
                            Versioned<Note> again = database.inUnit(() -> notes.save(TENANT,
                                    saved.with(saved.value().withText(id + " again " + filler))).orElseThrow());
                            acknowledged.put(id, again);
                        }
                        if (i % 3 == 2) {
                            // A learner from earlier comes back: one of this writer's older documents
                            // is rewritten while snapshots may still read its previous version.
                            String earlier = "w" + writer + "-" + ThreadLocalRandom.current().nextInt(i);
                            Versioned<Note> before = acknowledged.get(earlier);
                            Versioned<Note> after = database.inUnit(() -> notes.save(TENANT,
                                    before.with(before.value().withText(earlier + " v" + (before.version() + 1) + " "
                                            + filler))).orElseThrow());
                            acknowledged.put(earlier, after);
                        }
                        launches.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
                return null;
            }));
        }
        for (int r = 0; r < 3; r++) {
            done.add(threads.submit(() -> {
                while (running.get() && errors.isEmpty()) {
                    try {
                        List<String> ids = new ArrayList<>(acknowledged.keySet());
                        for (int k = 0; k < 20 && !ids.isEmpty(); k++) {
                            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                            Versioned<Note> expected = acknowledged.get(id);
                            Versioned<Note> found = notes.find(TENANT, id).orElse(null);
                            assertThat(found).as("acknowledged " + id).isNotNull();
                            assertThat(found.version()).isGreaterThanOrEqualTo(expected.version());
                            reads.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
                return null;
            }));
        }
        // A slow reader: a cursor over every document, held open for seconds while the store moves on.
        done.add(threads.submit(() -> {
            while (running.get() && errors.isEmpty()) {
                try (Connection connection = database.dataSource().getConnection();
                     PreparedStatement scan = connection.prepareStatement(
                             "SELECT id, document FROM kasvu_document WHERE kind = ?")) {
                    scan.setFetchSize(50);
                    scan.setString(1, KIND.name());
                    try (ResultSet rows = scan.executeQuery()) {
                        int row = 0;
                        while (rows.next()) {
                            assertThat(rows.getString(2)).contains(rows.getString(1));
                            if (++row % 500 == 0) {
                                Thread.sleep(200);
                            }
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }
            return null;
        }));
        // A repeatable-read transaction held open for longer than the retention time: the documents
        // it read first must read the same at its end, though they were rewritten meanwhile and
        // their old pages' chunks compacted; H2 must keep what the snapshot can still read.
        AtomicLong snapshots = new AtomicLong();
        done.add(threads.submit(() -> {
            while (running.get() && errors.isEmpty()) {
                try (Connection connection = database.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    try {
                        Map<String, String> first = readAll(connection);
                        for (int pause = 0; pause < 6 && running.get(); pause++) {
                            Thread.sleep(RETENTION_MILLIS / 4);
                        }
                        Map<String, String> again = readAll(connection);
                        // (Documents saved meanwhile may appear; the ones read first must read the same.)
                        assertThat(again).as("a repeatable read after %d ms", RETENTION_MILLIS * 6 / 4)
                                .containsAllEntriesOf(first);
                        snapshots.incrementAndGet();
                    } finally {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }
            return null;
        }));
        Thread.sleep(RUN_MILLIS);
        running.set(false);
        for (Future<?> thread : done) {
            thread.get();
        }
        threads.shutdown();
        H2Housekeeping.Usage usage = database.h2Usage().orElseThrow();
        System.out.printf("H2CompactionStressTest: %d launches, %d reads, %d snapshots, %s%n", launches.get(),
                reads.get(), snapshots.get(), usage);

        assertThat(errors).as("errors met by writers and readers").isEmpty();
        assertThat(launches.get()).as("launches").isPositive();
        assertThat(reads.get()).as("reads").isPositive();
        assertThat(snapshots.get()).as("snapshots held past the retention time").isPositive();
        // Chunks were freed and their space reused during the run: far fewer remain than were written.
        assertThat(usage.chunks()).as("chunks left of %d writes", usage.flushWrites())
                .isLessThan(usage.flushWrites() / 3);
        // The run was long enough for the scheduled compaction to rewrite sparse chunks while readers ran.
        assertThat(usage.compactions()).as("compaction rounds that rewrote chunks").isPositive();
        // Concurrent flushes shared writes.
        assertThat(usage.flushWrites()).as("writes for %d flushes", usage.flushRequests())
                .isLessThan(usage.flushRequests());
        assertThat(acknowledged).allSatisfy((id, expected) -> assertThat(notes.find(TENANT, id))
                .as("acknowledged " + id).hasValueSatisfying(found -> {
                    assertThat(found.version()).isEqualTo(expected.version());
                    assertThat(found.value().text()).isEqualTo(expected.value().text());
                }));

        database.close();
        KasvuDatabase reopened = open(DatabaseConfig.embeddedIn(home));
        assertThat(H2Housekeeping.preciseCompaction()).as("H2's chunk compaction reachable").isTrue();
        JdbcDocumentRepository<Note> again = JdbcDocumentRepository.of(reopened, KIND, new NoteCodec());
        assertThat(again.listAll(TENANT).unreadable()).isEmpty();
        assertThat(acknowledged).allSatisfy((id, expected) -> assertThat(again.find(TENANT, id))
                .as("acknowledged " + id + " after reopening").hasValueSatisfying(found ->
                        assertThat(found.version()).isEqualTo(expected.version())));
    }

    private static Map<String, String> readAll(Connection connection) throws java.sql.SQLException {
        Map<String, String> documents = new java.util.HashMap<>();
        try (PreparedStatement scan = connection.prepareStatement(
                "SELECT id, document FROM kasvu_document WHERE kind = ?")) {
            scan.setString(1, KIND.name());
            try (ResultSet rows = scan.executeQuery()) {
                while (rows.next()) {
                    documents.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return documents;
    }

    private static StoredSession session(String id, int writer) {
        String hash = SingleUseTokens.sha256("session " + id);
        Instant now = Instant.now();
        return new StoredSession(hash, TENANT, PersonId.of("p" + writer), "platform", "course-" + id,
                "{\"payload\":\"" + "y".repeat(300) + "\"}", now, now.plusSeconds(3600), now.plusSeconds(7200));
    }
}
