package fi.kasvu.lms.server;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.reminder.ReminderLedger;
import fi.kasvu.store.jdbc.KasvuDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The personal data the LMS adapter keeps in its own tables, apart from the documents: reminder
 * contacts (e-mail address, language, opt-out), the reminders recorded for a person, and their
 * programme calendar subscriptions. {@code kasvu gdpr} exports and erases them with the rest.
 *
 * <p>Not covered here, because they hold no person or live only minutes: LTI launch states and
 * nonces (purged within minutes), 360 rater links (a token hash leading to an assessment, no
 * person) and the Moodle ids of course events Kasvu made (keyed by course and event).
 */
public final class LmsPersonalData {

    private final KasvuDatabase database;
    private final ReminderLedger reminders;

    private LmsPersonalData(KasvuDatabase database) {
        this.database = database;
        this.reminders = new ReminderLedger(database);
    }

    /** The LMS adapter's personal data on the database. */
    public static LmsPersonalData on(KasvuDatabase database) {
        return new LmsPersonalData(java.util.Objects.requireNonNull(database, "database"));
    }

    /**
     * What erasing a person removed.
     *
     * @param contacts  reminder contacts deleted
     * @param reminders reminders deleted
     * @param calendars calendar subscriptions ended
     */
    public record Erased(int contacts, int reminders, int calendars) {
    }

    /** The tenants that hold any of this data. */
    public Set<String> tenants() {
        Set<String> tenants = new TreeSet<>(reminders.tenants());
        for (Subscription subscription : subscriptions()) {
            tenants.add(subscription.tenant());
        }
        return tenants;
    }

