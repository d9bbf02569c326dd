package fi.kasvu.store.jdbc;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.session.Sessions;
import fi.kasvu.session.StoredSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Sessions} in the {@code kasvu_session} table, shared by every instance on the database. */
final class JdbcSessions implements Sessions {

    private static final String COLUMNS =
            "token_hash, tenant, person, platform, context, payload, created_at, idle_until, ends_at";

    private final Jdbc jdbc;
    private final Dialect dialect;

    JdbcSessions(KasvuDatabase database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    @Override
    public void put(StoredSession session) {
        Require.nonNull("session", session);
        jdbc.update("store a session", putSql(), statement -> bindPut(statement, session));
    }

    @Override
    public int putReplacingOthers(StoredSession session) {
        Require.nonNull("session", session);
        return jdbc.inTransaction("store a session replacing older ones", connection -> {
            int ended = Jdbc.update(connection, "DELETE FROM kasvu_session WHERE person = ? AND tenant = ? "
                    + "AND context = ? AND token_hash <> ?", statement -> {
                        statement.setString(1, session.person().value());
                        statement.setString(2, session.tenant().value());
                        statement.setString(3, session.context());
                        statement.setString(4, session.tokenHash());
                    });
            Jdbc.update(connection, putSql(), statement -> bindPut(statement, session));
            return ended;
        });
    }

    private String putSql() {
        return dialect == Dialect.POSTGRESQL
                ? "INSERT INTO kasvu_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (token_hash) DO UPDATE SET payload = EXCLUDED.payload, "
                        + "idle_until = EXCLUDED.idle_until"
                : "MERGE INTO kasvu_session (" + COLUMNS + ") KEY (token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bindPut(java.sql.PreparedStatement statement, StoredSession session)
            throws java.sql.SQLException {
        statement.setString(1, session.tokenHash());
        statement.setString(2, session.tenant().value());
        statement.setString(3, session.person().value());
        statement.setString(4, session.platform());
        statement.setString(5, session.context());
        statement.setString(6, session.payload());
        Jdbc.setInstant(statement, 7, session.createdAt());
        Jdbc.setInstant(statement, 8, session.idleUntil());
        Jdbc.setInstant(statement, 9, session.endsAt());
    }

    @Override
    public Optional<StoredSession> find(String tokenHash, Instant now) {
        Require.nonNull("now", now);
        if (tokenHash == null || tokenHash.length() != 64) {
            return Optional.empty();
        }
        return jdbc.queryOne("read a session", "SELECT " + COLUMNS + " FROM kasvu_session "
                + "WHERE token_hash = ? AND idle_until > ? AND ends_at > ?", statement -> {
                    statement.setString(1, tokenHash);
                    Jdbc.setInstant(statement, 2, now);
                    Jdbc.setInstant(statement, 3, now);
                }, JdbcSessions::session);
    }

    /**
     * {@inheritDoc}
     *
     * <p>In a unit of work this is one statement: the session joined with the document (of the
     * session's own tenant, by its primary key), which is kept for the unit's next read of it
     * ({@link JdbcDocumentRepository#find}). Outside a unit, or with a hint that cannot name a
     * document, it is {@link #find(String, Instant)}.
     */
    @Override
    public Optional<StoredSession> find(String tokenHash, Instant now, String documentKind, String documentId) {
        Require.nonNull("now", now);
        if (tokenHash == null || tokenHash.length() != 64) {
            return Optional.empty();
        }
        if (!jdbc.inUnit() || documentKind == null || documentId == null || documentKind.isEmpty()
                || documentId.isEmpty() || documentKind.length() > 200 || documentId.length() > 200) {
            return find(tokenHash, now);
        }
        return jdbc.queryOne("read a session and its document", "SELECT s.token_hash, s.tenant, s.person, "
                + "s.platform, s.context, s.payload, s.created_at, s.idle_until, s.ends_at, "
                + "d.version AS doc_version, d.document AS doc_document FROM kasvu_session s "
                + "LEFT JOIN kasvu_document d ON d.tenant = s.tenant AND d.kind = ? AND d.id = ? "
                + "WHERE s.token_hash = ? AND s.idle_until > ? AND s.ends_at > ?", statement -> {
                    statement.setString(1, documentKind);
                    statement.setString(2, documentId);
                    statement.setString(3, tokenHash);
                    Jdbc.setInstant(statement, 4, now);
                    Jdbc.setInstant(statement, 5, now);
                }, row -> {
                    StoredSession session = session(row);
                    long version = row.getLong("doc_version");
                    if (!row.wasNull()) {
                        jdbc.keep(JdbcDocumentRepository.key(session.tenant().value(), documentKind, documentId),
                                new JdbcDocumentRepository.Kept(version, row.getString("doc_document")));
                    }
                    return session;
                });
    }

    @Override
    public List<StoredSession> all() {
        return jdbc.query("list the sessions", "SELECT " + COLUMNS + " FROM kasvu_session", statement -> { },
                JdbcSessions::session);
    }

    @Override
    public int revokePlatform(String platform) {
        Require.nonNull("platform", platform);
        return jdbc.update("end a platform's sessions", "DELETE FROM kasvu_session WHERE platform = ?",
                statement -> statement.setString(1, platform));
    }

    @Override
    public int revokePerson(PersonId person) {
        Require.nonNull("person", person);
        return jdbc.update("end a person's sessions", "DELETE FROM kasvu_session WHERE person = ?",
                statement -> statement.setString(1, person.value()));
    }

    @Override
    public int revokeOthers(TenantId tenant, PersonId person, String context, String keepTokenHash) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("person", person);
        Require.nonNull("context", context);
        Require.nonNull("keepTokenHash", keepTokenHash);
        return jdbc.update("end a person's older sessions", "DELETE FROM kasvu_session WHERE person = ? AND tenant = ? "
                + "AND context = ? AND token_hash <> ?", statement -> {
                    statement.setString(1, person.value());
                    statement.setString(2, tenant.value());
                    statement.setString(3, context);
                    statement.setString(4, keepTokenHash);
                });
    }

    @Override
    public List<StoredSession> ofPerson(TenantId tenant, PersonId person) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("person", person);
        return jdbc.query("list a person's sessions", "SELECT " + COLUMNS + " FROM kasvu_session "
                + "WHERE person = ? AND tenant = ? ORDER BY created_at", statement -> {
                    statement.setString(1, person.value());
                    statement.setString(2, tenant.value());
                }, JdbcSessions::session);
    }

    @Override
    public int erase(TenantId tenant, PersonId person) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("person", person);
        return jdbc.update("erase a person's sessions", "DELETE FROM kasvu_session WHERE person = ? AND tenant = ?",
                statement -> {
                    statement.setString(1, person.value());
                    statement.setString(2, tenant.value());
                });
    }

    @Override
    public int purgeClosed(Instant now) {
        Require.nonNull("now", now);
        return jdbc.update("purge closed sessions", "DELETE FROM kasvu_session WHERE idle_until <= ? OR ends_at <= ?",
                statement -> {
                    Jdbc.setInstant(statement, 1, now);
                    Jdbc.setInstant(statement, 2, now);
                });
    }

    private static StoredSession session(ResultSet row) throws SQLException {
        return new StoredSession(row.getString("token_hash"), TenantId.of(row.getString("tenant")),
                PersonId.of(row.getString("person")), row.getString("platform"), row.getString("context"),
                row.getString("payload"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "idle_until"),
                Jdbc.instant(row, "ends_at"));
    }
}
