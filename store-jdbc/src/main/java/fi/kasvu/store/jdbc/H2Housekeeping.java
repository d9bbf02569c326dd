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

    /** How long H2 keeps a dead chunk before reusing its space. */
    static final int RETENTION_MILLIS = 45_000;

    /** How long one compaction round may hold H2's store lock, roughly. */
    static final int COMPACT_BUDGET_MILLIS = 100;

    /** Below this share of live data in the file, a round compacts. */
    static final int TARGET_FILL_RATE = 70;

    /** How often the housekeeping thread runs a compaction round. */
    static final int COMPACT_EVERY_MILLIS = 1_000;

    /** A file smaller than this is never compacted at start. */
    static final long START_COMPACT_MIN_BYTES = 32L << 20;

    /** H2's file block size. */
    private static final long BLOCK_BYTES = 4096;

    /** A file with at least this share of live data is not compacted at start. */
    static final int START_COMPACT_FILL_RATE = 50;

    private final MVStore store;
    private final ScheduledExecutorService thread;

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

    private final boolean groupCommit;

    private H2Housekeeping(MVStore store, boolean scheduledCompaction, boolean groupCommit) {
        this.store = store;
        this.groupCommit = groupCommit;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kasvu-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::syncQuietly, 1, 1, TimeUnit.SECONDS);
        if (scheduledCompaction) {
            // Rewrites the live pages of sparse chunks that are older than the retention time, as H2's
            // own writer does when it gets the store lock; at H2's default retention (45 s) a chunk
            // emptied so is reused only when no reader can still need it (H2HousekeepingTest).
            thread.scheduleWithFixedDelay(this::compactQuietly, COMPACT_EVERY_MILLIS, COMPACT_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Configures the embedded database behind the pool and starts the housekeeping thread.
     *
     * @throws StoreException if the database refuses the settings
     */
    static H2Housekeeping start(DataSource dataSource) {
        return start(dataSource, true, true);
    }

    /**
     * As {@link #start(DataSource)}, with or without the scheduled compaction rounds and the group
     * commit, to measure them against the behaviour before issue 19's fix ({@code H2ChurnExperiment}).
     */
    static H2Housekeeping start(DataSource dataSource, boolean scheduledCompaction, boolean groupCommit) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Kept in the file: H2's background writer runs and keeps the file tidy.
            statement.execute("SET WRITE_DELAY 1000");
            // Not kept in the file, so set on every start: H2's own default, so that no reader can
            // still need a chunk whose space is reused.
            statement.execute("SET RETENTION_TIME " + RETENTION_MILLIS);
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new H2Housekeeping(session.getDatabase().getStore().getMvStore(), scheduledCompaction, groupCommit);
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
        if (!groupCommit) {
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

    /**
     * What the store looks like now: file size, H2's fill rates (live share of the file, live share
     * of the chunks' data) and the flush counts, for tests and benchmarks.
     */
    Usage usage() {
        FileStore<?> file = store.getFileStore();
        long[] flushes = flushCounts();
        return new Usage(file.size(), file.getFillRate(), file.getChunksFillRate(), flushes[0], flushes[1],
                compactions.get());
    }

    /**
     * A snapshot of the store.
     *
     * @param fileBytes      the file's size
     * @param fillRate       percent of the file that is live data
     * @param chunksFillRate percent of the chunks' data that is live
     * @param flushRequests  flushes asked for since the start
     * @param flushWrites    writes that served them
     * @param compactions    scheduled compaction rounds that rewrote something
     */
    record Usage(long fileBytes, int fillRate, int chunksFillRate, long flushRequests, long flushWrites,
                 long compactions) {
    }

    /**
     * Rewrites the live pages of sparse chunks (older than the retention time) into new chunks, in
     * rounds of about 1 MB, for up to about the budget. The emptied chunks' space is reused once no
     * reader can need them; the file does not shrink while open.
     *
     * @return whether anything was rewritten
     */
    boolean compact(long budgetMillis) {
        if (store.isClosed() || store.getFileStore().getChunksFillRate() >= TARGET_FILL_RATE) {
            return false;
        }
        // Chunks are not moved (MVStore.compactFile): H2 2.3.232 fails an assertion in
        // RandomAccessStore.moveChunkInside when its background writer commits meanwhile, even at
        // start. H2 moves chunks itself when it closes, and compactAtStart copies a sparse file.
        long stopAt = System.nanoTime() + budgetMillis * 1_000_000L;
        boolean rewrote = false;
        while (System.nanoTime() < stopAt && store.compact(TARGET_FILL_RATE, 1 << 20)) {
            rewrote = true;
            // Writes the rewritten pages now: H2 counts the old copies dead only after a commit, and
            // the next round would otherwise pick the same chunks again.
            flush();
        }
        return rewrote;
    }

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

    /** Stops the housekeeping thread (the pool closes the database itself). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
