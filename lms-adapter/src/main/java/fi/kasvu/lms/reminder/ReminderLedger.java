package fi.kasvu.lms.reminder;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.store.jdbc.Dialect;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The reminders' ledger in the shared database: each reminder is a row whose key (tenant, kind,
 * document, item, recipient) is unique, so recording it again changes nothing; a scheduler owns a
 * reminder only by claiming it (PENDING → SENDING) in one committed update that only one instance
 * can win. A claimed reminder is never sent again: a failed send puts it back for a later attempt,
 * a send cut short by a crash stays SENDING and is reported, never repeated.
 */
public final class ReminderLedger {

    /** Where a reminder stands. */
    public enum State {
        /** Waiting to be sent (again). */
        PENDING,
        /** Claimed by one scheduler and being sent. */
        SENDING,
        /** Sent. */
        SENT,
        /** Not sent: the recipient opted out or has no address. */
        SKIPPED,
        /** Every attempt failed; reported, not tried again. */
        FAILED,
        /**
         * Claimed and never finished: the instance stopped while sending, so whether it went out is
         * unknown. Never sent again (a reminder is never sent twice); reported to the organiser.
         */
        UNCERTAIN
    }

    /**
     * One reminder.
     *
     * @param tenant   the tenant
     * @param item     what it reminds of
     * @param attempts how many sends failed so far
     */
    public record Reminder(TenantId tenant, DueItem item, int attempts) {
    }

    /**
     * A person's reminder contact.
     *
     * @param email     their address, or null when they get reminders only through the platform
     * @param language  the language of their reminders
     * @param token     the opt-out token carried in every reminder
     * @param optedOut  whether they opted out
     */
    public record Contact(String email, Language language, String token, boolean optedOut) {
        /** Whether reminders can go to an e-mail address. */
        public boolean hasEmail() {
            return email != null && !email.isBlank();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KasvuDatabase database;

    /** The ledger on the database (its tables come with migration V10). */
    public ReminderLedger(KasvuDatabase database) {
        this.database = database;
    }

    /**
     * Records a reminder unless it is recorded already.
     *
     * @return whether it was new
     */
    public boolean record(TenantId tenant, DueItem item, Instant now) {
        String sql = "INSERT INTO kasvu_reminder (tenant, kind, document_id, item_id, recipient, due_at, state, "
                + "next_attempt, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)"
                + (database.dialect() == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "");
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            key(s, 1, tenant, item);
            s.setObject(6, utc(item.due()));
            s.setObject(7, utc(now));
            s.setObject(8, utc(now));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("recording a reminder failed: " + e.getSQLState(), e);
        }
    }

    /** The reminders waiting to be sent now, soonest due first, at most {@code limit}. */
    public List<Reminder> pending(Instant now, int limit) {
        String sql = "SELECT tenant, kind, document_id, item_id, recipient, due_at, attempts FROM kasvu_reminder "
                + "WHERE state = 'PENDING' AND next_attempt <= ? ORDER BY due_at, recipient LIMIT " + limit;
        List<Reminder> found = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, utc(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Reminder(TenantId.of(r.getString(1)), new DueItem(PersonId.of(r.getString(5)),
                            r.getString(2), r.getString(3), r.getString(4), r.getObject(6, OffsetDateTime.class).toInstant()),
                            r.getInt(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading pending reminders failed: " + e.getSQLState(), e);
        }
        return found;
    }

    /**
     * Claims a pending reminder for one scheduler, in one committed update.
     *
     * @return whether this scheduler won it (false: another instance did, or it is no longer pending)
     */
    public boolean claim(Reminder reminder, String instance, Instant now) {
        return update("UPDATE kasvu_reminder SET state = 'SENDING', claimed_by = ?, claimed_at = ? WHERE "
                + KEY + " AND state = 'PENDING' AND next_attempt <= ?", reminder, s -> {
                    s.setString(1, instance);
                    s.setObject(2, utc(now));
                    s.setObject(8, utc(now));
                }, 3) == 1;
    }

    /** Marks a claimed reminder sent (or skipped). */
    public void finish(Reminder reminder, String instance, State state, Instant now) {
        update("UPDATE kasvu_reminder SET state = ?, sent_at = ? WHERE " + KEY
                + " AND state = 'SENDING' AND claimed_by = ?", reminder, s -> {
                    s.setString(1, state.name());
                    s.setObject(2, utc(now));
                    s.setString(8, instance);
                }, 3);
    }

    /** Puts a claimed reminder back after a failed send: tried again at {@code next}, or FAILED when {@code giveUp}. */
    public void failed(Reminder reminder, String instance, String error, Instant next, boolean giveUp) {
        update("UPDATE kasvu_reminder SET state = ?, attempts = attempts + 1, next_attempt = ?, last_error = ? WHERE "
                + KEY + " AND state = 'SENDING' AND claimed_by = ?", reminder, s -> {
                    s.setString(1, giveUp ? State.FAILED.name() : State.PENDING.name());
                    s.setObject(2, utc(next));
                    s.setString(3, error.length() > 500 ? error.substring(0, 500) : error);
                    s.setString(9, instance);
                }, 4);
    }

    /** How many reminders are in the state (for reports and tests). */
    public int count(State state) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM kasvu_reminder WHERE state = ?")) {
            s.setString(1, state.name());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting reminders failed: " + e.getSQLState(), e);
        }
    }

