package fi.kasvu.lms.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.lti.MutableClock;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeEvents;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminders on real parts: the ledger on H2 and on embedded PostgreSQL, mail through Jakarta Mail
 * to an embedded SMTP server (GreenMail), and a fake clock moving day by day through the whole seed
 * 003 programme. Each reminder arrives exactly once (two schedulers at once included), in the
 * recipient's language, never with anyone's reflection text; an opted-out person gets nothing; a
 * mail server that is down costs a retry, not a reminder.
 */
class ReminderSchedulerTest {

    static final TenantId TENANT = TenantId.of("platform-1");
    static final String SECRET = "YKSITYINEN-POHDINTA luottamuksesta";
    static final PersonId OLLI = PersonId.of("organiser-olli");
    static final PersonId ANNA = PersonId.of("participant-anna");
    static final PersonId PEKKA = PersonId.of("participant-pekka");
    static final PersonId KAISA = PersonId.of("coach-kaisa");
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final LocalDate START = LocalDate.of(2026, 9, 1);

    /** A real SMTP server for each test, started and stopped by GreenMail's JUnit extension. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    final FakeClock clock = new FakeClock(START.minusDays(3).atStartOfDay(HELSINKI).toInstant());

    /** lti's {@link MutableClock} under the name these tests (and others' new ones) know it by. */
    static final class FakeClock extends MutableClock {
        FakeClock(Instant start) {
            super(start);
        }
    }

    MailSender smtpSender() {
        return new SmtpMailSender("127.0.0.1", smtp.getSmtp().getPort(), "kasvu@example.org", Duration.ofSeconds(5));
    }

    /** A programme of seed 003 with an organiser, a coach and two participants; Pekka opts out. */
    static Programme programme(KasvuRepositories repositories, ReminderLedger ledger, Clock clock) {
        ProgrammeService service = ProgrammeService.of(repositories.programmes(), repositories.reflectionAssignments(),
                ProgrammeEvents.none(), clock, IdGenerator.sequence("p"));
        Programme p = service.fromTemplate(TENANT, ProgrammeTemplates.SUPERVISOR_COACHING, "activity:rl-1", START,
                HELSINKI, OLLI).value();
        for (Member member : List.of(new Member(ANNA, ProgrammeRole.PARTICIPANT),
                new Member(PEKKA, ProgrammeRole.PARTICIPANT), new Member(KAISA, ProgrammeRole.COACH))) {
            p = service.change(TENANT, p.id(), (programme, at) -> programme.addMember(OLLI, member, at))
                    .orElseThrow().value();
        }
        ledger.subscribe(TENANT, ANNA, "anna@example.org", Language.FI, clock.instant());
        ledger.subscribe(TENANT, OLLI, "olli@example.org", Language.EN, clock.instant());
        ledger.subscribe(TENANT, KAISA, "kaisa@example.org", Language.SV, clock.instant());
        String pekkasToken = ledger.subscribe(TENANT, PEKKA, "pekka@example.org", Language.FI, clock.instant());
        assertThat(ledger.optOut(pekkasToken, clock.instant())).isEqualTo(ReminderLedger.OptOut.DONE);
        assertThat(ledger.optOut(pekkasToken, clock.instant())).as("the link used twice")
                .isEqualTo(ReminderLedger.OptOut.ALREADY);
        return p;
    }

    /** Anna writes and submits her first reflection on day 90 (before its deadline, day 98). */
    static void annaReflects(KasvuRepositories repositories, Programme p, Clock clock) {
        ProgrammeService service = ProgrammeService.of(repositories.programmes(), repositories.reflectionAssignments(),
                ProgrammeEvents.none(), clock, IdGenerator.sequence("r"));
        String id = service.startReflection(TENANT, p.id(), "reflection-1", ANNA, KAISA).orElseThrow().value().id();
        service.write(TENANT, id, ANNA, SECRET).orElseThrow();
        service.submit(TENANT, id, ANNA).orElseThrow();
    }

