package fi.kasvu.lms.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.common.DueItem;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A send cut short by a crash (claimed, never finished) is never sent again — a reminder is never
 * sent twice — and no longer stays SENDING forever: after an hour the next round on any instance
 * settles it as UNCERTAIN, reports it once in the log and to the programme's organiser, and sends
 * everything else as usual. On H2 and on embedded PostgreSQL.
 */
class ReminderCrashTest {

    /** A real SMTP server for each test, started and stopped by GreenMail's JUnit extension. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    final ReminderSchedulerTest.FakeClock clock = new ReminderSchedulerTest.FakeClock(
            ReminderSchedulerTest.START.minusDays(3).atStartOfDay(ReminderSchedulerTest.HELSINKI).toInstant());

    @Test
    void onH2() throws Exception {
        crashedSend_isSettledAsUncertain_reportedOnce_andNeverSentAgain(TestDatabases.h2(
                Files.createTempDirectory("kasvu-crash").resolve("db")));
    }

    @Test
    void onPostgres() throws Exception {
        crashedSend_isSettledAsUncertain_reportedOnce_andNeverSentAgain(TestDatabases.freshPostgres());
    }

    void crashedSend_isSettledAsUncertain_reportedOnce_andNeverSentAgain(DatabaseConfig config) throws Exception {
        try (KasvuDatabase database = KasvuDatabase.open(config)) {
            KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
            ReminderLedger ledger = new ReminderLedger(database);
            Programme p = ReminderSchedulerTest.programme(repositories, ledger, clock);
            clock.advance(Duration.ofDays(9));
            ScheduledEvent kickOff = p.events().get(0);
            // Instance "a" recorded Anna's kick-off reminder, claimed it and died while sending it.
            DueItem annas = new DueItem(ReminderSchedulerTest.ANNA, "programme.event.upcoming", p.id(), kickOff.id(),
                    kickOff.starts());
            assertThat(ledger.record(ReminderSchedulerTest.TENANT, annas, clock.instant())).isTrue();
            assertThat(ledger.claim(new ReminderLedger.Reminder(ReminderSchedulerTest.TENANT, annas, 0), "a",
                    clock.instant())).isTrue();

            ReminderScheduler b = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger, new SmtpMailSender("127.0.0.1",
                    smtp.getSmtp().getPort(), "kasvu@example.org", Duration.ofSeconds(5)),
                    URI.create("https://kasvu.example"), clock, "b");
            ReminderScheduler.Round soon = b.run();
            assertThat(soon.uncertain()).as("within the hour it may still be sending").isZero();
            assertThat(soon.sent()).as("Olli's and Kaisa's kick-off reminders").isEqualTo(2);
            assertThat(ledger.count(ReminderLedger.State.SENDING)).isEqualTo(1);

            clock.advance(Duration.ofMinutes(61));
            ReminderScheduler.Round later = b.run();
            assertThat(later.uncertain()).isEqualTo(1);
            assertThat(ledger.count(ReminderLedger.State.SENDING)).isZero();
            assertThat(ledger.count(ReminderLedger.State.UNCERTAIN)).isEqualTo(1);
            assertThat(ledger.uncertain(ReminderSchedulerTest.TENANT, p.id())).isEqualTo(1);
            assertThat(ledger.uncertain(fi.kasvu.common.TenantId.of("another-tenant"), p.id())).isZero();
            assertThat(b.run().uncertain()).as("reported once").isZero();

            clock.advance(Duration.ofDays(1));
            b.run();
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReminderCrashTest::to))
                    .as("never sent a second time").doesNotContain("anna@example.org")
                    .contains("olli@example.org", "kaisa@example.org");
            assertThat(ledger.count(ReminderLedger.State.UNCERTAIN)).isEqualTo(1);
        }
    }

    static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
