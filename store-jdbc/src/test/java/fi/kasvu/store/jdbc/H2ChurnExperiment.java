package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.session.StoredSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test: LTI-launch-shaped writes (state stored; nonce consumed, state taken, a
 * new learner's document and session written; the session and document read) from many threads on
 * an H2 file, with the group commit and the scheduled compaction of {@link H2Housekeeping} on or
 * off, printing the file size, H2's fill rates and the flush counts every ten seconds. Used for
 * issue 19 (docs/benchmarks.md); run from the module's test classpath:
 *
 * <pre>
 * java -Xmx256m -cp store-jdbc/target/test-classes:store-jdbc/target/classes:$(cat cp.txt) \
 *      fi.kasvu.store.jdbc.H2ChurnExperiment [seconds] [threads] [groupCommit] [compaction] [retention ms]
 *      [rewrite fill %] [URL settings such as ";PAGE_SIZE=1024"]
 * </pre>
 */
public final class H2ChurnExperiment {

    private static final TenantId TENANT = TenantId.of("churn-tenant");
    private static final DocumentKind<Note> KIND = new DocumentKind<>("test.churn", Note.class, Note::id, Note::owner,
            Note::context);

    private H2ChurnExperiment() {
    }

    /**
     * Runs it: seconds (120), threads (32), group commit (true), scheduled compaction (true), retention
     * ms (Kasvu's), rewrite chunks at most this % live (Kasvu's).
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        boolean groupCommit = args.length <= 2 || Boolean.parseBoolean(args[2]);
        boolean compaction = args.length <= 3 || Boolean.parseBoolean(args[3]);
        int retention = args.length > 4 ? Integer.parseInt(args[4]) : H2Housekeeping.RETENTION_MILLIS;
        int rewriteFill = args.length > 5 ? Integer.parseInt(args[5]) : H2Housekeeping.REWRITE_FILL_RATE;
        String settings = args.length > 6 ? args[6] : "";
        Path home = Files.createTempDirectory("kasvu-h2-churn");
        System.out.printf(Locale.ROOT, "%d threads for %d s, group commit %s, scheduled compaction %s, retention %d ms, "
                + "rewrite chunks <= %d %% live, URL settings '%s', in %s%n", threads, seconds, groupCommit, compaction, retention,
                rewriteFill, settings, home);
        System.out.println("| s | launches | file MB | file fill % | chunks fill % | old chunks fill % | flushes | writes "
                + "| compaction rounds |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        KasvuDatabase database = KasvuDatabase.open(DatabaseConfig.of(DatabaseConfig.embeddedIn(home).url() + settings,
                        DatabaseConfig.DEFAULT_USER, ""),
                new H2Housekeeping.Tuning(retention, compaction ? H2Housekeeping.COMPACT_EVERY_MILLIS : 0, groupCommit,
                        rewriteFill));
        ExpiringValues values = ExpiringValues.of(database);
        SingleUseTokens nonces = SingleUseTokens.of(database);
        JdbcSessions sessions = new JdbcSessions(database);
        JdbcDocumentRepository<Note> notes = JdbcDocumentRepository.of(database, KIND, new NoteCodec());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong launches = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String state = "{\"nonce\":\"" + "n".repeat(40) + "\",\"target\":\"" + "t".repeat(200) + "\"}";
        String conversation = "{\"goal\":\"\",\"answers\":[]," + "\"pad\":\"" + "c".repeat(300) + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        AtomicLong ids = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                while (running.get()) {
                    String id = "u" + ids.incrementAndGet();
                    try {
                        database.inUnit(() -> {
                            values.put("lti.state", id, state, Instant.now().plusSeconds(600));
                            return null;
                        });
                        StoredSession session = database.inUnit(() -> {
                            nonces.consume("lti.nonce", id, Instant.now().plusSeconds(180));
                            values.take("lti.state", id, Instant.now());
                            notes.save(TENANT, Versioned.unsaved(new Note(id, PersonId.of(id), "course-2",
                                    conversation))).orElseThrow();
                            StoredSession fresh = session(id);
                            sessions.putReplacingOthers(fresh);
                            return fresh;
                        });
                        database.inUnit(() -> {
                            sessions.find(session.tokenHash(), Instant.now()).orElseThrow();
                            return notes.find(TENANT, id).orElseThrow();
                        });
                        launches.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() < 5) {
                            e.printStackTrace();
                        }
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (int s = 10; s <= seconds; s += 10) {
            Thread.sleep(Math.max(0, started / 1_000_000 + s * 1000L - System.nanoTime() / 1_000_000));
            H2Housekeeping.Usage usage = database.h2Usage().orElseThrow();
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %d | %d | %d | %d | %d | %d |%n", s, launches.get(),
                    usage.fileBytes() / 1e6, usage.fillRate(), usage.chunksFillRate(), usage.oldChunksFillRate(),
                    usage.flushRequests(),
                    usage.flushWrites(), usage.compactions());
            System.out.println("    " + H2ChunkCensus.of(database.h2Housekeeping().orElseThrow().mvStore()));
        }
        running.set(false);
        for (Future<?> thread : done) {
            thread.get();
        }
        pool.shutdown();
        database.close();
        System.out.printf(Locale.ROOT, "errors %d; after close %.1f MB%n", errors.get(),
                Files.size(home.resolve("kasvu.mv.db")) / 1e6);
    }

    private static StoredSession session(String id) {
        Instant now = Instant.now();
        return new StoredSession(SingleUseTokens.sha256("session " + id), TENANT, PersonId.of(id), "platform",
                "course-2", "{\"payload\":\"" + "y".repeat(600) + "\"}", now, now.plusSeconds(3600),
                now.plusSeconds(7200));
    }
}
