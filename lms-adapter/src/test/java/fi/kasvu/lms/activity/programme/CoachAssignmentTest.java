package fi.kasvu.lms.activity.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.programme.Coaching;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.programme.ReflectionStage;
import fi.kasvu.session.SeenPeople;
import fi.kasvu.session.SeenPerson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each participant's own coach on the organiser's page ("Each participant's coach"): the organiser
 * pairs and re-pairs participants with the programme's coaches; wrong values get a message in the
 * organiser's language and change nothing; a stale tab is refused and a replay changes nothing; a
 * reflection goes to the participant's own coach, and another coach can neither read it nor give
 * feedback by its id, in this tenant or another.
 */
class CoachAssignmentTest {

    static final String TENANT = "tenant-a";
    static final String SECRET = "YKSITYINEN: tiimini luottamus horjui";

    final Programmes programmes = Programmes.inMemory(CourseCalendarTest.CLOCK);
    final ReflectionAssignments reflections = ReflectionAssignments.inMemory(CourseCalendarTest.CLOCK);
    final SeenPeople seen = SeenPeople.inMemory(CourseCalendarTest.CLOCK);
    final ProgrammeActivity activity = ProgrammeActivity.of(programmes, reflections, seen, ClassRoster.none(),
            CalendarSubscriptions.none(), ReminderContacts.none(), URI.create("https://kasvu.example/"),
            CourseCalendarTest.CLOCK, IdGenerator.sequence("id-"));

    Answer as(PageSession.Role role, String who, Language language, String path, boolean post,
              Map<String, String> params) {
        return activity.handle(CourseCalendarTest.call(role, who, TENANT, language, path, post, params));
    }

    Answer organiser(String who, Language language, String path, boolean post, Map<String, String> params) {
        return as(PageSession.Role.ORGANISER, who, language, path, post, params);
    }

    @BeforeEach
    void programmeWithTwoCoachesAndTwoParticipants() {
        assertThat(organiser("olli", Language.EN, "create", true, Map.of("template", "supervisor-coaching",
                "starts", "2026-09-01", "zone", "Europe/Helsinki"))).isInstanceOf(Answer.Redirect.class);
        for (String[] person : List.of(new String[] {"kaisa", "Kaisa Valmentaja"},
                new String[] {"saara", "Saara Coach"}, new String[] {"anna", "Anna Esihenkilö"},
                new String[] {"bertil", "Bertil Chef"})) {
            seen.save(TenantId.of(TENANT), Versioned.unsaved(SeenPerson.of(person[0], person[1], "course-7",
                    CourseCalendarTest.CLOCK.instant())));
        }
        for (String coach : List.of("kaisa", "saara")) {
            assertThat(organiser("olli", Language.EN, "member", true, Map.of("member.person", coach,
                    "member.role", "COACH"))).isInstanceOf(Answer.Redirect.class);
        }
        as(PageSession.Role.LEARNER, "anna", Language.FI, "timeline", false, Map.of());
        as(PageSession.Role.LEARNER, "bertil", Language.FI, "timeline", false, Map.of());
    }

    Programme programme() {
        return programmes.find(TenantId.of(TENANT), ProgrammeActivity.programmeId("course-7")).orElseThrow().value();
    }

    ProgrammeViews.ManageView manage(Language language) {
        return (ProgrammeViews.ManageView) ((Answer.Page) organiser("olli", language, "manage", false, Map.of()))
                .model();
    }

    static ProgrammeViews.CoachForm formOf(ProgrammeViews.ManageView view, String name) {
        return view.coaches().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    Answer pair(String by, ProgrammeViews.CoachForm form, String coach, String was) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("form", form.id());
        params.put(form.id() + ".participant", form.participant());
        params.put(form.id() + ".was", was);
        params.put(form.id() + ".coach", coach);
        return organiser(by, Language.EN, "coach", true, params);
    }

    static String error(Answer answer, ProgrammeViews.CoachForm form) {
        ProgrammeViews.ManageView view = (ProgrammeViews.ManageView) ((Answer.Page) answer).model();
        return view.coaches().stream().filter(c -> c.id().equals(form.id())).findFirst().orElseThrow().coach().error();
    }

    String annasReflection() {
        return reflections.listByOwner(TenantId.of(TENANT), PersonId.of("anna")).documents().get(0).value().id();
    }

