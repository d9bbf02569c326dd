package fi.kasvu.lms.web;

import fi.kasvu.store.jdbc.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link AutosaveHotPathHttpTest} on PostgreSQL: an embedded server of its own with
 * {@code pg_stat_statements} loaded, which counts every statement the server runs (the shared test
 * server is started without it).
 */
class AutosaveHotPathPostgresHttpTest extends AutosaveHotPathHttpTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE kasvu_autosave");
        }
        fixture = PagesFixture.start(DatabaseConfig.of("jdbc:postgresql://localhost:" + postgres.getPort()
                + "/kasvu_autosave", "postgres", ""), s -> s);
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
        counter = new PgStatStatements();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        postgres.close();
    }

    /** {@code pg_stat_statements} of the tool's database. */
    static final class PgStatStatements implements StatementCounter {

        @Override
        public void start() throws Exception {
            try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_stat_statements_reset()");
            }
        }

        @Override
        public Map<String, Long> counted() throws Exception {
            Map<String, Long> counted = new LinkedHashMap<>();
            try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT query, calls FROM pg_stat_statements WHERE dbid = "
                         + "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
                while (r.next()) {
                    String sql = r.getString(1).strip();
                    if (!sql.contains("pg_stat_statements") && isData(sql)) {
                        counted.merge(sql, r.getLong(2), Long::sum);
                    }
                }
            }
            return counted;
        }
    }
}
