package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

class MigrationTest extends DatabaseTestSupport {

    private static final String LATEST = "5";

    @EveryDialect
    void open_freshDatabase_migratesToTheLatestVersion(Dialect dialect) throws SQLException {
        KasvuDatabase database = open(dialect);

        assertThat(database.schemaVersion()).isEqualTo(LATEST);
        assertThat(database.dialect()).isEqualTo(dialect);
        assertThat(tables(database)).contains("kasvu_document", "kasvu_single_use_token", "kasvu_expiring_value",
                "kasvu_outbox", "kasvu_score_state", "kasvu_schema_history");
    }

    @Test
    void open_h2_keepsDocumentsInTheRowNotAsLargeObjects() throws SQLException {
        KasvuDatabase database = open(Dialect.H2);

        try (Connection connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH FROM "
                     + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'KASVU_DOCUMENT' AND COLUMN_NAME = 'DOCUMENT'");
             var rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            // H2 never reclaimed the space of replaced LOB values (issue 19), so the column must not be one.
            assertThat(rows.getString(1)).isEqualTo("CHARACTER VARYING");
            assertThat(rows.getLong(2)).isEqualTo(fi.kasvu.json.KasvuJson.MAX_DOCUMENT_CHARS);
        }
    }

    @Test
    void open_embeddedDatabaseFirstTime_createsItsFile() {
        Path home = directory.resolve("fresh-install");

        open(DatabaseConfig.embeddedIn(home));

        assertThat(home.resolve("kasvu.mv.db")).exists();
    }

    @EveryDialect
    void open_olderSchema_upgradesItAndKeepsTheDocuments(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        try (HikariDataSource old = dataSource(config)) {
            KasvuDatabase.flyway(old, dialect).target("1").load().migrate();
            try (Connection connection = old.getConnection(); var statement = connection.prepareStatement(
                    "INSERT INTO kasvu_document (tenant, kind, id, version, owner, context, updated_at, document) "
                            + "VALUES ('t', 'test.old', 'old-1', 4, 'aino', NULL, CURRENT_TIMESTAMP, "
                            + (dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?") + ")")) {
                statement.setString(1, new NoteCodec().write(new Note("old-1", PersonId.of("aino"), null, "old text")));
                statement.executeUpdate();
                assertThat(tablesQuietly(old)).contains("kasvu_document").doesNotContain("kasvu_outbox");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        KasvuDatabase upgraded = open(config);
        var notes = JdbcDocumentRepository.of(upgraded, new fi.kasvu.common.DocumentKind<>("test.old", Note.class,
                Note::id, Note::owner, Note::context), new NoteCodec());

        assertThat(upgraded.schemaVersion()).isEqualTo(LATEST);
        assertThat(tablesQuietly(upgraded.dataSource())).contains("kasvu_outbox", "kasvu_single_use_token");
        assertThat(notes.find(TenantId.of("t"), "old-1").orElseThrow().version()).isEqualTo(4);
        assertThat(notes.listByOwner(TenantId.of("t"), PersonId.of("aino")).documents()).hasSize(1);
    }

    @EveryDialect
    void open_databaseOfANewerKasvu_refusesNamingBothVersions(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        try (HikariDataSource newer = dataSource(config)) {
            KasvuDatabase.flyway(newer, dialect, "classpath:db/future").load().migrate();
        }

        assertThatThrownBy(() -> open(config))
                .isInstanceOf(DatabaseTooNewException.class)
                .hasMessageStartingWith("the database schema is at version 99, newer than this Kasvu knows "
                        + "(schema version " + LATEST + ")")
                .satisfies(e -> {
                    assertThat(((DatabaseTooNewException) e).databaseVersion()).isEqualTo("99");
                    assertThat(((DatabaseTooNewException) e).codeVersion()).isEqualTo(LATEST);
                });
    }

    @EveryDialect
    void open_twice_leavesTheSchemaAsItIs(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        open(config).close();

        KasvuDatabase again = open(config);

        assertThat(again.schemaVersion()).isEqualTo(LATEST);
        assertThat(MigrationVersion.fromVersion(again.schemaVersion())).isEqualTo(MigrationVersion.fromVersion(LATEST));
    }

    @Test
    void open_unreachableDatabase_namesItWithoutParameters() {
        DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://127.0.0.1:1/nowhere?password=inurl", "kasvu", "secret");

        assertThatThrownBy(() -> KasvuDatabase.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not connect to jdbc:postgresql://127.0.0.1:1/nowhere as kasvu")
                .hasMessageNotContaining("inurl")
                .hasMessageNotContaining("secret");
    }

    @Test
    void open_migrationLocationsExistForEveryDialect() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(getClass().getResource("/db/migration/" + dialect.migrationFolder() + "/V1__documents.sql"))
                    .as(dialect.name()).isNotNull();
        }
        assertThat(Files.exists(directory)).isTrue();
    }

    private static HikariDataSource dataSource(DatabaseConfig config) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(config.url());
        dataSource.setUsername(config.user());
        dataSource.setPassword(config.password());
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    private static List<String> tables(KasvuDatabase database) throws SQLException {
        return tablesQuietly(database.dataSource());
    }

    private static List<String> tablesQuietly(javax.sql.DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
