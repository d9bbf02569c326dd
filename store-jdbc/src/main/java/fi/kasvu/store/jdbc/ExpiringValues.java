package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived text values by namespace and key, shared by every instance: LTI launch state
 * between login and launch, sessions. A value past its expiry is as absent as one never put.
 */
public final class ExpiringValues {

    /** The longest key accepted. */
    public static final int MAX_KEY = 500;

    private final Jdbc jdbc;
    private final Dialect dialect;

    private ExpiringValues(KasvuDatabase database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    /**
     * The expiring values of the database.
     *
     * @throws NullPointerException if the database is null
     */
    public static ExpiringValues of(KasvuDatabase database) {
        return new ExpiringValues(Require.nonNull("database", database));
    }

    /**
     * Stores the value under the key, replacing any value there.
     *
     * @throws IllegalArgumentException naming the namespace or key if it is blank or too long
     * @throws StoreException           if the database fails
     */
    public void put(String namespace, String key, String value, Instant expiresAt) {
        checkKey(namespace, key);
        Require.nonNull("value", value);
        Require.nonNull("expiresAt", expiresAt);
        String sql = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO kasvu_expiring_value (namespace, item_key, item_value, expires_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (namespace, item_key) DO UPDATE SET item_value = EXCLUDED.item_value, "
                        + "expires_at = EXCLUDED.expires_at"
                : "MERGE INTO kasvu_expiring_value (namespace, item_key, item_value, expires_at) KEY (namespace, item_key) "
                        + "VALUES (?, ?, ?, ?)";
        jdbc.update("put an expiring value in " + namespace, sql, statement -> {
            statement.setString(1, namespace);
            statement.setString(2, key);
            statement.setString(3, value);
            Jdbc.setInstant(statement, 4, expiresAt);
        });
    }

    /**
     * The value under the key, if it is there and has not expired at {@code now}.
     *
     * @throws StoreException if the database fails
     */
    public Optional<String> get(String namespace, String key, Instant now) {
        checkKey(namespace, key);
        Require.nonNull("now", now);
        return jdbc.queryOne("read an expiring value in " + namespace,
                "SELECT item_value FROM kasvu_expiring_value WHERE namespace = ? AND item_key = ? AND expires_at > ?",
                statement -> {
                    statement.setString(1, namespace);
                    statement.setString(2, key);
                    Jdbc.setInstant(statement, 3, now);
                }, row -> row.getString(1));
    }

    /**
     * Reads and removes the value in one step: of several instances taking the same key, exactly
     * one gets the value (launch state is used once).
     *
     * @return the value if it was there and had not expired at {@code now}
     * @throws StoreException if the database fails
     */
    public Optional<String> take(String namespace, String key, Instant now) {
        checkKey(namespace, key);
        Require.nonNull("now", now);
        // One statement, so one round trip and one transaction: the delete returns what it removed.
        String sql = dialect == Dialect.POSTGRESQL
                ? "DELETE FROM kasvu_expiring_value WHERE namespace = ? AND item_key = ? AND expires_at > ? "
                        + "RETURNING item_value"
                : "SELECT item_value FROM OLD TABLE (DELETE FROM kasvu_expiring_value WHERE namespace = ? "
                        + "AND item_key = ? AND expires_at > ?)";
        List<String> taken = jdbc.withConnection("take an expiring value in " + namespace, connection ->
                Jdbc.query(connection, sql, statement -> {
                    statement.setString(1, namespace);
                    statement.setString(2, key);
                    Jdbc.setInstant(statement, 3, now);
                }, row -> row.getString(1)));
        return taken.isEmpty() ? Optional.empty() : Optional.of(taken.get(0));
    }

    /**
     * Removes the value under the key, expired or not.
     *
     * @return whether there was one
     * @throws StoreException if the database fails
     */
    public boolean remove(String namespace, String key) {
        checkKey(namespace, key);
        return jdbc.update("remove an expiring value in " + namespace,
                "DELETE FROM kasvu_expiring_value WHERE namespace = ? AND item_key = ?",
                statement -> {
                    statement.setString(1, namespace);
                    statement.setString(2, key);
                }) == 1;
    }

    /**
     * Removes every value that expired at or before the instant.
     *
     * @return how many were purged
     * @throws StoreException if the database fails
     */
    public int purgeExpired(Instant now) {
        Require.nonNull("now", now);
        return jdbc.purgeInBatches("purge expired values", "DELETE FROM kasvu_expiring_value"
                + " WHERE (namespace, item_key) IN (SELECT namespace, item_key FROM kasvu_expiring_value"
                + " WHERE expires_at <= ? FETCH FIRST " + Jdbc.PURGE_BATCH + " ROWS ONLY)",
                statement -> Jdbc.setInstant(statement, 1, now));
    }

    private static void checkKey(String namespace, String key) {
        Require.id("namespace", namespace);
        Require.nonNull("key", key);
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("key must be 1.." + MAX_KEY + " characters: " + key.length() + " characters");
        }
    }
}
