package fi.kasvu.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.kasvu.common.Require;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kasvu's database, opened: a connection pool whose schema has been brought up to date. Open one
 * per process and share it; every store ({@link JdbcDocumentRepository}, {@link SingleUseTokens},
 * {@link ExpiringValues}, {@link Outbox}) is built on it.
 *
 * <pre>{@code
 * try (KasvuDatabase db = KasvuDatabase.open(DatabaseConfig.embeddedDefault())) {
 *     DocumentRepository<GrowConversation> conversations = JdbcDocumentRepository.of(db, kind, codec);
 * }
 * }</pre>
 */
public final class KasvuDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KasvuDatabase.class);

    /** The migrations every dialect shares. */
    static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String schemaVersion;
    private final H2Housekeeping housekeeping;
    private final Jdbc jdbc;

    private KasvuDatabase(HikariDataSource dataSource, Dialect dialect, String schemaVersion,
                          H2Housekeeping housekeeping) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schemaVersion = schemaVersion;
        this.housekeeping = housekeeping;
        this.jdbc = new Jdbc(dataSource, housekeeping == null ? () -> { } : housekeeping::flush);
    }

    /**
     * Connects, creates the embedded database on first start, and migrates an older schema to
     * this code's version.
     *
     * @throws DatabaseTooNewException naming both versions if a newer Kasvu migrated the database
     * @throws StoreException          if the database cannot be reached or a migration fails
     */
    public static KasvuDatabase open(DatabaseConfig config) {
        return open(config, H2Housekeeping.Tuning.DEFAULT);
    }

    /**
     * As {@link #open(DatabaseConfig)}; on H2 with other settings of {@link H2Housekeeping} (with or
     * without the scheduled compaction and the group commit, to measure them in
     * {@code H2ChurnExperiment}; a shorter retention in tests).
     */
    static KasvuDatabase open(DatabaseConfig config, H2Housekeeping.Tuning tuning) {
        Require.nonNull("config", config);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config.url());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(config.poolSize());
        pool.setPoolName("kasvu");
        pool.setAutoCommit(true);
        if (config.dialect() == Dialect.H2) {
            H2_DEFAULTS.forEach((setting, value) -> {
                if (!mentions(config.url(), setting)) {
                    pool.addDataSourceProperty(setting, value);
                }
            });
            // Gives back the dead space a killed run, or one faster than the online compaction, left.
            H2Housekeeping.compactAtStart(config.url());
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            // The driver's message may quote the URL; name only the safe part.
            throw new StoreException("could not connect to " + config.safeUrl() + " as " + config.user() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        H2Housekeeping housekeeping = null;
        try {
            if (config.dialect() == Dialect.H2) {
                // H2 by default writes commits to the file up to a second later, so a killed process
                // would lose saves it had acknowledged (the crash test shows it); the stores flush
                // every write before returning (concurrent writes share one), and the housekeeping
                // thread rewrites sparse chunks so that their space is reused.
                housekeeping = H2Housekeeping.start(dataSource, tuning);
            }
            String version = migrate(dataSource, config.dialect());
            LOG.info("Kasvu database {} ready at schema version {}", config.safeUrl(), version);
            return new KasvuDatabase(dataSource, config.dialect(), version, housekeeping);
        } catch (RuntimeException e) {
            if (housekeeping != null) {
                housekeeping.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /**
     * Settings Kasvu gives an embedded H2 database unless its URL names them:
     * <ul>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 does not close the database from its own JVM shutdown
     * hook while Kasvu's request threads and background jobs still use it; Kasvu's own shutdown
     * stops those first and then closes the database ({@link #close()}), which lets H2 run its
     * compaction at close ({@code H2ShutdownTest}).
     * <li>{@code COMPRESS=TRUE}: pages are written compressed (LZF), so the live data and every
     * write take less room (docs/benchmarks.md, issue 19). Pages written before stay readable.
     * </ul>
     */
    static final java.util.Map<String, String> H2_DEFAULTS = java.util.Map.of("DB_CLOSE_ON_EXIT", "FALSE",
            "COMPRESS", "TRUE");

    /** Whether an H2 URL sets the setting itself ({@code ;NAME=}). */
    static boolean mentions(String url, String setting) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return upper.contains(";" + setting + "=");
    }

    /** The Flyway setup for a dialect: the shared migrations and the dialect's own. */
    static FluentConfiguration flyway(DataSource dataSource, Dialect dialect, String... extraLocations) {
        String[] locations = new String[2 + extraLocations.length];
        locations[0] = COMMON_MIGRATIONS;
        locations[1] = "classpath:db/migration/" + dialect.migrationFolder();
        System.arraycopy(extraLocations, 0, locations, 2, extraLocations.length);
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .table("kasvu_schema_history")
                .failOnMissingLocations(true);
    }

    private static String migrate(DataSource dataSource, Dialect dialect) {
        Flyway flyway = flyway(dataSource, dialect).load();
        try {
            MigrationInfo[] all = flyway.info().all();
            String codeVersion = Arrays.stream(all)
                    .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElse("0");
            Optional<MigrationInfo> future = Arrays.stream(all)
                    .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                            || info.getState() == MigrationState.FUTURE_FAILED)
                    .max(Comparator.comparing(MigrationInfo::getVersion));
            if (future.isPresent()) {
                throw new DatabaseTooNewException(future.get().getVersion().getVersion(), codeVersion);
            }
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException("could not bring the database schema up to date: " + e.getMessage(), e);
        }
    }

    /** The pooled connections, for stores of the LMS adapter and for agency code. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** H2 or PostgreSQL. */
    public Dialect dialect() {
        return dialect;
    }

    /** The schema version the database is at, such as {@code 3}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Closes every pooled connection; an embedded H2 database is closed with its last connection. */
    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        dataSource.close();
    }

    /**
     * On embedded H2, rewrites sparse parts of the database file for up to about the given time, as
     * the housekeeping thread does every second; nothing on PostgreSQL, which vacuums itself.
     *
     * @return whether anything in the H2 file was rewritten
     */
    public boolean compact(java.time.Duration budget) {
        return housekeeping != null && housekeeping.compact(Require.nonNull("budget", budget).toMillis());
    }

    /**
     * Runs the work as one unit of work: every store call it makes on this thread (documents,
     * sessions, tokens, outbox) shares one connection and one transaction, committed when the work
     * returns and rolled back if it throws; a unit inside a unit joins it. The connection is taken
     * at the first statement. A store's own transaction inside a unit becomes a savepoint, so its
     * failure rolls back that store call only.
     */
    public <R> R inUnit(java.util.function.Supplier<R> work) {
        return jdbc.inUnit(Require.nonNull("work", work));
    }

    /**
     * Commits what the thread's unit did so far and gives its connection back; its next statement
     * starts a new transaction. Call it before a network call inside a unit. Nothing outside a unit.
     */
    public void releaseUnit() {
        jdbc.releaseUnit();
    }

    /**
     * Runs the work as a unit of its own, committed before this returns, apart from the thread's
     * current unit: that unit is released first (what it did so far is committed and its connection
     * given back), and goes on afterwards in a new transaction. For work that must not share the
     * fate of the request it happens in, such as a batch of other people's survey ballots.
     */
    public <R> R apart(java.util.function.Supplier<R> work) {
        return jdbc.apart(Require.nonNull("work", work));
    }

    /** Runs the action once the thread's unit has committed; at once outside a unit. */
    public void afterCommit(Runnable action) {
        jdbc.afterCommit(Require.nonNull("action", action));
    }

    /**
     * A connection for plain JDBC code (the LMS adapter's own tables): inside a unit of work the
     * unit's connection, so the work is part of the request's transaction (closing it, committing
     * or rolling back are then left to the unit); outside a unit a pooled connection, which the
     * caller closes.
     */
    public java.sql.Connection connection() throws java.sql.SQLException {
        return jdbc.connection();
    }

    Jdbc jdbc() {
        return jdbc;
    }

    /** The embedded H2 store's housekeeping; empty on PostgreSQL. */
    Optional<H2Housekeeping> h2Housekeeping() {
        return Optional.ofNullable(housekeeping);
    }

    /** The embedded H2 store's size, fill rates and flush counts; empty on PostgreSQL. */
    Optional<H2Housekeeping.Usage> h2Usage() {
        return housekeeping == null ? Optional.empty() : Optional.of(housekeeping.usage());
    }
}
