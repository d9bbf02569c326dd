package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each learner's completion score for one graded activity and where its delivery stands, one row
 * per (tenant, line item, platform user): {@code queued}, {@code delivered}, {@code retrying} (with
 * the next attempt), {@code refused} (with the platform's status and message) or {@code superseded}
 * (the platform holds a newer score, HTTP 409).
 *
 * <p>Queuing writes the row and the {@link Outbox} item in one transaction, so a queued state
 * always has work behind it. The rows hold a platform user id: personal data, exported and erased
 * with the person ({@link #ofSubject}, {@link #erase}).
 */
public final class ScoreStates {

    /** The longest platform message kept; longer ones are cut. */
    public static final int MAX_MESSAGE = 500;

    /** The stored states. */
    public enum State {
        /** Waiting for its first delivery. */
        QUEUED,
        /** The platform accepted it. */
        DELIVERED,
        /** A delivery failed for a reason that may pass; tried again at the next attempt. */
        RETRYING,
        /** The platform refused it; not tried again until a teacher re-sends it. */
        REFUSED,
        /** The platform answered 409: it holds a newer score. */
        SUPERSEDED;

        /** The stored name ({@code queued}). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State ofCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Where a score goes and what it is about.
     *
     * @param tenant     the tenant
     * @param issuer     the platform
     * @param clientId   the tool's client id there
     * @param lineItem   the line item URL
     * @param subject    the platform user id of the learner
     * @param kind       the activity kind
     * @param documentId the completed document
     */
    public record Target(TenantId tenant, String issuer, String clientId, String lineItem, String subject, String kind,
                         String documentId) {
        /** @throws NullPointerException naming the part if one is null */
        public Target {
            Require.nonNull("tenant", tenant);
            Require.nonNull("issuer", issuer);
            Require.nonNull("clientId", clientId);
            Require.nonBlank("lineItem", lineItem);
            Require.nonBlank("subject", subject);
            Require.nonNull("kind", kind);
            Require.nonNull("documentId", documentId);
        }

        /** The row's key: a SHA-256 of tenant, line item and subject. */
        public String key() {
            return ScoreStates.key(tenant, lineItem, subject);
        }
    }

    /**
     * One stored score state.
     *
     * @param target      where the score goes
     * @param score       the score
     * @param maximum     its maximum
     * @param state       where it stands
     * @param attempts    delivery attempts made
     * @param nextAttempt when a retrying score is tried next (null otherwise)
     * @param status      the platform's HTTP status of a refusal or supersession (0 if none)
     * @param message     the platform's message, cut short ("" if none)
     * @param queuedAt    when it was (last) queued
     * @param updatedAt   when the state last changed
     */
    public record Stored(Target target, double score, double maximum, State state, int attempts, Instant nextAttempt,
                         int status, String message, Instant queuedAt, Instant updatedAt) {
        /** @throws NullPointerException naming the part if a required one is null */
        public Stored {
            Require.nonNull("target", target);
            Require.nonNull("state", state);
            message = message == null ? "" : message;
            Require.nonNull("queuedAt", queuedAt);
            Require.nonNull("updatedAt", updatedAt);
        }
    }

    private static final String COLUMNS = "score_key, tenant, subject, issuer, client_id, line_item, kind, document_id, "
            + "score, maximum, state, attempts, next_attempt, status, message, queued_at, updated_at";

    private final Jdbc jdbc;

    private ScoreStates(KasvuDatabase database) {
        this.jdbc = database.jdbc();
    }

    /**
     * The score states of the database.
     *
     * @throws NullPointerException if the database is null
     */
    public static ScoreStates of(KasvuDatabase database) {
        return new ScoreStates(Require.nonNull("database", database));
    }

    /** The key of a learner's score on a line item in a tenant. */
    public static String key(TenantId tenant, String lineItem, String subject) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(tenant.value(), lineItem, subject)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) (bytes.length >>> 24));
                sha.update((byte) (bytes.length >>> 16));
                sha.update((byte) (bytes.length >>> 8));
                sha.update((byte) bytes.length);
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    /**
     * Queues a completion's score: the state becomes {@code queued} and the outbox item is added,
     * in one transaction. Nothing is queued when the same score of the same document is already
     * queued, delivering or delivered (a completion read twice, or by the sweeper and the request).
     *
     * @param payload the outbox payload, made from the stored row's target and score
     * @return whether a score was queued
     * @throws StoreException if the database fails
     */
    public boolean queue(Target target, double score, double maximum, String topic, String payload, Instant now) {
        Require.nonNull("target", target);
        Require.nonNull("payload", payload);
        Require.nonNull("now", now);
        try {
            return queueOnce(target, score, maximum, topic, payload, now);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                // Another instance (or the sweeper) recorded the same learner's score at the same moment.
                return false;
            }
            throw e;
        }
    }

    private boolean queueOnce(Target target, double score, double maximum, String topic, String payload, Instant now) {
        return jdbc.inTransaction("queue a score", connection -> {
            Optional<Stored> current = lockedRow(connection, target.key());
            if (current.isPresent() && current.get().target().documentId().equals(target.documentId())
                    && current.get().score() == score && current.get().maximum() == maximum) {
                return false;
            }
            if (current.isPresent()) {
                Jdbc.update(connection, "DELETE FROM kasvu_score_state WHERE score_key = ?",
                        s -> s.setString(1, target.key()));
            }
            insert(connection, new Stored(target, score, maximum, State.QUEUED, 0, null, 0, "", now, now));
            Outbox.enqueue(connection, target.tenant(), topic, payload, now);
            return true;
        });
    }

    /**
     * Queues a refused or superseded score again (a teacher's re-send), with a payload made from the
     * stored row, in one transaction.
     *
     * @return the state re-queued, or empty if there was none or it was not refused or superseded
     * @throws StoreException if the database fails
     */
    public Optional<Stored> resend(TenantId tenant, String lineItem, String subject, String topic,
                                   Function<Stored, String> payload, Instant now) {
        String key = key(tenant, lineItem, subject);
        return jdbc.inTransaction("re-send a score", connection -> {
            Optional<Stored> current = lockedRow(connection, key);
            if (current.isEmpty() || !(current.get().state() == State.REFUSED
                    || current.get().state() == State.SUPERSEDED)) {
                return Optional.<Stored>empty();
            }
            Stored again = new Stored(current.get().target(), current.get().score(), current.get().maximum(),
                    State.QUEUED, 0, null, 0, "", now, now);
            Jdbc.update(connection, "DELETE FROM kasvu_score_state WHERE score_key = ?", s -> s.setString(1, key));
            insert(connection, again);
            Outbox.enqueue(connection, tenant, topic, payload.apply(again), now);
            return Optional.of(again);
        });
    }

    /** The learner's score state on the line item, if a score was ever queued. */
    public Optional<Stored> find(TenantId tenant, String lineItem, String subject) {
        return jdbc.queryOne("read a score state", "SELECT " + COLUMNS + " FROM kasvu_score_state WHERE score_key = ?",
                s -> s.setString(1, key(tenant, lineItem, subject)), ScoreStates::stored);
    }

    /** Records that the platform accepted the score. */
    public boolean delivered(TenantId tenant, String lineItem, String subject, Instant at) {
        return change(tenant, lineItem, subject, State.DELIVERED, null, 0, "", at);
    }

    /** Records a failed delivery that is tried again at {@code next}. */
    public boolean retrying(TenantId tenant, String lineItem, String subject, Instant next, String reason, Instant at) {
        return change(tenant, lineItem, subject, State.RETRYING, Require.nonNull("next", next), 0, reason, at);
    }

    /** Records the platform's refusal. */
    public boolean refused(TenantId tenant, String lineItem, String subject, int status, String message, Instant at) {
        return change(tenant, lineItem, subject, State.REFUSED, null, status, message, at);
    }

    /** Records that the platform holds a newer score (HTTP 409). */
    public boolean superseded(TenantId tenant, String lineItem, String subject, int status, String message,
                              Instant at) {
        return change(tenant, lineItem, subject, State.SUPERSEDED, null, status, message, at);
    }

    private boolean change(TenantId tenant, String lineItem, String subject, State state, Instant next, int status,
                           String message, Instant at) {
        Require.nonNull("at", at);
        String kept = clean(message);
        return jdbc.update("record a score's " + state.code(), "UPDATE kasvu_score_state SET state = ?, "
                + "attempts = attempts + 1, next_attempt = ?, status = ?, message = ?, updated_at = ? "
                + "WHERE score_key = ?", s -> {
                    s.setString(1, state.code());
                    Jdbc.setInstant(s, 2, next);
                    if (status == 0) {
                        s.setNull(3, Types.INTEGER);
                    } else {
                        s.setInt(3, status);
                    }
                    s.setString(4, kept);
                    Jdbc.setInstant(s, 5, at);
                    s.setString(6, key(tenant, lineItem, subject));
                }) == 1;
    }

    /** Every score state of the platform user in the tenant (their data export). */
    public List<Stored> ofSubject(TenantId tenant, String subject) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("subject", subject);
        return jdbc.query("list a person's score states", "SELECT " + COLUMNS + " FROM kasvu_score_state "
                + "WHERE tenant = ? AND subject = ? ORDER BY queued_at", s -> {
                    s.setString(1, tenant.value());
                    s.setString(2, subject);
                }, ScoreStates::stored);
    }

    /**
     * Removes every score state of the platform user in the tenant (erasure).
     *
     * @return how many were removed
     */
    public int erase(TenantId tenant, String subject) {
        Require.nonNull("tenant", tenant);
        Require.nonNull("subject", subject);
        return jdbc.update("erase a person's score states", "DELETE FROM kasvu_score_state WHERE tenant = ? AND subject = ?",
                s -> {
                    s.setString(1, tenant.value());
                    s.setString(2, subject);
                });
    }

    /** Every tenant with a score state. */
    public List<String> tenants() {
        return jdbc.query("list the tenants with score states", "SELECT DISTINCT tenant FROM kasvu_score_state",
                s -> { }, row -> row.getString(1));
    }

    private static Optional<Stored> lockedRow(Connection connection, String key) throws SQLException {
        List<Stored> rows = Jdbc.query(connection, "SELECT " + COLUMNS + " FROM kasvu_score_state WHERE score_key = ? "
                + "FOR UPDATE", s -> s.setString(1, key), ScoreStates::stored);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static void insert(Connection connection, Stored row) throws SQLException {
        Target t = row.target();
        Jdbc.update(connection, "INSERT INTO kasvu_score_state (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setString(1, t.key());
                    s.setString(2, t.tenant().value());
                    s.setString(3, t.subject());
                    s.setString(4, t.issuer());
                    s.setString(5, t.clientId());
                    s.setString(6, t.lineItem());
                    s.setString(7, t.kind());
                    s.setString(8, t.documentId());
                    s.setDouble(9, row.score());
                    s.setDouble(10, row.maximum());
                    s.setString(11, row.state().code());
                    s.setInt(12, row.attempts());
                    Jdbc.setInstant(s, 13, row.nextAttempt());
                    s.setNull(14, Types.INTEGER);
                    s.setString(15, row.message());
                    Jdbc.setInstant(s, 16, row.queuedAt());
                    Jdbc.setInstant(s, 17, row.updatedAt());
                });
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Target target = new Target(TenantId.of(row.getString("tenant")), row.getString("issuer"),
                row.getString("client_id"), row.getString("line_item"), row.getString("subject"), row.getString("kind"),
                row.getString("document_id"));
        int status = row.getInt("status");
        if (row.wasNull()) {
            status = 0;
        }
        return new Stored(target, row.getDouble("score"), row.getDouble("maximum"), State.ofCode(row.getString("state")),
                row.getInt("attempts"), Jdbc.instant(row, "next_attempt"), status,
                row.getString("message"), Jdbc.instant(row, "queued_at"), Jdbc.instant(row, "updated_at"));
    }

    /** A platform message as kept: control characters replaced, cut to {@value #MAX_MESSAGE} characters. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String flat = message.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE - 1) + "…" : flat;
    }
}
