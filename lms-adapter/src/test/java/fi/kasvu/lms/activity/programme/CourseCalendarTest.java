package fi.kasvu.lms.activity.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Placement;
import fi.kasvu.lms.web.ScoreState;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.session.SeenPeople;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The programme's events go to the course calendar through the {@link CourseServices} port: with
 * an in-test course calendar that keeps events by key (as the port promises of the Moodle
 * adapter), publishing twice creates nothing twice; a platform that is not configured or refuses
 * gets a page saying so in the organiser's language, and the programme is unchanged.
 */
class CourseCalendarTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-20T08:00:00Z"), ZoneOffset.UTC);

    /** A course calendar in memory: events by key; a set failure answers every call instead. */
    static final class CourseCalendar implements CourseServices {
        final Map<String, CourseEvent> events = new LinkedHashMap<>();
        Reply<Published> failure;
        int calls;

        @Override
        public Reply<List<CourseGroup>> groups(PageSession session) {
            return Reply.notConfigured();
        }

        @Override
        public Reply<Published> publishGroups(PageSession session, String groupingName, List<GroupToPublish> groups) {
            return Reply.notConfigured();
        }

        @Override
        public Reply<Published> publishEvents(PageSession session, List<CourseEvent> toPublish) {
            calls++;
            if (failure != null) {
                return failure;
            }
            int created = 0;
            for (CourseEvent event : toPublish) {
                if (events.putIfAbsent(session.contextId() + "|" + event.key(), event) == null) {
                    created++;
                }
            }
            return Reply.done(new Published(created, toPublish.size() - created));
        }
    }

    final Programmes programmes = Programmes.inMemory(CLOCK);
    final CourseCalendar calendar = new CourseCalendar();

    ProgrammeActivity activity(CourseServices course) {
        return ProgrammeActivity.of(programmes, ReflectionAssignments.inMemory(CLOCK), SeenPeople.inMemory(CLOCK),
                ClassRoster.none(), CalendarSubscriptions.none(), ReminderContacts.none(),
                URI.create("https://kasvu.example/"), CLOCK, IdGenerator.sequence("id-"),
                DashboardFigures.Sources.empty(CLOCK), course);
    }

    static Call call(PageSession.Role role, String subject, String tenant, Language language, String path,
                     boolean post, Map<String, String> params) {
        PageSession session = new PageSession("token-" + subject, "csrf-" + subject, role, TenantId.of(tenant),
                "https://moodle.example", "client", "deployment", subject, "Name " + subject, "https://moodle.example",
                "course-7", "Coaching", new Placement("programme", "Valmennus", Optional.empty(), false, Map.of()),
                language, "", "", "", "", "");
        Map<String, String[]> all = new HashMap<>();
        params.forEach((k, v) -> all.put(k, new String[] {v}));
        return new Call(session, path, post, params, all, "/pages/s/token-" + subject, "/pages/static",
                PageTexts.in(language).with(ProgrammeActivity.TEXTS), new ScoreState.NotGraded());
    }

    Call organiser(Language language, String path, boolean post, Map<String, String> params) {
        return call(PageSession.Role.ORGANISER, "olli", "tenant-a", language, path, post, params);
    }

    void create(ProgrammeActivity activity) {
        Answer created = activity.handle(organiser(Language.EN, "create", true, Map.of("template",
                "supervisor-coaching", "starts", "2026-09-01", "zone", "Europe/Helsinki")));
        assertThat(created).isInstanceOf(Answer.Redirect.class);
    }

    static CourseCalendarPage.CourseCalendarView view(Answer answer) {
        return (CourseCalendarPage.CourseCalendarView) ((Answer.Page) answer).model();
    }

    @Test
    void publishingTwice_createsEachEventOnce_andSaysWhatItDid() {
        ProgrammeActivity activity = activity(calendar);
        create(activity);

        Answer first = activity.handle(organiser(Language.EN, "course-calendar", true, Map.of()));
        int events = calendar.events.size();
        assertThat(events).isEqualTo(5);
        assertThat(((Answer.Page) first).status()).isEqualTo(200);
        assertThat(view(first).notice()).isEqualTo("Done: 5 events added to the course calendar, 0 were there already.");
        assertThat(calendar.events.values()).allSatisfy(e -> assertThat(e.key())
                .startsWith(ProgrammeActivity.programmeId("course-7") + "/"));
        assertThat(calendar.events.values().iterator().next().name()).isEqualTo("Kick-off");

        Answer again = activity.handle(organiser(Language.FI, "course-calendar", true, Map.of()));
        assertThat(calendar.events).hasSize(events);
        assertThat(view(again).notice()).isEqualTo("Valmis: kurssin kalenteriin lisättiin 0 tapahtumaa, 5 oli siellä jo.");
    }

    @Test
    void aPublishThatUpdatedOrDeletedEvents_saysSo_inTheOrganisersLanguage() {
        ProgrammeActivity activity = activity(calendar);
        create(activity);
        // What the Moodle adapter answers after one event moved and one was removed from the programme.
        calendar.failure = CourseServices.Reply.done(new CourseServices.Published(0, 3, 1, 1));

        assertThat(view(activity.handle(organiser(Language.EN, "course-calendar", true, Map.of()))).notice())
                .isEqualTo("Done: 0 events added to the course calendar, 3 were there already. Events changed since"
                        + " the last time were updated there: 1; events removed from the programme were deleted from"
                        + " it: 1.");
        assertThat(view(activity.handle(organiser(Language.SV, "course-calendar", true, Map.of()))).notice())
                .endsWith("uppdaterades där: 1; tillfällen som tagits bort ur programmet raderades ur kalendern: 1.");
        assertThat(view(activity.handle(organiser(Language.FI, "course-calendar", true, Map.of()))).notice())
                .endsWith("päivitettiin: 1; ohjelmasta poistettuja tapahtumia poistettiin kalenterista: 1.");
    }

    @Test
    void aPlatformWithoutWebServices_orOneThatRefuses_getsAPageSayingSo_inTheOrganisersLanguage() {
        ProgrammeActivity none = activity(CourseServices.none());
        create(none);
        Answer notConfigured = none.handle(organiser(Language.SV, "course-calendar", true, Map.of()));
        assertThat(((Answer.Page) notConfigured).status()).isEqualTo(409);
        assertThat(view(notConfigured).errors()).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo("#publish");
            assertThat(m.message()).startsWith("Kursens kalender är inte ansluten");
        });

        ProgrammeActivity refusing = activity(calendar);
        calendar.failure = CourseServices.Reply.failed(CourseServices.Failure.NOT_ALLOWED, "webservice_access_exception");
        Answer refused = refusing.handle(organiser(Language.FI, "course-calendar", true, Map.of()));
        assertThat(((Answer.Page) refused).status()).isEqualTo(502);
        assertThat(view(refused).errors().get(0).message()).startsWith("Alusta kieltäytyi")
                .doesNotContain("webservice_access_exception");
        assertThat(view(refused).events()).hasSize(5);
    }

    @Test
    void learnersAndOtherTenants_cannotPublish() {
        ProgrammeActivity activity = activity(calendar);
        create(activity);
        Answer learner = activity.handle(call(PageSession.Role.LEARNER, "anna", "tenant-a", Language.FI,
                "course-calendar", true, Map.of()));
        assertThat(learner).isInstanceOf(Answer.NotFound.class);
        Answer stranger = activity.handle(call(PageSession.Role.ORGANISER, "eve", "tenant-b", Language.FI,
                "course-calendar", true, Map.of()));
        assertThat(stranger).isInstanceOf(Answer.Redirect.class);
        assertThat(calendar.calls).isZero();
    }
}
