package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.activity.programme.CalendarSubscriptions;
import fi.kasvu.lms.cli.KasvuCommand;
import fi.kasvu.lms.reminder.ReminderLedger;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.ExpiringValues;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.session.StoredSession;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kasvu gdpr export|erase} covers the LMS adapter's own tables: the reminder contact
 * (e-mail address, language, opt-out), the reminders recorded for the person and their programme
 * calendar subscriptions, and the score targets remembered for them (keyed by hashes of their user
 * id); another person's stay. On H2 and on embedded PostgreSQL.
 */
class GdprLmsTablesTest {

    static final TenantId TENANT = TenantId.of("platform-gdpr");
    static final TenantId SESSION_ONLY = TenantId.of("platform-sessions-only");
    static final PersonId ANNA = PersonId.of("anna-1");
    static final PersonId BERT = PersonId.of("bert-2");
    static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = KasvuCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void onH2() throws Exception {
        DatabaseConfig config = TestDatabases.h2(Files.createTempDirectory("kasvu-gdpr-lms").resolve("db"));
        exportHoldsTheLmsTables_eraseRemovesThem_andTheOtherPersonStays(config);
    }

    @Test
    void onPostgres() throws Exception {
        exportHoldsTheLmsTables_eraseRemovesThem_andTheOtherPersonStays(TestDatabases.freshPostgres());
    }