    @Test
    void theOrganiserPairsEachParticipant_withOneOfTheCoaches_onTheManagePage() {
        ProgrammeViews.ManageView view = manage(Language.EN);
        assertThat(view.anyCoach()).isTrue();
        assertThat(view.coaches()).extracting(ProgrammeViews.CoachForm::name)
                .containsExactlyInAnyOrder("Anna Esihenkilö", "Bertil Chef");
        ProgrammeViews.CoachForm anna = formOf(view, "Anna Esihenkilö");
        assertThat(anna.now()).isEqualTo("Coach now: nobody yet");
        assertThat(anna.coach().choices()).extracting(c -> c.label())
                .containsExactly("Choose a coach", "Kaisa Valmentaja", "Saara Coach");

        assertThat(pair("olli", anna, "kaisa", "")).isInstanceOf(Answer.Redirect.class);
        assertThat(pair("olli", formOf(view, "Bertil Chef"), "saara", "")).isInstanceOf(Answer.Redirect.class);

        assertThat(programme().coaching()).containsExactlyInAnyOrder(
                new Coaching(PersonId.of("anna"), PersonId.of("kaisa")),
                new Coaching(PersonId.of("bertil"), PersonId.of("saara")));
        ProgrammeViews.CoachForm after = formOf(manage(Language.FI), "Anna Esihenkilö");
        assertThat(after.now()).isEqualTo("Valmentaja nyt: Kaisa Valmentaja");
        assertThat(after.was()).isEqualTo("kaisa");
        assertThat(after.coach().value()).isEqualTo("kaisa");
    }

    @Test
    void wrongValues_getAMessageInTheOrganisersLanguage_andChangeNothing() {
        ProgrammeViews.ManageView view = manage(Language.EN);
        ProgrammeViews.CoachForm anna = formOf(view, "Anna Esihenkilö");
        ProgrammeViews.CoachForm forged = new ProgrammeViews.CoachForm(anna.id(), anna.name(), anna.now(),
                "nobody\u0000" + "x".repeat(5000), "", anna.coach());

        Answer unknown = pair("olli", forged, "kaisa", "");
        assertThat(((Answer.Page) unknown).status()).isEqualTo(422);
        assertThat(((ProgrammeViews.ManageView) ((Answer.Page) unknown).model()).errors())
                .extracting(m -> m.message()).containsExactly("Choose a participant of this programme.");
        Answer notACoach = pair("olli", anna, "bertil", "");
        assertThat(((Answer.Page) notACoach).status()).isEqualTo(422);
        assertThat(error(notACoach, anna)).isEqualTo("Choose one of the programme's coaches.");
        assertThat(error(pair("olli", anna, "", ""), anna)).isEqualTo("Choose one of the programme's coaches.");
        assertThat(error(pair("olli", anna, "kaisa\r\n" + "y".repeat(10_000), ""), anna))
                .isEqualTo("Choose one of the programme's coaches.");
        Map<String, String> finnish = Map.of("form", anna.id(), anna.id() + ".participant", anna.participant(),
                anna.id() + ".was", "", anna.id() + ".coach", "bertil");
        Answer inFinnish = organiser("olli", Language.FI, "coach", true, finnish);
        assertThat(error(inFinnish, anna)).isEqualTo("Valitse joku ohjelman valmentajista.");
        Answer inSwedish = organiser("olli", Language.SV, "coach", true, finnish);
        assertThat(error(inSwedish, anna)).isEqualTo("Välj en av programmets coacher.");
        assertThat(((ProgrammeViews.ManageView) ((Answer.Page) inSwedish).model()).coaches().stream()
                .filter(c -> c.id().equals(anna.id())).findFirst().orElseThrow().coach().value())
                .as("what was chosen stays chosen").isEqualTo("bertil");

        assertThat(organiser("olli", Language.EN, "coach", true, Map.of("form", "member",
                "member.participant", "anna"))).isEqualTo(Answer.notFound());
        assertThat(as(PageSession.Role.LEARNER, "anna", Language.EN, "coach", true, Map.of("form", anna.id(),
                anna.id() + ".participant", "anna", anna.id() + ".was", "", anna.id() + ".coach", "kaisa")))
                .as("a learner cannot pair herself").isEqualTo(Answer.notFound());
        assertThat(programme().coaching()).isEmpty();
    }

