package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's document repository on H2 or PostgreSQL: every aggregate of one kind as a versioned
 * JSON document in one shared table, scoped by tenant in every statement.
 *
 * <p>Saves are single conditional statements (insert-if-absent for version 0, update-where-version
 * otherwise), so two writers from the same version never both succeed, on one instance or many.
 * List operations skip documents their codec cannot read and report them in
 * {@link Listing#unreadable()}; the log gets a WARN with the id only.
 */
public final class JdbcDocumentRepository<T> implements DocumentRepository<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDocumentRepository.class);

    /** The longest context (course, activity, programme) a document can be listed by. */
    public static final int MAX_CONTEXT = 1000;

    private static final String COLUMNS = "id, version, document";
    private static final String ORDER = " ORDER BY updated_at DESC, id";

    private final DocumentKind<T> kind;
    private final DocumentCodec<T> codec;
    private final Clock clock;
    private final Jdbc jdbc;
    private final String documentParameter;
    private final DecodedDocuments<T> decoded;

    private JdbcDocumentRepository(KasvuDatabase database, DocumentKind<T> kind, DocumentCodec<T> codec, Clock clock) {
        this.kind = Require.nonNull("kind", kind);
        this.codec = Require.nonNull("codec", codec);
        this.clock = Require.nonNull("clock", clock);
        this.jdbc = Require.nonNull("database", database).jdbc();
        this.documentParameter = database.dialect() == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
        this.decoded = null;
    }

    private JdbcDocumentRepository(JdbcDocumentRepository<T> plain, DecodedDocuments<T> decoded) {
        this.kind = plain.kind;
        this.codec = plain.codec;
        this.clock = plain.clock;
        this.jdbc = plain.jdbc;
        this.documentParameter = plain.documentParameter;
        this.decoded = decoded;
    }

    /**
     * This repository keeping the last decoded value of up to {@code entries} documents (issue 19):
     * a read whose stored text is exactly the text decoded before returns that value again instead
     * of decoding it (the launch lists a learner's conversation and the first page reads it again).
     * Every read still goes to the database, so a change by another instance or process is read as
     * it is; only the decoding is saved. Only for kinds whose values are immutable.
     *
     * @throws IllegalArgumentException if entries is not positive
     */
    public JdbcDocumentRepository<T> withDecodedCache(int entries) {
        return new JdbcDocumentRepository<>(this, new DecodedDocuments<>(entries));
    }

    /** The stored text decoded, or the value decoded before from the same text of the same document. */
    private T decode(TenantId tenant, Row row) {
        if (decoded == null || tenant == null) {
            return codec.read(row.document());
        }
        return decoded.get(tenant, row.id(), row.document(), codec::read);
    }

    /**
     * The repository of one document kind, stamping changes with the system clock.
     *
     * @throws NullPointerException if any argument is null
     */
    public static <T> JdbcDocumentRepository<T> of(KasvuDatabase database, DocumentKind<T> kind, DocumentCodec<T> codec) {
        return of(database, kind, codec, Clock.systemUTC());
    }

    /**
     * The repository of one document kind, stamping changes with the given clock (which orders listings).
     *
     * @throws NullPointerException if any argument is null
     */
    public static <T> JdbcDocumentRepository<T> of(KasvuDatabase database, DocumentKind<T> kind, DocumentCodec<T> codec,
                                                   Clock clock) {
        return new JdbcDocumentRepository<>(database, kind, codec, clock);
    }

    @Override
    public DocumentKind<T> kind() {
        return kind;
    }

    /** The codec documents are written and read with. */
    public DocumentCodec<T> codec() {
        return codec;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnreadableDocumentException naming the id and the problem if the stored document cannot be read
     * @throws StoreException              if the database fails
     */
    @Override
    public Optional<Versioned<T>> find(TenantId tenant, String id) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("id", id);
        Optional<Object> kept = jdbc.take(key(tenant.value(), kind.name(), id));
        Optional<Row> row = kept.isPresent()
                ? Optional.of(new Row(id, ((Kept) kept.get()).version(), ((Kept) kept.get()).document()))
                : jdbc.queryOne("find " + kind.name() + " " + id,
                "SELECT " + COLUMNS + " FROM kasvu_document WHERE tenant = ? AND kind = ? AND id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setString(2, kind.name());
                    statement.setString(3, id);
                }, Row::of);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Versioned<>(decode(tenant, row.get()), row.get().version()));
        } catch (RuntimeException e) {
            LOG.warn("Stored {} {} cannot be read", kind.name(), id);
            throw new UnreadableDocumentException(kind.name(), id, reason(e), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the kind if the id or the context is too long
     * @throws StoreException           if the database fails
     */
    @Override
    public SaveResult<T> save(TenantId tenant, Versioned<T> document) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("document", document);
        T value = document.value();
        String id = Require.id(kind.name() + " id", kind.id().apply(value));
        PersonId owner = kind.owner().apply(value);
        String context = Require.maxLength(kind.name() + " context", kind.context().apply(value), MAX_CONTEXT);
        String json = codec.write(value);
        long expected = document.version();
        jdbc.forget(key(tenant.value(), kind.name(), id));
        Instant now = clock.instant();
        int changed = jdbc.withConnection("save " + kind.name() + " " + id, connection -> expected == 0
                ? insert(connection, tenant, id, owner, context, now, json)
                : Jdbc.update(connection, "UPDATE kasvu_document SET version = ?, owner = ?, context = ?, updated_at = ?, "
                        + "document = " + documentParameter + " WHERE tenant = ? AND kind = ? AND id = ? AND version = ?",
                        statement -> {
                            statement.setLong(1, expected + 1);
                            statement.setString(2, owner == null ? null : owner.value());
                            statement.setString(3, context);
                            Jdbc.setInstant(statement, 4, now);
                            statement.setString(5, json);
                            statement.setString(6, tenant.value());
                            statement.setString(7, kind.name());
                            statement.setString(8, id);
                            statement.setLong(9, expected);
                        }));
        if (changed == 1) {
            return new SaveResult.Saved<>(new Versioned<>(value, expected + 1));
        }
        return new SaveResult.Conflict<>(id, expected, storedVersion(tenant, id));
    }

    private int insert(Connection connection, TenantId tenant, String id, PersonId owner, String context, Instant now,
                       String json) throws SQLException {
        String sql = "INSERT INTO kasvu_document (tenant, kind, id, version, owner, context, updated_at, document) "
                + "VALUES (?, ?, ?, 1, ?, ?, ?, " + documentParameter + ")";
        if (documentParameter.startsWith("CAST")) {
            // PostgreSQL: no error (and no error in the server log) when the id is taken.
            sql += " ON CONFLICT DO NOTHING";
        }
        try {
            return Jdbc.update(connection, sql, statement -> {
                statement.setString(1, tenant.value());
                statement.setString(2, kind.name());
                statement.setString(3, id);
                statement.setString(4, owner == null ? null : owner.value());
                statement.setString(5, context);
                Jdbc.setInstant(statement, 6, now);
                statement.setString(7, json);
            });
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return 0;
            }
            throw e;
        }
    }

    private long storedVersion(TenantId tenant, String id) {
        return jdbc.queryOne("read the version of " + kind.name() + " " + id,
                "SELECT version FROM kasvu_document WHERE tenant = ? AND kind = ? AND id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setString(2, kind.name());
                    statement.setString(3, id);
                }, row -> row.getLong(1)).orElse(-1L);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database fails
     */
    @Override
    public boolean delete(TenantId tenant, String id, long expectedVersion) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("id", id);
        jdbc.forget(key(tenant.value(), kind.name(), id));
        return jdbc.update("delete " + kind.name() + " " + id,
                "DELETE FROM kasvu_document WHERE tenant = ? AND kind = ? AND id = ? AND version = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setString(2, kind.name());
                    statement.setString(3, id);
                    statement.setLong(4, expectedVersion);
                }) == 1;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database fails
     */
    @Override
    public Listing<T> listByOwner(TenantId tenant, PersonId owner) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("owner", owner);
        return list(tenant, " AND owner = ?", owner.value());
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database fails
     */
    @Override
    public Listing<T> listByContext(TenantId tenant, String context) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("context", context);
        return list(tenant, " AND context = ?", context);
    }

    /**
     * Every document of this kind with the context, in every tenant, newest change first: for the
     * few ports that read across tenants on purpose (the library's entries shared with everyone on
     * the server), which filter what they return. Never for pages directly.
     *
     * @throws StoreException if the database fails
     */
    public Listing<T> listByContextInEveryTenant(String context) {
        Require.nonNull("context", context);
        return list(null, " AND context = ?", context);
    }

    /**
     * Every document of this kind in the tenant, newest change first: for exports, erasure and
     * maintenance, not for pages.
     *
     * @throws StoreException if the database fails
     */
    public Listing<T> listAll(TenantId tenant) {
        Require.nonNull("tenant", tenant);
        return list(tenant, "", null);
    }

    /** Lists in the tenant, or with a null tenant in every tenant (only {@link #listByContextInEveryTenant}). */
    private Listing<T> list(TenantId tenant, String condition, String parameter) {
        String where = tenant == null ? "kind = ?" : "tenant = ? AND kind = ?";
        List<Row> rows = jdbc.query("list " + kind.name(),
                "SELECT " + COLUMNS + " FROM kasvu_document WHERE " + where + condition + ORDER,
                statement -> {
                    int i = 1;
                    if (tenant != null) {
                        statement.setString(i++, tenant.value());
                    }
                    statement.setString(i++, kind.name());
                    if (parameter != null) {
                        statement.setString(i, parameter);
                    }
                }, Row::of);
        List<Versioned<T>> documents = new ArrayList<>(rows.size());
        List<Unreadable> unreadable = new ArrayList<>();
        for (Row row : rows) {
            try {
                documents.add(new Versioned<>(decode(tenant, row), row.version()));
            } catch (RuntimeException e) {
                LOG.warn("Skipped stored {} {}: it cannot be read", kind.name(), row.id());
                unreadable.add(new Unreadable(row.id(), reason(e)));
            }
        }
        return new Listing<>(documents, unreadable);
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The key a document read ahead in a unit of work is kept under ({@link Jdbc#keep}). */
    static String key(String tenant, String kind, String id) {
        return "document\u0000" + tenant + "\u0000" + kind + "\u0000" + id;
    }

    /** A document read ahead with its session ({@link JdbcSessions#find(String, Instant, String, String)}). */
    record Kept(long version, String document) {
    }

    private record Row(String id, long version, String document) {
        static Row of(java.sql.ResultSet row) throws SQLException {
            return new Row(row.getString("id"), row.getLong("version"), row.getString("document"));
        }
    }
}