    /** Reminders claimed before {@code before} and never finished: a send cut short (reported, never repeated). */
    public int uncertain(Instant before) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*) FROM kasvu_reminder WHERE state = 'SENDING' AND claimed_at < ?")) {
            s.setObject(1, utc(before));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting reminders failed: " + e.getSQLState(), e);
        }
    }

    /**
     * Settles the sends cut short: every reminder claimed before {@code before} and still SENDING
     * becomes UNCERTAIN, in one update, so it is reported once and never claimed or sent again.
     *
     * @return how many were settled now
     */
    public int settleUncertain(Instant before) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE kasvu_reminder SET state = 'UNCERTAIN' WHERE state = 'SENDING' AND claimed_at < ?")) {
            s.setObject(1, utc(before));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("settling reminders failed: " + e.getSQLState(), e);
        }
    }

    /** How many of one programme's (document's) reminders are UNCERTAIN, for its organiser's page. */
    public int uncertain(TenantId tenant, String documentId) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM kasvu_reminder WHERE tenant = ? AND "
                     + "document_id = ? AND state = 'UNCERTAIN'")) {
            s.setString(1, tenant.value());
            s.setString(2, documentId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting reminders failed: " + e.getSQLState(), e);
        }
    }

    /** Whether the reminder went out through the platform already (in an earlier attempt). */
    public boolean sentThroughPlatform(Reminder reminder) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT platform_sent_at FROM kasvu_reminder WHERE " + KEY)) {
            key(s, 1, reminder.tenant(), reminder.item());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getObject(1) != null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a reminder failed: " + e.getSQLState(), e);
        }
    }

    /** Marks a claimed reminder sent through the platform, so that a retry of its e-mail does not repeat it. */
    public void sentThroughPlatform(Reminder reminder, String instance, Instant now) {
        update("UPDATE kasvu_reminder SET platform_sent_at = ? WHERE " + KEY
                + " AND state = 'SENDING' AND claimed_by = ?", reminder, s -> {
                    s.setObject(1, utc(now));
                    s.setString(7, instance);
                }, 2);
    }

    // ---- contacts ----

    /**
     * The person's contact, made without an address if they have none, so that reminders through the
     * platform carry an opt-out link and honour an opt-out.
     */
    public Contact contactFor(TenantId tenant, PersonId person, Language language, Instant now) {
        Optional<Contact> existing = contact(tenant, person);
        if (existing.isPresent()) {
            return existing.get();
        }
        String sql = "INSERT INTO kasvu_reminder_contact (tenant, person, email, language, optout_token, created_at) "
                + "VALUES (?, ?, NULL, ?, ?, ?)" + (database.dialect() == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING"
                : "");
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.value());
            s.setString(2, person.value());
            s.setString(3, language.code());
            s.setString(4, token());
            s.setObject(5, utc(now));
            s.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("saving a reminder contact failed: " + e.getSQLState(), e);
            }
        }
        return contact(tenant, person).orElseThrow(() -> new IllegalStateException("a reminder contact vanished"));
    }

    /** Saves the person's address and language (opting them in again); returns their opt-out token. */
    public String subscribe(TenantId tenant, PersonId person, String email, Language language, Instant now) {
        Optional<Contact> existing = contact(tenant, person);
        String token = existing.map(Contact::token).orElseGet(ReminderLedger::token);
        String sql = existing.isPresent()
                ? "UPDATE kasvu_reminder_contact SET email = ?, language = ?, opted_out_at = NULL WHERE tenant = ? "
                        + "AND person = ?"
                : "INSERT INTO kasvu_reminder_contact (email, language, tenant, person, optout_token, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, email);
            s.setString(2, language.code());
            s.setString(3, tenant.value());
            s.setString(4, person.value());
            if (existing.isEmpty()) {
                s.setString(5, token);
                s.setObject(6, utc(now));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving a reminder contact failed: " + e.getSQLState(), e);
        }
        reopenSkipped(tenant, person, now);
        return token;
    }

    /**
     * Puts the person's skipped reminders that are still ahead back to pending: they were skipped
     * because she had given no address yet (or had opted out), and she has just given one.
     *
     * @return how many were reopened
     */
    public int reopenSkipped(TenantId tenant, PersonId person, Instant now) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE kasvu_reminder SET state = 'PENDING', next_attempt = ?, claimed_by = NULL, claimed_at = NULL, "
                        + "sent_at = NULL WHERE tenant = ? AND recipient = ? AND state = 'SKIPPED' AND due_at > ?")) {
            s.setObject(1, utc(now));
            s.setString(2, tenant.value());
            s.setString(3, person.value());
            s.setObject(4, utc(now));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("reopening skipped reminders failed: " + e.getSQLState(), e);
        }
    }

    /** Opts the person out by their own choice on the page; whether they were opted in. */
    public boolean stop(TenantId tenant, PersonId person, Instant now) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE kasvu_reminder_contact SET opted_out_at = ? WHERE tenant = ? AND person = ? "
                        + "AND opted_out_at IS NULL")) {
            s.setObject(1, utc(now));
            s.setString(2, tenant.value());
            s.setString(3, person.value());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("opting out failed: " + e.getSQLState(), e);
        }
    }

    /** The person's contact, if they gave one. */
    public Optional<Contact> contact(TenantId tenant, PersonId person) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT email, language, optout_token, opted_out_at FROM kasvu_reminder_contact WHERE tenant = ? "
                        + "AND person = ?")) {
            s.setString(1, tenant.value());
            s.setString(2, person.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Contact(r.getString(1), Language.ofCode(r.getString(2)),
                        r.getString(3), r.getTimestamp(4) != null)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a reminder contact failed: " + e.getSQLState(), e);
        }
    }

    /** The outcome of an opt-out link. */
    public enum OptOut {
        /** The person is opted out now. */
        DONE,
        /** They had opted out already (the link was used before). */
        ALREADY,
        /** No such token. */
        UNKNOWN
    }

    /** Opts out the person whose reminders carry the token; the language of their pages comes with it. */
    public OptOut optOut(String token, Instant now) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return OptOut.UNKNOWN;
        }
        try (Connection c = database.connection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE kasvu_reminder_contact SET opted_out_at = ? "
                    + "WHERE optout_token = ? AND opted_out_at IS NULL")) {
                s.setObject(1, utc(now));
                s.setString(2, token);
                if (s.executeUpdate() == 1) {
                    return OptOut.DONE;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM kasvu_reminder_contact WHERE optout_token = ?")) {
                s.setString(1, token);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? OptOut.ALREADY : OptOut.UNKNOWN;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("opting out failed: " + e.getSQLState(), e);
        }
    }

    /** The language of the contact with the token (for the opt-out page), if any. */
    public Optional<Language> languageOf(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT language FROM kasvu_reminder_contact WHERE optout_token = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Language.ofCode(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a reminder contact failed: " + e.getSQLState(), e);
        }
    }

    // ---- personal data (kasvu gdpr) ----

    /**
     * One of a person's reminders, for their export: what it reminded of and where it stands.
     *
     * @param kind           the kind of thing it reminds of (a programme's reflection, a plan's review …)
     * @param documentId     the document it is about
     * @param itemId         the item in the document
     * @param due            when the item is due
     * @param state          where the reminder stands ({@link State})
     * @param attempts       how many sends failed
     * @param sentAt         when it was sent or skipped, or null
     * @param platformSentAt when it went out through the platform, or null
     * @param lastError      the last send's error, or null
     * @param createdAt      when it was recorded
     */
    public record PersonReminder(String kind, String documentId, String itemId, Instant due, String state, int attempts,
                                 Instant sentAt, Instant platformSentAt, String lastError, Instant createdAt) {
    }

    /**
     * A person's stored contact as a whole, for their export (the opt-out token is left out: it is a
     * capability, like a session's token).
     *
     * @param email      their address, or null
     * @param language   the language of their reminders
     * @param optedOutAt when they opted out, or null
     * @param createdAt  when the contact was made
     */
    public record StoredContact(String email, Language language, Instant optedOutAt, Instant createdAt) {
    }

    /** Every reminder recorded for the person in the tenant, oldest first. */
    public List<PersonReminder> remindersOf(TenantId tenant, PersonId person) {
        List<PersonReminder> found = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT kind, document_id, item_id, due_at, state, attempts, sent_at, platform_sent_at, last_error, "
                        + "created_at FROM kasvu_reminder WHERE tenant = ? AND recipient = ? ORDER BY created_at, "
                        + "kind, document_id, item_id")) {
            s.setString(1, tenant.value());
            s.setString(2, person.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new PersonReminder(r.getString(1), r.getString(2), r.getString(3), instant(r, 4),
                            r.getString(5), r.getInt(6), instant(r, 7), instant(r, 8), r.getString(9), instant(r, 10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a person's reminders failed: " + e.getSQLState(), e);
        }
        return found;
    }

    /** The person's contact as stored, if any. */
    public Optional<StoredContact> storedContact(TenantId tenant, PersonId person) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT email, language, opted_out_at, created_at FROM kasvu_reminder_contact WHERE tenant = ? "
                        + "AND person = ?")) {
            s.setString(1, tenant.value());
            s.setString(2, person.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new StoredContact(r.getString(1), Language.ofCode(r.getString(2)),
                        instant(r, 3), instant(r, 4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a reminder contact failed: " + e.getSQLState(), e);
        }
    }

    /**
     * What erasing a person removed.
     *
     * @param contacts  reminder contacts deleted (0 or 1)
     * @param reminders reminders deleted
     */
    public record Erased(int contacts, int reminders) {
    }

    /**
     * Erases the person from the reminders: their contact (address, language, opt-out) and every
     * reminder recorded for them, in one transaction. A reminder of theirs that becomes due again
     * is recorded anew only if they are still in a programme or plan (erasing those is the
     * documents' business, done by the same command).
     */
    public Erased erase(TenantId tenant, PersonId person) {
        try (Connection c = database.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int reminders;
                int contacts;
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM kasvu_reminder WHERE tenant = ? AND recipient = ?")) {
                    s.setString(1, tenant.value());
                    s.setString(2, person.value());
                    reminders = s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM kasvu_reminder_contact WHERE tenant = ? AND person = ?")) {
                    s.setString(1, tenant.value());
                    s.setString(2, person.value());
                    contacts = s.executeUpdate();
                }
                c.commit();
                return new Erased(contacts, reminders);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("erasing a person's reminders failed: " + e.getSQLState(), e);
        }
    }

    /** The tenants that hold reminders or reminder contacts. */
    public java.util.Set<String> tenants() {
        java.util.Set<String> tenants = new java.util.TreeSet<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT tenant FROM kasvu_reminder UNION SELECT DISTINCT tenant FROM kasvu_reminder_contact");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                tenants.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the reminders' tenants failed: " + e.getSQLState(), e);
        }
        return tenants;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The instant as the database keeps it: H2 and PostgreSQL both round timestamps to microseconds,
     * so a reminder recorded at a clock's nanosecond instant would otherwise be stored after that
     * same instant and not be pending in the round that recorded it.
     */
    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final String KEY = "tenant = ? AND kind = ? AND document_id = ? AND item_id = ? AND recipient = ?";

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Reminder reminder, Binder binder, int keyAt) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            key(s, keyAt, reminder.tenant(), reminder.item());
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating a reminder failed: " + e.getSQLState(), e);
        }
    }

    private static void key(PreparedStatement s, int from, TenantId tenant, DueItem item) throws SQLException {
        s.setString(from, tenant.value());
        s.setString(from + 1, item.kind());
        s.setString(from + 2, item.documentId());
        s.setString(from + 3, item.itemId());
        s.setString(from + 4, item.recipient().value());
    }
}
