package fi.kasvu.lms.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.lms.moodle.MoodleClient;
import fi.kasvu.lms.moodle.MoodleReminderNotifier;
import fi.kasvu.lms.moodle.MoodleSites;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.lms.moodle.RetryPolicy;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.lms.moodle.fake.Triads;
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
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders as Moodle instant messages, on a Moodle that refuses what Moodle 4.5 refuses
 * ({@link FakeMoodle}: a {@code clientmsgid} that is not alphanumext, functions outside the service,
 * recipients whose preferences refuse messages) and the ledger on H2 and PostgreSQL: each reminder
 * arrives once, in the recipient's Moodle language, with an opt-out link that works; e-mail and
 * Moodle together never repeat the Moodle message when the e-mail is retried.
 */
class MoodleRemindersTest {

    static final String ISSUER = "https://moodle.example.fi";
    static final String CLIENT = "kasvu-client";
    static final TenantId TENANT = PlatformRegistration.tenantOf(ISSUER, CLIENT, "1");
    static final String TOKEN = "a11ce0000a11ce0000a11ce0000a11ce";
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    /** Moodle users 101 (sv in Moodle), 102 (fi), 103 (en), 104 (fi, the organiser). */
    static final PersonId SVEA = PersonId.of("101");
    static final PersonId AINO = PersonId.of("102");
    static final PersonId EMMA = PersonId.of("103");
    static final PersonId OLLI = PersonId.of("104");
    /** A participant who came from another platform: no Moodle user id. */
    static final PersonId STRANGER = PersonId.of("https://other.example/users/9");

