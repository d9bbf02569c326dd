package fi.kasvu.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file durable, small and fast under many short transactions.
 *
 * <p>Durable: every write Kasvu acknowledges is in the file before it returns ({@link #flush()}
 * after each write or unit of work; a kill -9 loses nothing acknowledged, {@code CrashSafetyTest}),
 * and a daemon thread forces the file to disk every second. Concurrent flushes share one write
 * (group commit), so H2's store lock is not queued for by every request thread.
 *
 * <p>Small: every flush writes a new chunk, and a chunk keeps its whole space while any page in it
 * is live. Under LTI launches most chunks keep a page or two for good (a full B-tree leaf of the
 * session, nonce or document tables is never written again), so without rewriting those pages the
 * file grew by the whole chunk, about 90 KB per launch (3.2 GB after 35,700 launches). H2's own
 * writer ({@code WRITE_DELAY 1000}) rewrites sparse chunks only if it gets the store lock within
 * 10 ms, which it seldom did while every request thread queued for that lock with its own commit.
 * Now the housekeeping thread also runs {@link #compact} every second, and
 * {@link #compactAtStart} copies a mostly dead file before the database opens. Chunks are rewritten
 * only once they are older than H2's default retention time (45 s), and their space is reused only
 * once no open transaction can read them; a shorter retention with background rewriting lost a
 * chunk under concurrent readers in session 2, so the retention stays at H2's default
 * ({@code H2CompactionStressTest} runs writers and readers past it).
 *
 * <p>This class reaches H2's store through H2's engine classes ({@code SessionLocal},
 * {@code MVStore}, {@code MVStoreTool}); they are H2's internal API and are checked again on every
 * H2 upgrade ({@code H2HousekeepingTest}, {@code H2CompactionStressTest}).
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    /**
     * How long H2 keeps a chunk before it rewrites its live pages, and a dead chunk before it reuses
     * its space (H2's default is 45 s). H2 never reuses a chunk an open transaction can still read,
     * whatever this is (its version check); the time only guards writes a power cut could reorder,
     * and the housekeeping thread forces the file to disk every second, so three seconds (three
     * syncs) suffice. Under steady writes the file holds about two retention times of writes on top
     * of its live data, so this is what sets the file's level (45 s: 850 MB; docs/benchmarks.md).
     * {@code H2CompactionStressTest} runs writers and snapshot readers with a retention of one second.
     */
    static final int RETENTION_MILLIS = 3_000;

    /** How long one compaction round may hold H2's store lock, roughly. */
    static final int COMPACT_BUDGET_MILLIS = 100;

    /**
     * A round rewrites only when the chunks older than the retention time are, together, less live
     * than this (H2's own trigger counts the young chunks and the dead ones waiting for the retention
     * time too, so it stayed low under steady writes and live data was rewritten over and over).
     */
    static final int TARGET_FILL_RATE = 80;

    /** A round rewrites only chunks that are at most this live, the sparsest and oldest first. */
    static final int REWRITE_FILL_RATE = 50;

    /** How often the housekeeping thread runs a compaction round. */
    static final int COMPACT_EVERY_MILLIS = 1_000;

    /** A file smaller than this is never compacted at start. */
    static final long START_COMPACT_MIN_BYTES = 32L << 20;

    /** H2's file block size. */
    private static final long BLOCK_BYTES = 4096;

    /** A file with at least this share of live data is not compacted at start. */
    static final int START_COMPACT_FILL_RATE = 50;

    /**
     * How the housekeeping runs: the production defaults are {@link #DEFAULT}; tests and the churn
     * experiment vary them.
     *
     * @param retentionMillis     H2's retention time ({@link #RETENTION_MILLIS})
     * @param compactEveryMillis  the pause between compaction rounds, 0 for no scheduled rounds
     * @param groupCommit         whether concurrent flushes share one write
     * @param rewriteFillRate     a round rewrites chunks at most this live ({@link #REWRITE_FILL_RATE})
     */
    record Tuning(int retentionMillis, int compactEveryMillis, boolean groupCommit, int rewriteFillRate) {

        static final Tuning DEFAULT = new Tuning(RETENTION_MILLIS, COMPACT_EVERY_MILLIS, true, REWRITE_FILL_RATE);

        Tuning withRetention(int millis) {
            return new Tuning(millis, compactEveryMillis, groupCommit, rewriteFillRate);
        }
    }

    private final MVStore store;
    private final ScheduledExecutorService thread;
    private final Tuning tuning;

    private final Object flushMonitor = new Object();
    /** Tickets handed to flush callers; a caller's change was committed before its ticket. */
    private long flushTickets;
    /** Every ticket up to this one is written to the file. */
    private long flushedTicket;
    /** Whether a caller is writing as leader. */
    private boolean flushing;
    private long flushRequests;
    private long flushWrites;

    private final AtomicLong compactions = new AtomicLong();

    private H2Housekeeping(MVStore store, Tuning tuning) {
        this.store = store;
        this.tuning = tuning;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kasvu-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::syncQuietly, 1, 1, TimeUnit.SECONDS);
        if (tuning.compactEveryMillis() > 0) {
            // Rewrites the live pages of sparse chunks that are older than the retention time; a chunk
            // emptied so is reused only when no open transaction can still read it.
            thread.scheduleWithFixedDelay(this::compactQuietly, tuning.compactEveryMillis(),
                    tuning.compactEveryMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Configures the embedded database behind the pool and starts the housekeeping thread.
     *
     * @throws StoreException if the database refuses the settings
     */
    static H2Housekeeping start(DataSource dataSource) {
        return start(dataSource, Tuning.DEFAULT);
    }

    /**
     * As {@link #start(DataSource)} with other settings: without the scheduled compaction rounds or
     * the group commit, to measure them against the behaviour before issue 19's fix
     * ({@code H2ChurnExperiment}), or with a shorter retention (tests).
     */
    static H2Housekeeping start(DataSource dataSource, Tuning tuning) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Kept in the file: H2's background writer runs and keeps the file tidy.
            statement.execute("SET WRITE_DELAY 1000");
            // Not kept in the file, so set on every start.
            statement.execute("SET RETENTION_TIME " + tuning.retentionMillis());
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new H2Housekeeping(session.getDatabase().getStore().getMvStore(), tuning);
        } catch (SQLException e) {
            throw new StoreException("configure the embedded H2 database", e);
        }
    }

    /**
     * Before the database opens: copies the live data of a large, mostly dead H2 file into a new
     * file and puts it in the old one's place (what {@code SHUTDOWN COMPACT} does), so that dead
     * space left by a run that was killed, or that outpaced the online compaction, is given back at
     * the next start. Only a file over {@value #START_COMPACT_MIN_BYTES} bytes whose live share is
     * under {@value #START_COMPACT_FILL_RATE} % is copied; the copy is crash-safe (H2 finishes or
     * discards an interrupted one when it next opens the file). Nothing happens for URLs that are
     * not an H2 file, a file that is missing or in use, or a smaller or fuller file.
     *
     * @return the file's size before and after in bytes, if it was compacted
     */
    static Optional<long[]> compactAtStart(String url) {
        return compactAtStart(url, START_COMPACT_MIN_BYTES, START_COMPACT_FILL_RATE);
    }

    /** As {@link #compactAtStart(String)} with other thresholds (for tests). */
    static Optional<long[]> compactAtStart(String url, long minBytes, int maxLivePercent) {
        Optional<Path> file = fileOf(url);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        String name = file.get().toString();
        try {
            long before = Files.size(file.get());
            if (before < minBytes) {
                return Optional.empty();
            }
            long live;
            try (MVStore readOnly = new MVStore.Builder().fileName(name).readOnly().open()) {
                live = liveBytes(readOnly);
            }
            int livePercent = (int) (100 * live / Math.max(1, before));
            if (livePercent >= maxLivePercent) {
                return Optional.empty();
            }
            long started = System.nanoTime();
            MVStoreTool.compact(name, true);
            long after = Files.size(file.get());
            LOG.info("Compacted the H2 file at start: {} MB (about {} % live) to {} MB in {} ms", before >> 20,
                    livePercent, after >> 20, (System.nanoTime() - started) / 1_000_000);
            return Optional.of(new long[] {before, after});
        } catch (IOException | RuntimeException e) {
            // In use by another process, unreadable: H2 itself says so when it opens the file.
            LOG.warn("Could not compact the H2 file at start: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The bytes of the store's chunks that are still live, from H2's chunk records (each chunk's
     * length in blocks, and its live share of page lengths).
     */
    static long liveBytes(MVStore store) {
        long live = 0;
        for (Map.Entry<String, String> entry : store.getLayoutMap().entrySet()) {
            if (!entry.getKey().startsWith("chunk.")) {
                continue;
            }
            Map<String, String> chunk = DataUtils.parseMap(entry.getValue());
            long blocks = DataUtils.readHexLong(chunk, "len", 0);
            long max = DataUtils.readHexLong(chunk, "max", 0);
            long liveMax = DataUtils.readHexLong(chunk, "liveMax", max);
            if (max > 0) {
                live += blocks * BLOCK_BYTES * liveMax / max;
            }
        }
        return live;
    }

    /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:file:…} or {@code jdbc:h2:./…}). */
    static Optional<Path> fileOf(String url) {
        String prefix = "jdbc:h2:";
        if (url == null || !url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int parameters = rest.indexOf(';');
        if (parameters >= 0) {
            rest = rest.substring(0, parameters);
        }
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        } else if (rest.indexOf(':') > 1) {
            // mem:, tcp:, ssl:, zip:, nio… : not a plain file of this process
            return Optional.empty();
        }
        if (rest.isEmpty() || rest.startsWith("~")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest + ".mv.db").toAbsolutePath().normalize());
    }

    /**
     * Writes every change committed before the call to the file before returning. Concurrent callers
     * share one write (group commit): one caller at a time writes, as leader, everything committed
     * until it started; the others wait for it and return without writing when it covered them. So
     * under load H2's store lock sees one request thread at a time instead of one per request, and
     * H2's own writer, which tries that lock for only 10 ms, gets it to rewrite sparse chunks.
     *
     * @throws RuntimeException from H2 if the write fails (nothing is acknowledged then)
     */
    void flush() {
        if (!tuning.groupCommit()) {
            // As before issue 19's fix: every caller queues for H2's store lock and commits itself.
            store.commit();
            synchronized (flushMonitor) {
                flushRequests++;
                flushWrites++;
            }
            return;
        }
        long ticket;
        long covers;
        synchronized (flushMonitor) {
            // This caller's change was committed before it took its ticket.
            ticket = ++flushTickets;
            flushRequests++;
            boolean interrupted = false;
            while (flushedTicket < ticket && flushing) {
                try {
                    flushMonitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (flushedTicket >= ticket) {
                return;
            }
            flushing = true;
            // Every ticket handed out so far is a change committed before the write below starts.
            covers = flushTickets;
        }
        boolean written = false;
        try {
            writeThrough();
            written = true;
        } finally {
            synchronized (flushMonitor) {
                flushing = false;
                if (written) {
                    flushedTicket = Math.max(flushedTicket, covers);
                    flushWrites++;
                }
                flushMonitor.notifyAll();
            }
        }
    }

    private void writeThrough() {
        if (store.commit() < 0) {
            // Nothing left to write here: H2's own writer may have taken these changes and still be
            // writing them on its threads, so wait until every write it started is in the file.
            store.executeFilestoreOperation(() -> { });
        }
    }

    /** How many flushes were asked for and how many writes served them, since the start. */
    long[] flushCounts() {
        synchronized (flushMonitor) {
            return new long[] {flushRequests, flushWrites};
        }
    }

    /** The database file's size in bytes. */
    long fileSize() {
        return store.getFileStore().size();
    }

    /** The MVStore (tests and the churn experiment look at its chunks). */
    MVStore mvStore() {
        return store;
    }

    /**
     * What the store looks like now: file size, H2's fill rates (live share of the file, live share
     * of the chunks' data, live share of the chunks older than the retention time) and the flush
     * counts, for tests and benchmarks.
     */
    Usage usage() {
        FileStore<?> file = store.getFileStore();
        long[] flushes = flushCounts();
        long chunks = store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
        return new Usage(file.size(), file.getFillRate(), file.getChunksFillRate(), CHUNKS.rewritableFillRate(file),
                chunks, flushes[0], flushes[1], compactions.get());
    }

    /**
     * A snapshot of the store.
     *
     * @param fileBytes      the file's size
     * @param fillRate       percent of the file that is live data
     * @param chunksFillRate percent of the chunks' data that is live
     * @param oldChunksFillRate percent of the data of the chunks older than the retention time that is
     *                       live (what a compaction round looks at), -1 if H2's internals are not reachable
     * @param chunks         the chunks in the file (live, or dead and not yet freed)
     * @param flushRequests  flushes asked for since the start
     * @param flushWrites    writes that served them
     * @param compactions    scheduled compaction rounds that rewrote something
     */
    record Usage(long fileBytes, int fillRate, int chunksFillRate, int oldChunksFillRate, long chunks, long flushRequests,
                 long flushWrites, long compactions) {
    }

    /**
     * Rewrites the live pages of sparse chunks into new chunks, for up to about the budget, in steps
     * of about 1 MB of live data: only chunks older than the retention time, only while those are
     * together less than {@value #TARGET_FILL_RATE} % live, and only chunks at most
     * {@link Tuning#rewriteFillRate()} live, the sparsest and oldest first. The emptied chunks' space
     * is reused once no reader can need them; the file does not shrink while open.
     *
     * <p>H2's public {@code MVStore.compact} is not used: it triggers on the live share of all chunks,
     * counting the young ones and the dead ones that wait out the retention time, which stays low
     * under steady writes, and it then rewrites chunks however live they are. Under LTI launches
     * that rewrote the same live data every minute and the file levelled at 850 MB (session 6).
     *
     * @return whether anything was rewritten
     */
    boolean compact(long budgetMillis) {
        if (store.isClosed()) {
            return false;
        }
        long stopAt = System.nanoTime() + budgetMillis * 1_000_000L;
        boolean rewrote = false;
        while (System.nanoTime() < stopAt && !store.isClosed() && rewriteOnce()) {
            rewrote = true;
            // Writes the rewritten pages now: H2 counts the old copies dead only after a commit, and
            // the next step would otherwise pick the same chunks again.
            flush();
        }
        return rewrote;
    }

    private boolean rewriteOnce() {
        FileStore<?> file = store.getFileStore();
        if (!CHUNKS.reachable()) {
            // An H2 whose internals moved: H2's own (coarser) compaction.
            return file.getChunksFillRate() < TARGET_FILL_RATE && store.compact(TARGET_FILL_RATE, 1 << 20);
        }
        int oldFill = CHUNKS.rewritableFillRate(file);
        if (oldFill >= TARGET_FILL_RATE) {
            return false;
        }
        return CHUNKS.rewrite(store, file, 1 << 20, tuning.rewriteFillRate());
    }

    /** Whether the compaction reaches H2's chunk-level methods (checked on every H2 upgrade by the tests). */
    static boolean preciseCompaction() {
        return CHUNKS.reachable();
    }

    /**
     * H2's own methods for the live share of the chunks older than the retention time and for
     * rewriting the chunks under a fill rate ({@code FileStore.getRewritableChunksFillRate},
     * {@code FileStore.rewriteChunks(int, int)}, {@code MVStore.tryExecuteUnderStoreLock}): what H2's
     * background writer uses, not public. Reached once by reflection; if an H2 upgrade moves them,
     * {@link #reachable()} is false and the compaction falls back to {@code MVStore.compact}.
     */
    private static final class ChunkAccess {

        private final java.lang.reflect.Method rewritableFillRate;
        private final java.lang.reflect.Method rewriteChunks;
        private final java.lang.reflect.Method underStoreLock;

        ChunkAccess() {
            java.lang.reflect.Method fill = null;
            java.lang.reflect.Method rewrite = null;
            java.lang.reflect.Method lock = null;
            try {
                fill = FileStore.class.getDeclaredMethod("getRewritableChunksFillRate");
                rewrite = FileStore.class.getDeclaredMethod("rewriteChunks", int.class, int.class);
                lock = MVStore.class.getDeclaredMethod("tryExecuteUnderStoreLock", java.util.concurrent.Callable.class);
                fill.setAccessible(true);
                rewrite.setAccessible(true);
                lock.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LoggerFactory.getLogger(H2Housekeeping.class).warn(
                        "H2's chunk compaction is not reachable ({}); using MVStore.compact", e.toString());
                fill = null;
                rewrite = null;
                lock = null;
            }
            this.rewritableFillRate = fill;
            this.rewriteChunks = rewrite;
            this.underStoreLock = lock;
        }

        boolean reachable() {
            return rewriteChunks != null;
        }

        int rewritableFillRate(FileStore<?> file) {
            if (!reachable()) {
                return -1;
            }
            try {
                return (Integer) rewritableFillRate.invoke(file);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Rewrites up to about {@code writeLimit} live bytes of chunks at most {@code fillRate} % live. */
        boolean rewrite(MVStore store, FileStore<?> file, int writeLimit, int fillRate) {
            java.util.concurrent.Callable<Boolean> work = () -> (Boolean) rewriteChunks.invoke(file, writeLimit, fillRate);
            try {
                // As H2's writer does: try the store lock for 10 ms, so that closing the database
                // is never blocked by a round.
                Object result = underStoreLock.invoke(store, work);
                return Boolean.TRUE.equals(result);
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                throw new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ChunkAccess CHUNKS = new ChunkAccess();

    private void compactQuietly() {
        try {
            if (!store.isClosed() && compact(COMPACT_BUDGET_MILLIS)) {
                compactions.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.warn("Compacting the H2 file failed: {}", e.getMessage());
        }
    }

    private void syncQuietly() {
        try {
            if (!store.isClosed()) {
                store.sync();
            }
        } catch (RuntimeException e) {
            LOG.warn("Forcing the H2 file to disk failed: {}", e.getMessage());
        }
    }

    /**
     * Stops the housekeeping thread (the pool closes the database itself). A round under way is let
     * finish, never interrupted: an interrupt during file I/O closes H2's file channel, and the
     * database then closes as after a crash, without its compaction at close.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
