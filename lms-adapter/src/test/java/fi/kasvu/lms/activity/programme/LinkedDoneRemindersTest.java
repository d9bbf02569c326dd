package fi.kasvu.lms.activity.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.common.DueItem;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.Requester;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.lti.MutableClock;
import fi.kasvu.lms.reminder.ReminderLedger;
import fi.kasvu.lms.reminder.ReminderScheduler;
import fi.kasvu.lms.reminder.SmtpMailSender;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeEvents;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An assignment fulfilled by a Kasvu activity is done for reminders and the personal calendar as
 * it is on the timeline ({@link DoneForPerson}, core's {@code Timeline.done}): on H2 on disk with
 * mail to an embedded SMTP server and a clock moving day by day, a participant whose 360 is closed
 * in the programme's course gets no deadline reminder (not even one recorded before she closed it),
 * while a participant who has not gets exactly one; her calendar marks the deadline "Done".
 */
class LinkedDoneRemindersTest {

    static final TenantId TENANT = TenantId.of("platform-1");
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final PersonId OLLI = PersonId.of("olli");
    static final PersonId ANNA = PersonId.of("anna");
    static final PersonId BERTIL = PersonId.of("bertil");

    /** A real SMTP server for each test, started and stopped by GreenMail's JUnit extension. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    final MutableClock clock = new MutableClock(START.plusDays(20).atStartOfDay(HELSINKI).toInstant());

    @Test
    void aClosed360_meansNoDeadlineReminder_andADoneDeadlineInTheCalendar_onH2() throws Exception {
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(Files.createTempDirectory("kasvu-done").resolve("db")))) {
            KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
            ProgrammeService service = ProgrammeService.of(repositories.programmes(),
                    repositories.reflectionAssignments(), ProgrammeEvents.none(), clock, IdGenerator.sequence("p"));
            Programme programme = service.fromTemplate(TENANT, ProgrammeTemplates.SUPERVISOR_COACHING, "course-7",
                    START, HELSINKI, OLLI).value();
            for (PersonId participant : List.of(ANNA, BERTIL)) {
                Member member = new Member(participant, ProgrammeRole.PARTICIPANT);
                programme = service.change(TENANT, programme.id(), (p, at) -> p.addMember(OLLI, member, at))
                        .orElseThrow().value();
            }
            Assignment feedback360 = programme.assignment("feedback-360").orElseThrow();
            DashboardFigures.Sources sources = new DashboardFigures.Sources(repositories.growConversations(),
                    repositories.experiments(), repositories.feedbackAssessments(), repositories.developmentPlans(),
                    repositories.peerGroups(), repositories.surveys(), repositories.surveyResponses(),
                    repositories.surveyParticipations());
            ReminderLedger ledger = new ReminderLedger(database);
            for (PersonId person : List.of(ANNA, BERTIL)) {
                ledger.subscribe(TENANT, person, person.value() + "@example.org", Language.EN, clock.instant());
            }
            ReminderScheduler scheduler = new ReminderScheduler(database, repositories.programmes(),
                    repositories.reflectionAssignments(), ledger,
                    new SmtpMailSender("127.0.0.1", smtp.getSmtp().getPort(), "kasvu@example.org",
                            Duration.ofSeconds(5)), URI.create("https://kasvu.example"), clock, "instance-a")
                    .withCompletion((tenant, p) -> DoneForPerson.completion(sources, tenant, p));

            // Anna's reminder was recorded before she closed her 360 (two days ahead of the deadline): it
            // is not sent once she has.
            Instant deadline = programme.deadline(feedback360);
            clock.set(deadline.minus(Duration.ofDays(2)));
            Instant now = clock.instant();
            ledger.record(TENANT, new DueItem(ANNA, "programme.assignment.due", programme.id(), feedback360.id(),
                    deadline), now);
            FeedbackAssessment open = FeedbackAssessment.open("a-anna", ANNA, "course-7", DashboardFiguresTest.set(),
                    false, now);
            repositories.feedbackAssessments().save(TENANT, Versioned.unsaved(open.close(Requester.person(ANNA), now)
                    .orElseThrow()));
            // Bertil's 360 in another course does not count.
            repositories.feedbackAssessments().save(TENANT, Versioned.unsaved(FeedbackAssessment.open("a-bertil",
                    BERTIL, "another-course", DashboardFiguresTest.set(), false, now)
                    .close(Requester.person(BERTIL), now).orElseThrow()));

            for (int day = 0; day < 5; day++) {
                assertThat(scheduler.run().retrying()).isZero();
                clock.advance(Duration.ofDays(1));
            }

            List<String> to = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                to.add(message.getAllRecipients()[0].toString());
            }
            assertThat(to).containsExactly("bertil@example.org");

            DoneForPerson done = DoneForPerson.of(sources, repositories.reflectionAssignments(), TENANT, programme);
            assertThat(done.done(ANNA, feedback360)).isTrue();
            assertThat(done.done(BERTIL, feedback360)).isFalse();
            Programme stored = programme;
            String annas = CalendarFeed.of(stored, ANNA, Language.EN, clock.instant(), a -> done.done(ANNA, a));
            String bertils = CalendarFeed.of(stored, BERTIL, Language.FI, clock.instant(), a -> done.done(BERTIL, a));
            assertThat(summaries(annas)).contains("Done: Intermediate assignment: 360 assessment")
                    .doesNotContain("Intermediate assignment: 360 assessment");
            assertThat(summaries(bertils)).noneMatch(s -> s.startsWith("Tehty"));
        }
    }

    static List<String> summaries(String ics) throws Exception {
        List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        return events.stream().map(e -> e.getSummary().getValue()).toList();
    }
}