    final ReminderSchedulerTest.FakeClock clock = new ReminderSchedulerTest.FakeClock(
            START.minusDays(3).atStartOfDay(HELSINKI).toInstant());
    FakeMoodle moodle;
    GreenMail smtp;
    final List<KasvuDatabase> opened = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        moodle = FakeMoodle.start(TOKEN, 7, "KASVU-2027", "Kasvu 2027", Triads.users(4));
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        opened.forEach(KasvuDatabase::close);
        moodle.close();
        smtp.stop();
    }

    MoodleSites sites() {
        MoodleClient client = MoodleClient.newBuilder().baseUrl(moodle.url()).token(MoodleToken.of(TOKEN))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0))
                .requestTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(1)).build();
        return (issuer, clientId) -> ISSUER.equals(issuer) && CLIENT.equals(clientId) ? Optional.of(client)
                : Optional.empty();
    }

    static Registrations registered(KasvuDatabase database) {
        Registrations registrations = JdbcLtiStorage.on(database).registrations();
        registrations.save(new PlatformRegistration(ISSUER, CLIENT, URI.create(ISSUER + "/mod/lti/auth.php"),
                URI.create(ISSUER + "/mod/lti/token.php"), URI.create(ISSUER + "/mod/lti/certs.php"), Set.of("1"),
                "Moodle"));
        return registrations;
    }

    Programme programme(KasvuRepositories repositories) {
        ProgrammeService service = ProgrammeService.of(repositories.programmes(), repositories.reflectionAssignments(),
                ProgrammeEvents.none(), clock, IdGenerator.sequence("p"));
        Programme p = service.fromTemplate(TENANT, ProgrammeTemplates.SUPERVISOR_COACHING, "activity:rl-1", START,
                HELSINKI, OLLI).value();
        for (PersonId person : List.of(SVEA, AINO, EMMA, STRANGER)) {
            p = service.change(TENANT, p.id(), (programme, at) -> programme.addMember(OLLI,
                    new Member(person, ProgrammeRole.PARTICIPANT), at)).orElseThrow().value();
        }
        return p;
    }

    ReminderScheduler scheduler(KasvuDatabase database, KasvuRepositories repositories, MailSender mail,
                                String instance) {
        return new ReminderScheduler(database, repositories.programmes(), repositories.reflectionAssignments(),
                new ReminderLedger(database), mail, new MoodleReminderNotifier(registered(database), sites()),
                URI.create("https://kasvu.example"), clock, instance);
    }

    /** The tool's database on disk (H2), closed after the test. */
    KasvuDatabase h2() throws Exception {
        return open(TestDatabases.h2(Files.createTempDirectory("kasvu-mrem").resolve("db")));
    }

    /** An instance of the tool's database, closed after the test. */
    KasvuDatabase open(DatabaseConfig config) {
        KasvuDatabase database = KasvuDatabase.open(config);
        opened.add(database);
        return database;
    }

    /** The stores on the database, holding the supervisor-coaching programme of the five people. */
    KasvuRepositories withProgramme(KasvuDatabase database) {
        KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
        programme(repositories);
        return repositories;
    }

    MailSender smtpSender() {
        return new SmtpMailSender("127.0.0.1", smtp.getSmtp().getPort(), "kasvu@example.org", Duration.ofSeconds(5));
    }

    /** Moves to the day before the kick-off: each person has one reminder (the kick-off) due. */
    void toTheDayBeforeTheKickOff() {
        clock.advance(Duration.ofDays(9));
    }

    void moodleOnly(KasvuDatabase database) {
        KasvuRepositories repositories = withProgramme(database);
        toTheDayBeforeTheKickOff();
        ReminderScheduler scheduler = scheduler(database, repositories, null, "a");

        ReminderScheduler.Round round = scheduler.run();

        assertThat(round.recorded()).as("the kick-off for 5 people").isEqualTo(5);
        assertThat(round.sent()).as("the four Moodle users").isEqualTo(4);
        assertThat(round.skipped()).as("the person with no Moodle id and no address").isEqualTo(1);
        assertThat(moodle.messages()).extracting(FakeMoodle.Message::touserid)
                .containsExactlyInAnyOrder(101L, 102L, 103L, 104L);
        assertThat(text(101)).startsWith("Kasvu-påminnelse: ").contains("https://kasvu.example/reminders/optout/");
        assertThat(text(102)).startsWith("Kasvu-muistutus: ");
        assertThat(text(103)).startsWith("Kasvu reminder: ");
        assertThat(moodle.messages()).allSatisfy(message ->
                assertThat(message.clientmsgid()).matches("kasvu-reminder-[0-9a-f]{40}"));
        assertThat(moodle.refusals()).as("Moodle would refuse nothing sent").isEmpty();

        assertThat(scheduler.run().sent()).as("never twice").isZero();
        assertThat(moodle.messages()).hasSize(4);
    }

    String text(long userId) {
        return moodle.messages().stream().filter(m -> m.touserid() == userId).map(FakeMoodle.Message::text)
                .findFirst().orElseThrow();
    }

    @Test
    void withoutAMailServer_eachReminderArrivesOnceAsAMoodleMessage_inTheMoodleProfilesLanguage_onH2()
            throws Exception {
        moodleOnly(h2());
    }

    @Test
    void withoutAMailServer_eachReminderArrivesOnceAsAMoodleMessage_onPostgres() throws Exception {
        moodleOnly(open(TestDatabases.freshPostgres()));
    }

    @Test
    void twoSchedulersOnOnePostgres_sendEachMoodleMessageExactlyOnce() throws Exception {
        DatabaseConfig config = TestDatabases.freshPostgres();
        KasvuDatabase first = open(config);
        KasvuDatabase second = open(config);
        KasvuRepositories one = withProgramme(first);
        KasvuRepositories two = KasvuRepositories.of(second, KasvuJson.create(), clock);
        List<ReminderScheduler> schedulers = List.of(scheduler(first, one, null, "instance-a"),
                scheduler(second, two, null, "instance-b"));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        int sent = 0;
        for (int day = 0; day < 40; day++) {
            List<java.util.concurrent.CompletableFuture<ReminderScheduler.Round>> rounds = schedulers.stream()
                    .map(scheduler -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return scheduler.run();
                    })).toList();
            for (var round : rounds) {
                assertThat(round.get().retrying()).isZero();
                sent += round.get().sent();
            }
            clock.advance(Duration.ofDays(1));
        }

        assertThat(sent).isPositive();
        assertThat(moodle.messages()).as("one message per reminder sent, whichever instance sent it")
                .hasSize(sent);
        assertThat(moodle.messages().stream().map(FakeMoodle.Message::clientmsgid).distinct().count())
                .as("no reminder twice").isEqualTo(sent);
        assertThat(new ReminderLedger(first).count(ReminderLedger.State.SENT)).isEqualTo(sent);
    }

    @Test
    void theOptOutLinkInAMoodleMessage_stopsHerNextReminders() throws Exception {
        KasvuDatabase database = h2();
        KasvuRepositories repositories = withProgramme(database);
        ReminderLedger ledger = new ReminderLedger(database);
        toTheDayBeforeTheKickOff();
        ReminderScheduler scheduler = scheduler(database, repositories, null, "a");
        scheduler.run();
        Matcher link = Pattern.compile("/reminders/optout/([A-Za-z0-9_-]{43})").matcher(text(102));
        assertThat(link.find()).isTrue();

        assertThat(ledger.optOut(link.group(1), clock.instant())).isEqualTo(ReminderLedger.OptOut.DONE);
        assertThat(ledger.optOut(link.group(1), clock.instant())).as("used twice")
                .isEqualTo(ReminderLedger.OptOut.ALREADY);
        moodle.resetCounts();
        for (int day = 0; day < 60; day++) {
            clock.advance(Duration.ofDays(1));
            scheduler.run();
        }

        assertThat(moodle.messages()).filteredOn(m -> m.touserid() == 102).hasSize(1);
        assertThat(moodle.messages()).filteredOn(m -> m.touserid() == 101).hasSizeGreaterThan(1);
        assertThat(ledger.contact(TENANT, AINO)).get().satisfies(contact -> {
            assertThat(contact.optedOut()).isTrue();
            assertThat(contact.hasEmail()).isFalse();
        });
    }

    @Test
    void aMailServerThatIsDown_retriesTheMail_butNeverRepeatsTheMoodleMessage() throws Exception {
        KasvuDatabase database = h2();
        KasvuRepositories repositories = withProgramme(database);
        ReminderLedger ledger = new ReminderLedger(database);
        ledger.subscribe(TENANT, EMMA, "emma@example.org", Language.FI, clock.instant());
        toTheDayBeforeTheKickOff();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReminderScheduler down = scheduler(database, repositories, new SmtpMailSender("127.0.0.1", closedPort,
                "kasvu@example.org", Duration.ofSeconds(2)), "a");

        ReminderScheduler.Round first = down.run();

        assertThat(first.sent()).isEqualTo(3);
        assertThat(first.retrying()).as("Emma's e-mail").isEqualTo(1);
        assertThat(moodle.messages()).filteredOn(m -> m.touserid() == 103).hasSize(1)
                .allSatisfy(m -> assertThat(m.text()).as("her own choice in Kasvu: Finnish")
                        .startsWith("Kasvu-muistutus: "));

        clock.advance(Duration.ofMinutes(2));
        ReminderScheduler.Round second = scheduler(database, repositories, smtpSender(), "a").run();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("emma@example.org");
        assertThat(moodle.messages()).as("the Moodle message was not sent again").hasSize(4);
    }

    @Test
    void aMoodleThatRefusesTheCall_costsARetry_andLosesNothing() throws Exception {
        KasvuDatabase database = h2();
        KasvuRepositories repositories = withProgramme(database);
        ReminderLedger ledger = new ReminderLedger(database);
        toTheDayBeforeTheKickOff();
        moodle.withoutFunctions("core_message_send_instant_messages");

        ReminderScheduler.Round refused = scheduler(database, repositories, null, "a").run();

        assertThat(refused.sent()).isZero();
        assertThat(refused.retrying()).isEqualTo(4);
        assertThat(ledger.count(ReminderLedger.State.PENDING)).isEqualTo(4);
        assertThat(moodle.messages()).isEmpty();
        // A fresh site and database: the service has the function again.
    }

    @Test
    void aRecipientWhoseMoodlePreferencesRefuseMessages_isSkipped_orGetsHerEmail() throws Exception {
        KasvuDatabase database = h2();
        KasvuRepositories repositories = withProgramme(database);
        ReminderLedger ledger = new ReminderLedger(database);
        ledger.subscribe(TENANT, EMMA, "emma@example.org", Language.EN, clock.instant());
        moodle.refuseMessagesTo(102, 103);
        toTheDayBeforeTheKickOff();

        ReminderScheduler.Round round = scheduler(database, repositories, smtpSender(), "a").run();

        assertThat(round.sent()).as("Svea and Olli by Moodle, Emma by e-mail").isEqualTo(3);
        assertThat(round.skipped()).as("Aino, whom Moodle refuses, and the stranger").isEqualTo(2);
        assertThat(round.retrying()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(moodle.messages()).extracting(FakeMoodle.Message::touserid).containsExactlyInAnyOrder(101L, 104L);
    }

    @Test
    void aTenantWhosePlatformHasNoMoodleWebServices_getsNoMoodleMessage() throws Exception {
        KasvuDatabase database = h2();
        KasvuRepositories repositories = withProgramme(database);
        toTheDayBeforeTheKickOff();
        ReminderScheduler scheduler = new ReminderScheduler(database, repositories.programmes(),
                repositories.reflectionAssignments(), new ReminderLedger(database), null,
                new MoodleReminderNotifier(registered(database), MoodleSites.none()),
                URI.create("https://kasvu.example"), clock, "a");

        ReminderScheduler.Round round = scheduler.run();

        assertThat(round.sent()).isZero();
        assertThat(round.skipped()).isEqualTo(5);
        assertThat(moodle.totalCalls()).isZero();
    }

    @Test
    void theClientMessageId_isStableAndAlphanumext() {
        ReminderLedger.Reminder reminder = new ReminderLedger.Reminder(TENANT, new fi.kasvu.common.DueItem(AINO,
                "event", "prog/1:a", "event:kick-off", clock.instant()), 0);

        assertThat(ReminderScheduler.clientMessageId(reminder)).matches("[A-Za-z0-9_-]+")
                .isEqualTo(ReminderScheduler.clientMessageId(reminder));
    }
}