    /**
     * The person's data in the tenant: {@code reminderContact} (or null), {@code reminders} and
     * {@code calendarSubscriptions}. Opt-out tokens and calendar secrets are never exported: they
     * are capabilities, like a session's token.
     */
    public JsonObject export(TenantId tenant, PersonId person) {
        JsonObjectBuilder root = Json.createObjectBuilder();
        var contact = reminders.storedContact(tenant, person);
        if (contact.isPresent()) {
            JsonObjectBuilder c = Json.createObjectBuilder();
            if (contact.get().email() == null) {
                c.addNull("email");
            } else {
                c.add("email", contact.get().email());
            }
            c.add("language", contact.get().language().code());
            time(c, "optedOutAt", contact.get().optedOutAt());
            time(c, "createdAt", contact.get().createdAt());
            root.add("reminderContact", c);
        } else {
            root.addNull("reminderContact");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ReminderLedger.PersonReminder r : reminders.remindersOf(tenant, person)) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("kind", r.kind()).add("documentId", r.documentId())
                    .add("itemId", r.itemId()).add("state", r.state()).add("attempts", r.attempts());
            time(item, "dueAt", r.due());
            time(item, "sentAt", r.sentAt());
            time(item, "platformSentAt", r.platformSentAt());
            time(item, "createdAt", r.createdAt());
            if (r.lastError() == null) {
                item.addNull("lastError");
            } else {
                item.add("lastError", r.lastError());
            }
            list.add(item);
        }
        root.add("reminders", list);
        JsonArrayBuilder calendars = Json.createArrayBuilder();
        for (Subscription s : subscriptions()) {
            if (s.tenant().equals(tenant.value()) && s.person().equals(person.value())) {
                calendars.add(Json.createObjectBuilder().add("programmeId", s.programmeId())
                        .add("language", s.language()).add("expiresAt", s.expiresAt().toString()));
            }
        }
        root.add("calendarSubscriptions", calendars);
        return root.build();
    }

    /** Erases the person's contact, reminders and calendar subscriptions in the tenant. */
    public Erased erase(TenantId tenant, PersonId person) {
        ReminderLedger.Erased erased = reminders.erase(tenant, person);
        int calendars = 0;
        for (Subscription s : subscriptions()) {
            if (s.tenant().equals(tenant.value()) && s.person().equals(person.value())) {
                calendars += delete(CALENDAR_BY_SECRET, s.key());
                delete(CALENDAR_BY_PERSON, StoredCalendarSubscriptions.sha256(
                        s.tenant() + "\n" + s.programmeId() + "\n" + s.person()));
            }
        }
        return new Erased(erased.contacts(), erased.reminders(), calendars);
    }

    /** Whether anything of the person is left in the tenant (after an erasure: nothing should be). */
    public boolean holds(TenantId tenant, PersonId person) {
        return reminders.storedContact(tenant, person).isPresent() || !reminders.remindersOf(tenant, person).isEmpty()
                || subscriptions().stream().anyMatch(s -> s.tenant().equals(tenant.value())
                && s.person().equals(person.value()));
    }

    // ---- remembered score targets (OutboxScores.remember): keyed by a hash of the platform user id ----

    /**
     * One remembered score target of a person: where her score for a document goes when the document
     * is completed on another placement's page.
     *
     * @param key        the stored key (hashes only)
     * @param tenant     the tenant
     * @param kind       the document's kind ("" if stored before kinds were kept)
     * @param documentId the document ("" likewise)
     * @param issuer     the platform
     * @param lineItem   the graded placement's line item
     * @param expiresAt  when it is forgotten
     */
    public record ScoreTarget(String key, String tenant, String kind, String documentId, String issuer,
                              String lineItem, Instant expiresAt) {
    }

    /**
     * Every remembered score target of the platform user (LTI {@code sub}), expired ones included
     * (they hold her until purged), in any tenant.
     */
    public List<ScoreTarget> scoreTargets(String subject) {
        List<ScoreTarget> found = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT item_key, item_value, expires_at FROM kasvu_expiring_value WHERE namespace = ? "
                        + "AND item_key LIKE ?")) {
            s.setString(1, OutboxScores.TARGETS);
            s.setString(2, OutboxScores.personPrefix(subject) + ".%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    JsonObject value;
                    try {
                        value = Json.createReader(new java.io.StringReader(r.getString(2))).readObject();
                    } catch (RuntimeException unreadable) {
                        value = Json.createObjectBuilder().build();
                    }
                    found.add(new ScoreTarget(r.getString(1), value.getString("tenant", ""),
                            value.getString("kind", ""), value.getString("documentId", ""),
                            value.getString("issuer", ""), value.getString("lineItem", ""),
                            r.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading remembered score targets failed: " + e.getSQLState(), e);
        }
        return found;
    }

    /** The tenants where the platform user has remembered score targets. */
    public Set<String> scoreTargetTenants(String subject) {
        Set<String> tenants = new TreeSet<>();
        for (ScoreTarget target : scoreTargets(subject)) {
            if (!target.tenant().isEmpty()) {
                tenants.add(target.tenant());
            }
        }
        return tenants;
    }

    /** The platform user's remembered score targets in the tenant, for her data export. */
    public JsonArrayBuilder exportScoreTargets(TenantId tenant, String subject) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ScoreTarget t : scoreTargets(subject)) {
            if (t.tenant().equals(tenant.value())) {
                list.add(Json.createObjectBuilder().add("kind", t.kind()).add("documentId", t.documentId())
                        .add("issuer", t.issuer()).add("lineItem", t.lineItem())
                        .add("expiresAt", t.expiresAt().toString()));
            }
        }
        return list;
    }

    /**
     * Forgets the platform user's remembered score targets in the tenant (or in every tenant when
     * the tenant is null; a target whose value is unreadable goes with any erasure of her).
     *
     * @return how many were removed
     */
    public int eraseScoreTargets(TenantId tenant, String subject) {
        int removed = 0;
        for (ScoreTarget t : scoreTargets(subject)) {
            if (tenant == null || t.tenant().equals(tenant.value()) || t.tenant().isEmpty()) {
                removed += delete(OutboxScores.TARGETS, t.key());
            }
        }
        return removed;
    }

    private static final String CALENDAR_BY_SECRET = "calendar.secret";
    private static final String CALENDAR_BY_PERSON = "calendar.person";

    /** A stored calendar subscription (the value {@link StoredCalendarSubscriptions} keeps under a secret's hash). */
    private record Subscription(String key, String tenant, String programmeId, String person, String language,
                                Instant expiresAt) {
    }

    /** Every calendar subscription stored, expired ones included (they hold the person until purged). */
    private List<Subscription> subscriptions() {
        List<Subscription> found = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT item_key, item_value, expires_at FROM kasvu_expiring_value WHERE namespace = ?")) {
            s.setString(1, CALENDAR_BY_SECRET);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String[] parts = r.getString(2).split("\n", -1);
                    if (parts.length == 4) {
                        found.add(new Subscription(r.getString(1), parts[0], parts[1], parts[2], parts[3],
                                r.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading calendar subscriptions failed: " + e.getSQLState(), e);
        }
        return found;
    }

    private int delete(String namespace, String key) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM kasvu_expiring_value WHERE namespace = ? AND item_key = ?")) {
            s.setString(1, namespace);
            s.setString(2, key);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing a " + namespace + " value failed: " + e.getSQLState(), e);
        }
    }

    private static void time(JsonObjectBuilder builder, String name, Instant value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value.toString());
        }
    }
}
