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
 * The online compaction of the embedded H2 file under concurrent writers and readers, with H2's
 * default retention (45 s): writers play LTI launches (state stored, nonce consumed, state taken,
 * a document and a session written, each launch's units committed and flushed as the server does),
 * readers read what was acknowledged and scan tables with cursors held open while chunks are
 * rewritten. It runs past the retention time, so sparse chunks are rewritten and their space is
 * reused while the readers run; then every acknowledged write must read back, in this process and
 * after the file is opened again, and no thread may have met an error (H2 reports a chunk whose
 * space was reused under a reader as "Chunk … not found").
 */
class H2CompactionStressTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("stress-tenant");
    private static final DocumentKind<Note> KIND = new DocumentKind<>("test.stress", Note.class, Note::id, Note::owner,
            Note::context);
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    /** Longer than H2's retention time, so that chunks are rewritten and reused during the run. */
    private static final long RUN_MILLIS = H2Housekeeping.RETENTION_MILLIS + 25_000L;

    @Test
    void concurrentLaunchesAndReaders_whileChunksAreRewrittenAndReused_loseNothing() throws Exception {
        Path home = directory.resolve("stress");
        KasvuDatabase database = open(DatabaseConfig.embeddedIn(home));
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
        ExecutorService threads = Executors.newFixedThreadPool(10);
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
        Thread.sleep(RUN_MILLIS);
        running.set(false);
        for (Future<?> thread : done) {
            thread.get();
        }
        threads.shutdown();
        H2Housekeeping.Usage usage = database.h2Usage().orElseThrow();
        System.out.printf("H2CompactionStressTest: %d launches, %d reads, %s%n", launches.get(), reads.get(), usage);

        assertThat(errors).as("errors met by writers and readers").isEmpty();
        assertThat(launches.get()).as("launches").isPositive();
        assertThat(reads.get()).as("reads").isPositive();
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
        JdbcDocumentRepository<Note> again = JdbcDocumentRepository.of(reopened, KIND, new NoteCodec());
        assertThat(again.listAll(TENANT).unreadable()).isEmpty();
        assertThat(acknowledged).allSatisfy((id, expected) -> assertThat(again.find(TENANT, id))
                .as("acknowledged " + id + " after reopening").hasValueSatisfying(found ->
                        assertThat(found.version()).isEqualTo(expected.version())));
    }

    private static StoredSession session(String id, int writer) {
        String hash = SingleUseTokens.sha256("session " + id);
        Instant now = Instant.now();
        return new StoredSession(hash, TENANT, PersonId.of("p" + writer), "platform", "course-" + id,
                "{\"payload\":\"" + "y".repeat(300) + "\"}", now, now.plusSeconds(3600), now.plusSeconds(7200));
    }
}