    void exportHoldsTheLmsTables_eraseRemovesThem_andTheOtherPersonStays(DatabaseConfig config) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String annasSecret;
        String bertsSecret;
        String annasToken;
        List<String> before;
        try (KasvuDatabase db = KasvuDatabase.open(config)) {
            ReminderLedger ledger = new ReminderLedger(db);
            StoredCalendarSubscriptions calendars = new StoredCalendarSubscriptions(ExpiringValues.of(db), clock);
            for (PersonId person : new PersonId[] {ANNA, BERT}) {
                ledger.subscribe(TENANT, person, person.value() + "@example.org", Language.SV, NOW);
                ledger.record(TENANT, new DueItem(person, "programme.event.upcoming", "prog-1", "kick-off-"
                        + person.value(), NOW.plus(Duration.ofDays(2))), NOW);
            }
            // Where their scores go when a document is completed on another placement's page
            // (OutboxScores.remember): keyed by hashes only, yet hers.
            ExpiringValues values = ExpiringValues.of(db);
            for (PersonId person : new PersonId[] {ANNA, BERT}) {
                OutboxScores.rememberTarget(values, TENANT, "reflection", "ref-doc-" + person.value(), person.value(),
                        "https://moodle.example", "client-1", "https://moodle.example/ags/7/lineitem",
                        NOW.plus(Duration.ofDays(400)));
            }
            annasToken = ledger.contact(TENANT, ANNA).orElseThrow().token();
            ledger.stop(TENANT, ANNA, NOW.plusSeconds(60));
            annasSecret = calendars.renew(new CalendarSubscriptions.Subscriber(TENANT, "prog-1", ANNA, Language.SV));
            bertsSecret = calendars.renew(new CalendarSubscriptions.Subscriber(TENANT, "prog-1", BERT, Language.FI));
            // A tenant where Anna has nothing but an open session (no document, score or reminder).
            Instant now = Instant.now();
            KasvuRepositories.of(db, KasvuJson.create(), clock).sessions().put(new StoredSession("ab".repeat(32),
                    SESSION_ONLY, ANNA, "https://moodle.example", "activity:rl-1", "{}", now,
                    now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
            try (Connection c = db.dataSource().getConnection()) {
                before = DatabaseSweep.mentions(c, "anna-1");
            }
        }
        assertThat(before).as("the sweep sees where Anna is stored").contains("kasvu_reminder_contact.person",
                "kasvu_reminder_contact.email", "kasvu_reminder.recipient", "kasvu_expiring_value.item_value",
                "kasvu_session.person");
        String[] db = {"--db", config.url(), "--db-user", config.user()};

        Run export = run(concat(new String[] {"gdpr", "export", "--person", "anna-1"}, db));
        Run erase = run(concat(new String[] {"gdpr", "erase", "--person", "anna-1"}, db));
        Run after = run(concat(new String[] {"gdpr", "export", "--person", "anna-1"}, db));
        Run bert = run(concat(new String[] {"gdpr", "export", "--person", "bert-2"}, db));

        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("\"reminderContact\":{\"email\":\"anna-1@example.org\",\"language\":\"sv\","
                        + "\"optedOutAt\":\"2026-05-04T08:01:00Z\"", "\"kind\":\"programme.event.upcoming\"",
                "\"itemId\":\"kick-off-anna-1\"", "\"state\":\"PENDING\"",
                "\"calendarSubscriptions\":[{\"programmeId\":\"prog-1\",\"language\":\"sv\"",
                "\"scoreTargets\":[{\"kind\":\"reflection\",\"documentId\":\"ref-doc-anna-1\"",
                "\"lineItem\":\"https://moodle.example/ags/7/lineitem\"")
                .as("capabilities are never exported").doesNotContain(annasToken, annasSecret)
                .doesNotContain("bert-2");
        assertThat(erase.exit()).as(erase.out() + erase.err()).isZero();
        assertThat(export.out()).as("the session-only tenant is searched too").contains("\"openSessions\":1");
        assertThat(erase.out()).contains("1 sessions ended",
                "1 reminder contacts, 1 reminders and 1 calendar subscriptions removed",
                "1 remembered score targets removed",
                "Nothing was left behind");
        assertThat(after.out()).contains("\"reminderContact\":null", "\"reminders\":[]", "\"calendarSubscriptions\":[]",
                "\"scoreTargets\":[]").doesNotContain("anna-1@example.org", "kick-off-anna-1", "ref-doc-anna-1");
        assertThat(bert.out()).contains("bert-2@example.org", "kick-off-bert-2", "\"language\":\"fi\"",
                "\"documentId\":\"ref-doc-bert-2\"");
        try (KasvuDatabase reopened = KasvuDatabase.open(config)) {
            ReminderLedger ledger = new ReminderLedger(reopened);
            StoredCalendarSubscriptions calendars = new StoredCalendarSubscriptions(ExpiringValues.of(reopened), clock);
            assertThat(ledger.contact(TENANT, ANNA)).isEmpty();
            assertThat(ledger.remindersOf(TENANT, ANNA)).isEmpty();
            assertThat(ledger.optOut(annasToken, NOW)).as("her opt-out link is gone with her")
                    .isEqualTo(ReminderLedger.OptOut.UNKNOWN);
            assertThat(calendars.find(annasSecret)).as("her calendar address no longer answers").isEmpty();
            assertThat(calendars.active(TENANT, "prog-1", ANNA)).isFalse();
            assertThat(ledger.contact(TENANT, BERT).orElseThrow().email()).isEqualTo("bert-2@example.org");
            assertThat(ledger.remindersOf(TENANT, BERT)).hasSize(1);
            assertThat(calendars.find(bertsSecret)).isPresent();
            assertThat(calendars.active(TENANT, "prog-1", BERT)).isTrue();
            assertThat(count(reopened, "SELECT COUNT(*) FROM kasvu_expiring_value WHERE item_value LIKE '%anna-1%'"))
                    .isZero();
            assertThat(count(reopened, "SELECT COUNT(*) FROM kasvu_session WHERE person = 'anna-1'")).isZero();
            assertThat(count(reopened, "SELECT COUNT(*) FROM kasvu_expiring_value WHERE namespace = 'score-target' "
                    + "AND item_key LIKE '" + OutboxScores.personPrefix("anna-1") + ".%'")).as("her score targets")
                    .isZero();
            assertThat(count(reopened, "SELECT COUNT(*) FROM kasvu_expiring_value WHERE namespace = 'score-target' "
                    + "AND item_key LIKE '" + OutboxScores.personPrefix("bert-2") + ".%'")).as("his stay")
                    .isEqualTo(1);
            try (Connection c = reopened.dataSource().getConnection()) {
                assertThat(DatabaseSweep.mentions(c, "anna-1")).as("no Kasvu table holds Anna's id or address")
                        .isEmpty();
                assertThat(DatabaseSweep.mentions(c, "bert-2")).contains("kasvu_reminder_contact.email",
                        "kasvu_reminder.recipient", "kasvu_expiring_value.item_value");
            }
        }
    }

    static int count(KasvuDatabase db, String sql) throws Exception {
        try (var c = db.dataSource().getConnection(); var rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
