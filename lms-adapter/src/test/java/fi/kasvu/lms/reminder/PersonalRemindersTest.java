package fi.kasvu.lms.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.feedback.FeedbackEvents;
import fi.kasvu.feedback.FeedbackService;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.i18n.CompetenceSets;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.plan.PlanEvents;
import fi.kasvu.plan.PlanService;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.TestDatabases;
import fi.kasvu.survey.AnonymityThreshold;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plan reviews and pending 360 invitations reach people through the programme's reminders (issue
 * 16): the ledger on H2 and on embedded PostgreSQL, mail to an embedded SMTP server, a fake clock
 * moving day by day. A review reminds its owner once, two days ahead; a held review, a withdrawn
 * invitation and a closed assessment remind nobody; an invited rater hears once before the
 * invitation expires; the mail carries neither the plan's title nor the assessed person.
 */
class PersonalRemindersTest {

    static final TenantId TENANT = TenantId.of("platform-1");
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final PersonId ANNA = PersonId.of("anna");
    static final PersonId PEKKA = PersonId.of("pekka");
    static final PersonId KAISA = PersonId.of("kaisa");
    static final PersonId OLLI = PersonId.of("olli");
    static final String TITLE = "SALAINEN-SUUNNITELMA delegointi";

    /** A real SMTP server for each test, started and stopped by GreenMail's JUnit extension. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    final ReminderSchedulerTest.FakeClock clock = new ReminderSchedulerTest.FakeClock(
            LocalDate.of(2026, 9, 1).atStartOfDay(HELSINKI).toInstant());

    void scenario(KasvuDatabase database) throws Exception {
        KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(), clock);
        ReminderLedger ledger = new ReminderLedger(database);
        for (PersonId person : List.of(ANNA, PEKKA, KAISA, OLLI)) {
            ledger.subscribe(TENANT, person, person.value() + "@example.org",
                    person.equals(KAISA) ? Language.SV : person.equals(OLLI) ? Language.EN : Language.FI, clock.instant());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), HELSINKI);
        PlanService plans = PlanService.of(repositories.developmentPlans(), PlanEvents.none(), clock,
                IdGenerator.sequence("plan"));
        String plan = plans.create(TENANT, ANNA, "course-1", TITLE).value().id();
        plans.scheduleReview(TENANT, plan, ANNA, today.plusDays(10)).orElseThrow();
        plans.scheduleReview(TENANT, plan, ANNA, today.plusDays(20)).orElseThrow();
        String held = plans.scheduleReview(TENANT, plan, ANNA, today.plusDays(5)).orElseThrow().value()
                .reviews().get(2).id();

        FeedbackService feedback = FeedbackService.of(repositories.feedbackAssessments(), FeedbackEvents.none(), clock,
                IdGenerator.uuids(), () -> "t".repeat(32), AnonymityThreshold.standard());
        String pekkas = feedback.open(TENANT, PEKKA, "course-1", CompetenceSets.coachingLeadership(), false)
                .value().id();
        feedback.invite(TENANT, pekkas, Requester.person(PEKKA), KAISA, RaterGroup.PEERS,
                clock.instant().plus(Duration.ofDays(14))).orElseThrow();
        String toOlli = feedback.invite(TENANT, pekkas, Requester.teacher(ANNA), OLLI, RaterGroup.OTHERS,
                clock.instant().plus(Duration.ofDays(14))).orElseThrow().value().invitations().get(1).id();
        String annas = feedback.open(TENANT, ANNA, "course-1", CompetenceSets.coachingLeadership(), false).value().id();
        feedback.invite(TENANT, annas, Requester.person(ANNA), PEKKA, RaterGroup.PEERS,
                clock.instant().plus(Duration.ofDays(14))).orElseThrow();

        ReminderScheduler scheduler = new ReminderScheduler(database, repositories.programmes(),
                repositories.reflectionAssignments(), ledger, smtpSender(), URI.create("https://kasvu.example"), clock,
                "instance-a").with(new PersonalDueItems(database, repositories.developmentPlans(),
                repositories.feedbackAssessments()));
        for (int day = 0; day < 30; day++) {
            if (day == 1) {
                plans.holdReview(TENANT, plan, ANNA, held, new fi.kasvu.plan.Review.Outcome(today.plusDays(1), "",
                        fi.kasvu.plan.Review.Progress.ON_TRACK)).orElseThrow();
                feedback.withdraw(TENANT, pekkas, Requester.person(PEKKA), toOlli).orElseThrow();
                feedback.close(TENANT, annas, Requester.person(ANNA)).orElseThrow();
                // Recorded before the review was held or the invitation withdrawn, sent after: skipped.
                ledger.record(TENANT, new fi.kasvu.common.DueItem(ANNA, PersonalDueItems.PLAN_REVIEW, plan, held,
                        clock.instant()), clock.instant());
                ledger.record(TENANT, new fi.kasvu.common.DueItem(OLLI, PersonalDueItems.INVITATION, pekkas, toOlli,
                        clock.instant()), clock.instant());
            }
            assertThat(scheduler.run().retrying()).isZero();
            clock.advance(Duration.ofDays(1));
        }

        List<String> anna = new ArrayList<>();
        List<String> kaisa = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            String body = (String) message.getContent();
            assertThat(body).doesNotContain(TITLE, "Pekka", "pekka", "t".repeat(32)).contains("/reminders/optout/");
            (to.equals("anna@example.org") ? anna : to.equals("kaisa@example.org") ? kaisa : others)
                    .add(message.getSubject() + "\n" + body);
        }
        assertThat(anna).as("the two reviews not held, once each, two days ahead").hasSize(2)
                .allSatisfy(m -> assertThat(m).startsWith(
                        "Kasvu-muistutus: Kehittymissuunnitelmasi seurantakerta lähestyy"));
        assertThat(anna.get(0)).contains("seurantakerran " + fi(today.plusDays(10)));
        assertThat(anna.get(1)).contains("seurantakerran " + fi(today.plusDays(20)));
        assertThat(kaisa).as("the pending invitation, once, in her language").hasSize(1);
        assertThat(kaisa.get(0)).startsWith("Kasvu-påminnelse: Du har ombetts att ge en 360-bedömning")
                .contains("Inbjudan gäller till");
        assertThat(others).as("a withdrawn invitation and a closed assessment remind nobody").isEmpty();
        assertThat(ledger.count(ReminderLedger.State.SENT)).isEqualTo(3);
        assertThat(ledger.count(ReminderLedger.State.SKIPPED)).as("held and withdrawn after recording").isEqualTo(2);
        assertThat(ledger.count(ReminderLedger.State.PENDING) + ledger.count(ReminderLedger.State.SENDING)).isZero();
    }

    static String fi(LocalDate day) {
        return day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear();
    }

    MailSender smtpSender() {
        return new SmtpMailSender("127.0.0.1", smtp.getSmtp().getPort(), "kasvu@example.org", Duration.ofSeconds(5));
    }

    @Test
    void planReviewsAndInvitations_remindTheirPeopleOnce_onH2() throws Exception {
        try (KasvuDatabase database = KasvuDatabase.open(TestDatabases.h2(Files.createTempDirectory("kasvu-rem")
                .resolve("db")))) {
            scenario(database);
        }
    }

    @Test
    void planReviewsAndInvitations_remindTheirPeopleOnce_onPostgres() throws Exception {
        DatabaseConfig config = TestDatabases.freshPostgres();
        try (KasvuDatabase database = KasvuDatabase.open(config)) {
            scenario(database);
        }
    }
}
