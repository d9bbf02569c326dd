package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A durable queue of work to retry until it succeeds, such as posting a score to the LMS
 * gradebook: enqueued in the request, done by a worker later, on whichever instance claims it.
 *
 * <p>A claim leases items for a while: no other claim gets them until the lease runs out, so a
 * worker that dies mid-work only delays its items. On PostgreSQL claims skip rows another
 * instance is claiming ({@code FOR UPDATE SKIP LOCKED}); on H2 each item is claimed by a
 * conditional update. Work must be idempotent: an item may run twice if a lease runs out first.
 */
public final class Outbox {

    /** The longest error text kept; longer ones are cut. */
    public static final int MAX_ERROR = 2000;

    private static final String COLUMNS = "id, tenant, topic, payload, due_at, leased_until, attempts, last_error";

    private final Jdbc jdbc;
    private final Dialect dialect;

    private Outbox(KasvuDatabase database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    /**
     * The outbox of the database.
     *
     * @throws NullPointerException if the database is null
     */
    public static Outbox of(KasvuDatabase database) {
        return new Outbox(Require.nonNull("database", database));
    }

    /**
     * Adds work, due at the instant.
     *
     * @return the item's id
     * @throws IllegalArgumentException naming the topic if it is blank or too long
     * @throws StoreException           if the database fails
     */
    public long enqueue(TenantId tenant, String topic, String payload, Instant dueAt) {
        Require.nonNull("tenant", tenant);
        Require.id("topic", topic);
        Require.nonNull("payload", payload);
        Require.nonNull("dueAt", dueAt);
        return jdbc.withConnection("enqueue " + topic, connection -> enqueue(connection, tenant, topic, payload, dueAt));
    }

    /** Adds work on the connection (in the caller's transaction). */
    static long enqueue(Connection connection, TenantId tenant, String topic, String payload, Instant dueAt)
            throws SQLException {
        Require.id("topic", topic);
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO kasvu_outbox (tenant, topic, payload, created_at, due_at, attempts) VALUES (?, ?, ?, ?, ?, 0)",
                new String[] {"id"})) {
            statement.setString(1, tenant.value());
            statement.setString(2, topic);
            statement.setString(3, payload);
            Jdbc.setInstant(statement, 4, dueAt);
            Jdbc.setInstant(statement, 5, dueAt);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Claims up to {@code max} items due at {@code now} that no one holds, oldest due first,
     * leasing them for {@code lease}; each claim counts as an attempt.
     *
     * @throws IllegalArgumentException naming the value if max is not 1..1000 or the lease not positive
     * @throws StoreException           if the database fails
     */
    public List<OutboxItem> claimDue(int max, Instant now, Duration lease) {
        Require.range("max", max, 1, 1000);
        Require.nonNull("now", now);
        Require.nonNull("lease", lease);
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
        Instant until = now.plus(lease);
        String due = "SELECT id FROM kasvu_outbox WHERE due_at <= ? AND (leased_until IS NULL OR leased_until <= ?) "
                + "ORDER BY due_at, id";
        if (dialect == Dialect.POSTGRESQL) {
            return jdbc.inTransaction("claim outbox items", connection -> {
                List<Long> ids = Jdbc.query(connection, due + " LIMIT ? FOR UPDATE SKIP LOCKED", statement -> {
                    Jdbc.setInstant(statement, 1, now);
                    Jdbc.setInstant(statement, 2, now);
                    statement.setInt(3, max);
                }, row -> row.getLong(1));
                List<OutboxItem> claimed = new ArrayList<>();
                for (long id : ids) {
                    if (lease(connection, id, now, until) == 1) {
                        claimed.add(read(connection, id));
                    }
                }
                return claimed;
            });
        }
        return jdbc.withConnection("claim outbox items", connection -> {
            List<Long> candidates = Jdbc.query(connection, due + " LIMIT ?", statement -> {
                Jdbc.setInstant(statement, 1, now);
                Jdbc.setInstant(statement, 2, now);
                statement.setInt(3, max);
            }, row -> row.getLong(1));
            List<OutboxItem> claimed = new ArrayList<>();
            for (long id : candidates) {
                // Only the claim whose conditional update changes the row owns it.
                if (lease(connection, id, now, until) == 1) {
                    claimed.add(read(connection, id));
                }
            }
            return claimed;
        });
    }

    private static int lease(Connection connection, long id, Instant now, Instant until) throws SQLException {
        return Jdbc.update(connection, "UPDATE kasvu_outbox SET leased_until = ?, attempts = attempts + 1 "
                + "WHERE id = ? AND due_at <= ? AND (leased_until IS NULL OR leased_until <= ?)", statement -> {
                    Jdbc.setInstant(statement, 1, until);
                    statement.setLong(2, id);
                    Jdbc.setInstant(statement, 3, now);
                    Jdbc.setInstant(statement, 4, now);
                });
    }

    private static OutboxItem read(Connection connection, long id) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM kasvu_outbox WHERE id = ?",
                statement -> statement.setLong(1, id), Outbox::item).get(0);
    }

    /**
     * Removes a finished item.
     *
     * @return whether it was there
     * @throws StoreException if the database fails
     */
    public boolean markDone(long id) {
        return jdbc.update("mark outbox item " + id + " done", "DELETE FROM kasvu_outbox WHERE id = ?",
                statement -> statement.setLong(1, id)) == 1;
    }

    /**
     * Releases a failed item to be tried again at {@code next}, keeping why it failed (cut to
     * {@value #MAX_ERROR} characters; it must hold no personal data).
     *
     * @return whether it was there
     * @throws StoreException if the database fails
     */
    public boolean retryLater(long id, Instant next, String error) {
        Require.nonNull("next", next);
        String kept = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return jdbc.update("reschedule outbox item " + id,
                "UPDATE kasvu_outbox SET due_at = ?, leased_until = NULL, last_error = ? WHERE id = ?", statement -> {
                    Jdbc.setInstant(statement, 1, next);
                    statement.setString(2, kept);
                    statement.setLong(3, id);
                }) == 1;
    }

    /**
     * Every item of the tenant and topic not yet done, claimed or not, oldest due first.
     *
     * @throws StoreException if the database fails
     */
    public List<OutboxItem> pending(TenantId tenant, String topic) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("topic", topic);
        return jdbc.query("list pending " + topic,
                "SELECT " + COLUMNS + " FROM kasvu_outbox WHERE tenant = ? AND topic = ? ORDER BY due_at, id",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setString(2, topic);
                }, Outbox::item);
    }

    private static OutboxItem item(ResultSet row) throws SQLException {
        return new OutboxItem(row.getLong("id"), TenantId.of(row.getString("tenant")), row.getString("topic"),
                row.getString("payload"), Jdbc.instant(row, "due_at"), Jdbc.instant(row, "leased_until"),
                row.getInt("attempts"), row.getString("last_error"));
    }

}
