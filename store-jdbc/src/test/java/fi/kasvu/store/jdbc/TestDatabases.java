package fi.kasvu.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: H2 on disk in a temporary directory, and fresh databases in one embedded
 * PostgreSQL shared by the whole test JVM (started on first use, stopped when the JVM exits).
 * Other modules' tests use it through the test-jar.
 */
public final class TestDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** The embedded PostgreSQL of this JVM. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is exiting; nothing left to tell.
                }
            }));
        }
        return postgres;
    }

    /** A new, empty PostgreSQL database in the shared server. */
    public static DatabaseConfig freshPostgres() {
        String name = "kasvu_test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return DatabaseConfig.of("jdbc:postgresql://localhost:" + postgres().getPort() + "/" + name, "postgres", "");
    }

    /** An H2 database on disk in the directory. */
    public static DatabaseConfig h2(Path directory) {
        return DatabaseConfig.embeddedIn(directory);
    }

    /** A new, empty database of the dialect (H2 files go under the directory). */
    public static DatabaseConfig fresh(Dialect dialect, Path directory) {
        return dialect == Dialect.H2 ? h2(directory.resolve("h2-" + DATABASES.incrementAndGet())) : freshPostgres();
    }
}
