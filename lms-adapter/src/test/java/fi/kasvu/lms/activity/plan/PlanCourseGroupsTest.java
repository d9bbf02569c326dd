package fi.kasvu.lms.activity.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.PlanTeam;
import fi.kasvu.plan.PlanTeams;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Placement;
import fi.kasvu.lms.web.ScoreState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Sharing a plan with a course group (issue 16: "the owner picks the team members from the roster,
 * or a course group") through the web layer's {@link CourseServices} port, here an in-test
 * implementation answering as a platform would: with the course's groups, not configured, or
 * failed. The plan's pages are driven through the activity itself, on core's in-memory stores.
 */
class PlanCourseGroupsTest {

    static final TenantId TENANT = TenantId.of("platform-1");
    final Clock clock = Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"), ZoneOffset.UTC);
    final DevelopmentPlans plans = DevelopmentPlans.inMemory(clock);
    final PlanTeams teams = PlanTeams.inMemory(clock);
    final AtomicReference<CourseServices.Reply<List<CourseServices.CourseGroup>>> groups = new AtomicReference<>(
            CourseServices.Reply.done(List.of(
                    new CourseServices.CourseGroup("g-ako", "AKO team", List.of("2", "3", "4")),
                    new CourseServices.CourseGroup("g-alone", "Only me", List.of("2")),
                    new CourseServices.CourseGroup("g-odd", "Odd ids", List.of("5", " ", "x\u0000y")))));
    final List<PageSession> asked = new java.util.ArrayList<>();

    /** The platform's course services as the test sets them; publishing is not used by plans. */
    final CourseServices course = new CourseServices() {
        @Override
        public Reply<List<CourseGroup>> groups(PageSession session) {
            asked.add(session);
            return groups.get();
        }

        @Override
        public Reply<Published> publishGroups(PageSession session, String groupingName, List<GroupToPublish> g) {
            throw new AssertionError("plans publish no groups");
        }

        @Override
        public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
            throw new AssertionError("plans publish no events");
        }
    };
    final ClassRoster roster = session -> List.of(new ClassRoster.Member("2", "Anna"),
            new ClassRoster.Member("3", "Pekka"), new ClassRoster.Member("4", "Kaisa"));
    final PlanActivity activity = PlanActivity.of(plans, teams, roster, course, clock, IdGenerator.sequence("id"));

    static PageSession session(String subject, Language language, String documentId) {
        return new PageSession("token-" + subject, "csrf-" + subject, PageSession.Role.LEARNER, TENANT,
                "https://moodle.example.org", "client-1", "deployment-1", subject, "", "https://moodle.example.org",
                "course-1", "Course", new Placement(PlanActivity.KIND, "Plan", Optional.empty(), false, Map.of()),
                language, "", "", "", "", documentId);
    }

    Answer call(PageSession session, String path, boolean post, Map<String, String> form) {
        Map<String, String[]> all = new LinkedHashMap<>();
        form.forEach((k, v) -> all.put(k, new String[] {v}));
        return activity.handle(new Call(session, path, post, form, all, "/pages/s/" + session.token(),
                "/pages/static", PageTexts.in(session.language()).with(PlanActivity.TEXTS), new ScoreState.NotGraded()));
    }

    static PlanViews.PlanView view(Answer answer) {
        assertThat(answer).isInstanceOf(Answer.Page.class);
        return (PlanViews.PlanView) ((Answer.Page) answer).model();
    }

    static int status(Answer answer) {
        return ((Answer.Page) answer).status();
    }

    String ownersPlan(Language language) {
        return activity.enter(session("2", language, "")).documentId();
    }

    @Test
    void theOwner_sharesWithACourseGroup_whoseMembersReadAndComment_theOwnerIsNotAddedToHerOwnTeam() {
        String plan = ownersPlan(Language.EN);
        PageSession owner = session("2", Language.EN, plan);
        PlanViews.PlanView page = view(call(owner, "plan/" + plan, false, Map.of()));
        assertThat(page.group()).isNotNull();
        assertThat(page.group().choices()).extracting(c -> c.label())
                .containsExactly("No group", "AKO team", "Odd ids", "Only me");
        assertThat(page.groupsNote()).isEmpty();
        assertThat(asked).extracting(PageSession::contextId).containsOnly("course-1");

        Answer shared = call(owner, "plan/" + plan + "/team", true, Map.of("do", "share", "group", "g-ako"));
        assertThat(shared).isEqualTo(Answer.redirect("/pages/s/token-2/plan/" + plan + "?done=shared"));
        PlanTeam team = teams.find(TENANT, plan).orElseThrow().value();
        assertThat(team.members()).containsExactlyInAnyOrder(PersonId.of("3"), PersonId.of("4"));
        assertThat(view(call(owner, "plan/" + plan, false, Map.of())).members()).containsExactly("Kaisa", "Pekka");

        PageSession pekka = session("3", Language.FI, "");
        assertThat(status(call(pekka, "plan/" + plan, false, Map.of()))).isEqualTo(200);
        assertThat(call(pekka, "plan/" + plan + "/comment", true, Map.of("comment", "Hyvä suunta")))
                .isEqualTo(Answer.redirect("/pages/s/token-3/plan/" + plan + "?done=comment"));
        assertThat(view(call(pekka, "plan/" + plan, false, Map.of())).group()).as("a reader gets no share form")
                .isNull();
        assertThat(call(pekka, "plan/" + plan + "/team", true, Map.of("do", "share", "group", "g-ako")))
                .isEqualTo(Answer.notFound());

        assertThat(call(owner, "plan/" + plan + "/team", true, Map.of("do", "stop")))
                .isEqualTo(Answer.redirect("/pages/s/token-2/plan/" + plan + "?done=unshared"));
        assertThat(call(pekka, "plan/" + plan, false, Map.of())).isEqualTo(Answer.notFound());
    }

    @Test
    void aGroupOfAnotherCourse_aGroupOfOnlyTheOwner_andOddMemberIds_areHandledWithAMessage() {
        String plan = ownersPlan(Language.FI);
        PageSession owner = session("2", Language.FI, plan);
        Answer foreign = call(owner, "plan/" + plan + "/team", true, Map.of("do", "share", "group", "g-other-course"));
        assertThat(status(foreign)).isEqualTo(422);
        assertThat(view(foreign).group().error()).isEqualTo("Valitse jokin kurssin ryhmistä.");
        assertThat(view(foreign).errors()).extracting(m -> m.target()).containsExactly("#f-group");
        assertThat(teams.find(TENANT, plan)).isEmpty();

        Answer alone = call(owner, "plan/" + plan + "/team", true, Map.of("do", "share", "group", "g-alone"));
        assertThat(status(alone)).isEqualTo(422);
        assertThat(view(alone).group().error()).isEqualTo(
                "Ryhmässä ”Only me” ei ole ketään muuta kuin sinä. Valitse henkilöt luettelosta.");

        assertThat(call(owner, "plan/" + plan + "/team", true, Map.of("do", "share", "group", "g-odd")))
                .isInstanceOf(Answer.Redirect.class);
        assertThat(teams.find(TENANT, plan).orElseThrow().value().members()).containsExactly(PersonId.of("5"));
    }

    @Test
    void aPlatformWithoutGroups_offersNone_andOneThatFails_saysWhyInTheOwnersLanguage_losingNothing() {
        String plan = ownersPlan(Language.SV);
        PageSession owner = session("2", Language.SV, plan);
        groups.set(CourseServices.Reply.notConfigured());
        PlanViews.PlanView none = view(call(owner, "plan/" + plan, false, Map.of()));
        assertThat(none.group()).isNull();
        assertThat(none.groupsNote()).isEmpty();
        assertThat(none.candidates()).extracting(c -> c.label()).containsExactly("Pekka", "Kaisa");

        groups.set(CourseServices.Reply.failed(CourseServices.Failure.UNREACHABLE, "timeout"));
        PlanViews.PlanView failed = view(call(owner, "plan/" + plan, false, Map.of()));
        assertThat(failed.group()).isNull();
        assertThat(failed.groupsNote()).startsWith("Kursens grupper kunde inte läsas just nu");

        Answer refused = call(owner, "plan/" + plan + "/team", true, Map.of("do", "share", "group", "g-ako"));
        assertThat(status(refused)).isEqualTo(422);
        assertThat(view(refused).groupsNote()).startsWith("Kursens grupper kunde inte läsas just nu")
                .contains("Inget gick förlorat");
        assertThat(teams.find(TENANT, plan)).isEmpty();

        groups.set(CourseServices.Reply.failed(CourseServices.Failure.NOT_ALLOWED, "nopermissions"));
        assertThat(view(call(owner, "plan/" + plan, false, Map.of())).groupsNote())
                .contains("Kasvu får inte läsa dem").doesNotContain("nopermissions");
        assertThat(call(owner, "plan/" + plan + "/team", true, Map.of("do", "share", "member", "3")))
                .as("picking people still works while groups fail").isInstanceOf(Answer.Redirect.class);
    }
}
