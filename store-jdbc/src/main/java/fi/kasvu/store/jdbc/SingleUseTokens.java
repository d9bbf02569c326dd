package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Values that may be used once, across every instance sharing the database: LTI nonces and
 * similar. Consuming is one insert-if-absent, so of two instances consuming the same value at the
 * same moment exactly one succeeds. Only a SHA-256 of each value is stored.
 */
public final class SingleUseTokens {

    private final Jdbc jdbc;
    private final Dialect dialect;

    private SingleUseTokens(KasvuDatabase database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    /**
     * The single-use tokens of the database.
     *
     * @throws NullPointerException if the database is null
     */
    public static SingleUseTokens of(KasvuDatabase database) {
        return new SingleUseTokens(Require.nonNull("database", database));
    }

    /**
     * Uses the value up: true the first time it is consumed in the namespace on any instance,
     * false ever after (until it has expired and been purged, by when its issuer rejects it anyway).
     *
     * @param namespace what the value is, such as {@code lti.nonce}
     * @param value     the value; any length
     * @param expiresAt when the record may be purged
     * @throws IllegalArgumentException naming the namespace if it is blank or too long
     * @throws StoreException           if the database fails
     */
    public boolean consume(String namespace, String value, Instant expiresAt) {
        Require.id("namespace", namespace);
        Require.nonNull("value", value);
        Require.nonNull("expiresAt", expiresAt);
        String hash = sha256(value);
        String sql = "INSERT INTO kasvu_single_use_token (namespace, token_hash, expires_at) VALUES (?, ?, ?)"
                + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "");
        return jdbc.withConnection("consume a single-use token in " + namespace, connection -> {
            try {
                return Jdbc.update(connection, sql, statement -> {
                    statement.setString(1, namespace);
                    statement.setString(2, hash);
                    Jdbc.setInstant(statement, 3, expiresAt);
                }) == 1;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Forgets every token that expired before the instant.
     *
     * @return how many were purged
     * @throws StoreException if the database fails
     */
    public int purgeExpired(Instant now) {
        Require.nonNull("now", now);
        return jdbc.purgeInBatches("purge expired single-use tokens", "DELETE FROM kasvu_single_use_token"
                + " WHERE (namespace, token_hash) IN (SELECT namespace, token_hash FROM kasvu_single_use_token"
                + " WHERE expires_at <= ? FETCH FIRST " + Jdbc.PURGE_BATCH + " ROWS ONLY)",
                statement -> Jdbc.setInstant(statement, 1, now));
    }

    static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
