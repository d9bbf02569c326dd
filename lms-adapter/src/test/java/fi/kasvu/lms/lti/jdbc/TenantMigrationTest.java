package fi.kasvu.lms.lti.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.Dialect;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database of schema 3 (tenant = issuer + deployment) moved to tenants that include the client id. */
class TenantMigrationTest {

    static final String ISSUER = "https://moodle.example.org";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void oldTenantsData_movesToTheNewKey_andOldSessionsEnd(Dialect dialect) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(dialect, dir);
        String user = dialect == Dialect.H2 ? "kasvu" : "postgres";
        Flyway.configure().dataSource(config.url(), user, "")
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (dialect == Dialect.H2 ? "h2" : "postgresql"))
                .table("kasvu_schema_history").target("3").load().migrate();
        String legacy = PlatformRegistration.legacyTenantOf(ISSUER, "7").value();
        try (Connection c = DriverManager.getConnection(config.url(), user, "")) {
            insertDocument(c, dialect, "kasvu:tool", "lti.registration", ISSUER + " client-1", "{\"kind\":\"lti.registration\","
                    + "\"schemaVersion\":1,\"issuer\":\"" + ISSUER + "\",\"clientId\":\"client-1\",\"authUrl\":\"" + ISSUER
                    + "/auth\",\"tokenUrl\":\"" + ISSUER + "/token\",\"jwksUrl\":\"" + ISSUER + "/jwks\","
                    + "\"deploymentIds\":[\"7\"],\"name\":\"Moodle\"}");
            insertDocument(c, dialect, legacy, "grow.conversation", "conv-1", "{\"x\":1}");
            insertDocument(c, dialect, "other-tenant", "grow.conversation", "conv-2", "{\"x\":2}");
            try (PreparedStatement s = c.prepareStatement("INSERT INTO kasvu_outbox (tenant, topic, payload, created_at, "
                    + "due_at, attempts) VALUES (?, 'lti.ags.score', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")) {
                s.setString(1, legacy);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO kasvu_expiring_value (namespace, item_key, "
                    + "item_value, expires_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP + INTERVAL '1' HOUR)")) {
                for (String[] row : new String[][] {{"pages.session", "tok", "{\"tenant\":\"" + legacy + "\"}"},
                        {"lti.state", "st", "{}"}}) {
                    s.setString(1, row[0]);
                    s.setString(2, row[1]);
                    s.setString(3, row[2]);
                    s.executeUpdate();
                }
            }
        }

        try (KasvuDatabase db = KasvuDatabase.open(config)) {
            TenantId now = JdbcLtiStorage.on(db).registrations().find(ISSUER, "client-1").orElseThrow().tenant("7");
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(column(c, "SELECT tenant FROM kasvu_document WHERE id = 'conv-1'")).containsExactly(now.value());
                assertThat(column(c, "SELECT tenant FROM kasvu_document WHERE id = 'conv-2'"))
                        .containsExactly("other-tenant");
                assertThat(column(c, "SELECT tenant FROM kasvu_outbox")).containsExactly(now.value());
                assertThat(column(c, "SELECT namespace FROM kasvu_expiring_value")).containsExactly("lti.state");
            }
            assertThat(JdbcLtiStorage.on(db).registrations().find(ISSUER, "client-1").orElseThrow().active()).isTrue();
        }
    }

    private static void insertDocument(Connection c, Dialect dialect, String tenant, String kind, String id, String json)
            throws SQLException {
        String document = dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO kasvu_document (tenant, kind, id, version, updated_at, "
                + "document) VALUES (?, ?, ?, 1, CURRENT_TIMESTAMP, " + document + ")")) {
            s.setString(1, tenant);
            s.setString(2, kind);
            s.setString(3, id);
            s.setString(4, json);
            s.executeUpdate();
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