    /** Runs the schedulers once a day from three days before the start to after the end. */
    void throughTheProgramme(List<ReminderScheduler> schedulers, KasvuRepositories repositories, Programme p)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(schedulers.size());
        while (clock.instant().isBefore(p.ends().plusDays(10).atStartOfDay(HELSINKI).toInstant())) {
            if (LocalDate.ofInstant(clock.instant(), HELSINKI).equals(START.plusDays(90))) {
                annaReflects(repositories, p, clock);
            }
            List<CompletableFuture<ReminderScheduler.Round>> rounds = new ArrayList<>();
            for (ReminderScheduler scheduler : schedulers) {
                rounds.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return scheduler.run();
                }));
            }
            for (var round : rounds) {
                assertThat(round.get().retrying()).isZero();
            }
            clock.advance(Duration.ofDays(1));
        }
    }

    /** Who got which reminders: recipient → subjects. */
    Map<String, List<String>> received() throws Exception {
        Map<String, List<String>> byRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byRecipient.computeIfAbsent(message.getAllRecipients()[0].toString(), k -> new ArrayList<>())
                    .add(message.getSubject());
            String body = (String) message.getContent();
            assertThat(body).doesNotContain(SECRET).contains("/reminders/optout/");
        }
        return byRecipient;
    }

    void assertEachReminderOnce(ReminderLedger ledger) throws Exception {
        Map<String, List<String>> received = received();
        assertThat(received.get("anna@example.org")).as("5 events and the 4 assignments she did not do yet")
                .hasSize(9).allSatisfy(subject -> assertThat(subject).startsWith("Kasvu-muistutus: "));
        assertThat(received.get("anna@example.org")).filteredOn(s -> s.contains("Tilaisuus lähestyy")).hasSize(5);
        assertThat(received.get("olli@example.org")).as("the organiser: the 5 events").hasSize(5)
                .allSatisfy(subject -> assertThat(subject).isEqualTo("Kasvu reminder: An event is coming up"));
        assertThat(received.get("kaisa@example.org")).as("the coach: 5 events and 1 reflection to give feedback on")
                .hasSize(6).allSatisfy(subject -> assertThat(subject).startsWith("Kasvu-påminnelse: "));
        assertThat(received).doesNotContainKey("pekka@example.org");
        assertThat(ledger.count(ReminderLedger.State.SENT)).isEqualTo(9 + 5 + 6);
        assertThat(ledger.count(ReminderLedger.State.SKIPPED)).as("Pekka's 5 events and 5 deadlines").isEqualTo(10);
        assertThat(ledger.count(ReminderLedger.State.PENDING) + ledger.count(ReminderLedger.State.SENDING)).isZero();
    }

    @Test
    void aFakeClockMovesThroughTheWholeProgramme_onH2_eachReminderArrivesOnce() throws Exception {
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(Files.createTempDirectory("kasvu-rem")
                .resolve("db")))) {
            KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
            ReminderLedger ledger = new ReminderLedger(database);
            Programme p = programme(repositories, ledger, clock);
            ReminderScheduler scheduler = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger, smtpSender(), URI.create("https://kasvu.example"),
                    clock, "instance-a");

            throughTheProgramme(List.of(scheduler), repositories, p);

            assertEachReminderOnce(ledger);
            MimeMessage first = smtp.getReceivedMessages()[0];
            assertThat(first.getHeader("List-Unsubscribe")[0]).startsWith("<https://kasvu.example/reminders/optout/");
        }
    }

    @Test
    void twoSchedulersOnOnePostgres_sendEachReminderExactlyOnce() throws Exception {
        DatabaseConfig config = TestDatabases.freshPostgres();
        try (KasvuDatabase first = KasvuDatabase.open(config); KasvuDatabase second = KasvuDatabase.open(config)) {
            KasvuRepositories one = KasvuRepositories.of(first, KasvuJson.create(), clock);
            KasvuRepositories two = KasvuRepositories.of(second, KasvuJson.create(), clock);
            ReminderLedger ledgerOne = new ReminderLedger(first);
            Programme p = programme(one, ledgerOne, clock);
            List<ReminderScheduler> schedulers = List.of(
                    new ReminderScheduler(first, one.programmes(), one.reflectionAssignments(), ledgerOne,
                            smtpSender(), URI.create("https://kasvu.example/"), clock, "instance-a"),
                    new ReminderScheduler(second, two.programmes(), two.reflectionAssignments(),
                            new ReminderLedger(second), smtpSender(), URI.create("https://kasvu.example/"), clock,
                            "instance-b"));

            throughTheProgramme(schedulers, one, p);

            assertEachReminderOnce(ledgerOne);
        }
    }

    @Test
    void aMailServerThatIsDown_costsARetry_isReported_andLosesNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(Files.createTempDirectory("kasvu-rem")
                .resolve("db")))) {
            KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
            ReminderLedger ledger = new ReminderLedger(database);
            programme(repositories, ledger, clock);
            clock.advance(Duration.ofDays(9));
            ReminderScheduler down = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger, new SmtpMailSender("127.0.0.1", closedPort,
                    "kasvu@example.org", Duration.ofSeconds(2)), URI.create("https://kasvu.example"), clock, "a");

            ReminderScheduler.Round failed = down.run();

            assertThat(failed.sent()).isZero();
            assertThat(failed.retrying()).as("the kick-off reminders of Anna, Olli and Kaisa").isEqualTo(3);
            assertThat(ledger.count(ReminderLedger.State.PENDING)).isEqualTo(3);
            assertThat(down.run().retrying()).as("not tried again before the delay").isZero();

            clock.advance(Duration.ofMinutes(2));
            ReminderScheduler up = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger, smtpSender(), URI.create("https://kasvu.example"),
                    clock, "a");
            ReminderScheduler.Round recovered = up.run();

            assertThat(recovered.sent()).isEqualTo(3);
            assertThat(smtp.getReceivedMessages()).hasSize(3);
            assertThat(up.run().sent()).as("never twice").isZero();
        }
    }

    @Test
    void aReminderSkippedBeforeSheGaveHerAddress_isSentOnceSheGivesIt_whileItIsStillAhead() throws Exception {
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(Files.createTempDirectory("kasvu-rem")
                .resolve("db")))) {
            KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
            ReminderLedger ledger = new ReminderLedger(database);
            ProgrammeService service = ProgrammeService.of(repositories.programmes(),
                    repositories.reflectionAssignments(), ProgrammeEvents.none(), clock, IdGenerator.sequence("p"));
            Programme p = service.fromTemplate(TENANT, ProgrammeTemplates.SUPERVISOR_COACHING, "activity:rl-1",
                    START, HELSINKI, OLLI).value();
            service.change(TENANT, p.id(), (programme, at) -> programme.addMember(OLLI,
                    new Member(ANNA, ProgrammeRole.PARTICIPANT), at)).orElseThrow();
            clock.advance(Duration.ofDays(9));
            ReminderScheduler scheduler = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger, smtpSender(), URI.create("https://kasvu.example"),
                    clock, "a");

            ReminderScheduler.Round before = scheduler.run();

            assertThat(before.sent()).isZero();
            assertThat(before.skipped()).as("the kick-off, for Anna and Olli, who gave no address").isEqualTo(2);

            ledger.subscribe(TENANT, ANNA, "anna@example.org", Language.FI, clock.instant());
            ReminderScheduler.Round after = scheduler.run();

            assertThat(after.sent()).as("Anna's kick-off reminder, now that she gave her address").isEqualTo(1);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
            assertThat(scheduler.run().sent()).as("never twice").isZero();

            clock.advance(Duration.ofDays(3));
            ledger.subscribe(TENANT, OLLI, "olli@example.org", Language.EN, clock.instant());
            assertThat(scheduler.run().sent()).as("the kick-off is past: Olli's skipped reminder stays skipped")
                    .isZero();
        }
    }

    @Test
    void aReminderRecordedAtAnInstantWithNanoseconds_isSentInTheRoundThatRecordedIt() throws Exception {
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(Files.createTempDirectory("kasvu-rem")
                .resolve("db")))) {
            KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
            ReminderLedger ledger = new ReminderLedger(database);
            programme(repositories, ledger, clock);
            // .360627607 s: the database rounds it up to .360628, after the round's own instant.
            clock.advance(Duration.ofDays(9).plusNanos(360_627_607));
            ReminderScheduler scheduler = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger, smtpSender(), URI.create("https://kasvu.example"),
                    clock, "a");

            ReminderScheduler.Round round = scheduler.run();

            assertThat(round.recorded()).isEqualTo(4);
            assertThat(round.sent()).as("Anna, Olli and Kaisa; Pekka opted out").isEqualTo(3);
            assertThat(round.skipped()).isEqualTo(1);
        }
    }
}