    @Test
    void aStaleTabIsRefused_andTheSameChangePostedAgainChangesNothing() {
        ProgrammeViews.CoachForm anna = formOf(manage(Language.EN), "Anna Esihenkilö");
        assertThat(pair("olli", anna, "kaisa", "")).isInstanceOf(Answer.Redirect.class);
        ProgrammeViews.CoachForm olliSees = formOf(manage(Language.EN), "Anna Esihenkilö");
        // Kaisa (an organiser too) hands Anna to Saara meanwhile.
        assertThat(pair("kaisa", olliSees, "saara", "kaisa")).isInstanceOf(Answer.Redirect.class);
        assertThat(pair("kaisa", olliSees, "saara", "kaisa")).as("replayed").isInstanceOf(Answer.Redirect.class);

        Answer stale = pair("olli", olliSees, "kaisa", olliSees.was());
        assertThat(((Answer.Page) stale).status()).isEqualTo(409);
        assertThat(error(stale, olliSees)).isEqualTo(
                "The coach of Anna Esihenkilö was changed meanwhile (now: Saara Coach). Nothing was saved: choose again.");
        assertThat(programme().coachOf(PersonId.of("anna"))).contains(PersonId.of("saara"));
    }

    @Test
    void aReflectionGoesToTheParticipantsOwnCoach_andNoOtherCoachReadsOrAnswersIt() {
        ProgrammeViews.ManageView view = manage(Language.EN);
        pair("olli", formOf(view, "Anna Esihenkilö"), "kaisa", "");
        pair("olli", formOf(view, "Bertil Chef"), "saara", "");
        Answer submitted = as(PageSession.Role.LEARNER, "anna", Language.FI, "reflection/reflection-1", true,
                Map.of("do", "submit", "text", SECRET));
        assertThat(submitted).isNotInstanceOf(Answer.Page.class);
        String id = annasReflection();
        assertThat(reflections.find(TenantId.of(TENANT), id).orElseThrow().value().coach())
                .isEqualTo(PersonId.of("kaisa"));

        // Saara coaches Bertil, not Anna: her timeline has nothing of Anna's, her id in a URL gets "not found".
        Answer saarasTimeline = organiser("saara", Language.EN, "timeline", false, Map.of());
        assertThat(((ProgrammeViews.TimelineView) ((Answer.Page) saarasTimeline).model()).due())
                .noneMatch(i -> i.href() != null && i.href().contains("/feedback/"));
        assertThat(organiser("saara", Language.EN, "feedback/" + id, false, Map.of())).isEqualTo(Answer.notFound());
        assertThat(organiser("saara", Language.EN, "feedback/" + id, true, Map.of("feedback", "Not mine to give")))
                .isEqualTo(Answer.notFound());
        assertThat(reflections.find(TenantId.of(TENANT), id).orElseThrow().value().stage())
                .isInstanceOf(ReflectionStage.Submitted.class);
        // The same id in another tenant finds nothing there.
        Answer foreign = activity.handle(CourseCalendarTest.call(PageSession.Role.ORGANISER, "kaisa", "tenant-b",
                Language.EN, "feedback/" + id, false, Map.of()));
        assertThat(foreign).isNotInstanceOf(Answer.Page.class);

        // Kaisa reads it and could answer; then the organiser hands Anna to Saara before any feedback.
        Answer kaisaReads = organiser("kaisa", Language.EN, "feedback/" + id, false, Map.of());
        assertThat(((ReflectionPageView) ((Answer.Page) kaisaReads).model()).submittedText()).isEqualTo(SECRET);
        ProgrammeViews.CoachForm anna = formOf(manage(Language.EN), "Anna Esihenkilö");
        assertThat(pair("olli", anna, "saara", anna.was())).isInstanceOf(Answer.Redirect.class);
        assertThat(organiser("kaisa", Language.EN, "feedback/" + id, false, Map.of())).isEqualTo(Answer.notFound());
        assertThat(organiser("kaisa", Language.EN, "feedback/" + id, true, Map.of("feedback", "Late")))
                .isEqualTo(Answer.notFound());
        Answer saaraReads = organiser("saara", Language.EN, "feedback/" + id, false, Map.of());
        assertThat(((ReflectionPageView) ((Answer.Page) saaraReads).model()).submittedText()).isEqualTo(SECRET);
        assertThat(organiser("saara", Language.EN, "feedback/" + id, true, Map.of("feedback", "Well seen.")))
                .isInstanceOf(Answer.Redirect.class);

        // Feedback given stays with the coach who gave it when Anna is paired again.
        anna = formOf(manage(Language.EN), "Anna Esihenkilö");
        assertThat(pair("olli", anna, "kaisa", anna.was())).isInstanceOf(Answer.Redirect.class);
        ReflectionAssignment answered = reflections.find(TenantId.of(TENANT), id).orElseThrow().value();
        assertThat(answered.coach()).isEqualTo(PersonId.of("saara"));
        assertThat(organiser("kaisa", Language.EN, "feedback/" + id, false, Map.of())).isEqualTo(Answer.notFound());
    }
}
