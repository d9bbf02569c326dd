package fi.kasvu.lms.activity.grow;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.grow.GrowCoachNotes;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.grow.GrowEvents;
import fi.kasvu.grow.Mode;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Placement;
import fi.kasvu.lms.web.ScoreState;
import fi.kasvu.plan.DevelopmentPlans;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two-party GROW on the activity itself, with core's in-memory ports and a roster of the test's
 * own: the modes each template starts in, a coach-only session that can never be scored, another
 * tenant's conversation under the same id, and the rules of choosing a coach.
 */
class TwoPartyGrowTest {

    private static final TenantId TENANT = TenantId.of("moodle.example/deployment-1");
    private static final TenantId OTHER = TenantId.of("other.example/deployment-9");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private final GrowConversations conversations = GrowConversations.inMemory(CLOCK);
    private final GrowCoachNotes notes = GrowCoachNotes.inMemory(CLOCK);
    private final List<ClassRoster.Member> members = new java.util.ArrayList<>(List.of(
            new ClassRoster.Member("emp-1", "Eeva Employee"), new ClassRoster.Member("sup-1", "Sakari Supervisor")));
    private final AtomicInteger next = new AtomicInteger();
    private final IdGenerator ids = () -> "id-" + next.incrementAndGet();
    private final GrowActivity activity = GrowActivity.of(conversations, GrowEvents.none(), CLOCK, ids,
            DevelopmentPlans.inMemory(CLOCK), notes, session -> members);

    private PageSession session(TenantId tenant, String subject, String template, String documentId) {
        Placement placement = Placement.fromCustom(activity, Map.of("kasvu_template", template), "Keskustelu");
        return new PageSession("token-" + subject, "csrf-1", PageSession.Role.LEARNER, tenant, "https://moodle.example",
                "client-1", "deployment-1", subject, "", "https://moodle.example", "activity:rl-1", "", placement,
                Language.FI, "", "", "", "", documentId);
    }

    private Answer call(PageSession session, String path, boolean post, Map<String, String> form) {
        Map<String, String[]> all = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> all.put(k, new String[] {v}));
        return activity.handle(new Call(session, path, post, form, all, "/pages/s/" + session.token(),
                "/pages/static", PageTexts.in(Language.FI).with(GrowActivity.TEXTS), new ScoreState.NotGraded()));
    }

    @Test
    void templatesHeldWithACoach_startInSupervisorMode_othersStayAlone() {
        Activity.Entry discussion = activity.enter(session(TENANT, "emp-1", "development-discussion", ""));
        Activity.Entry onboarding = activity.enter(session(TENANT, "sup-1", "newcomer-onboarding", ""));
        PageSession alone = session(TENANT, "emp-1", "personal-development", "");

        assertThat(conversations.find(TENANT, discussion.documentId()).orElseThrow().value().mode())
                .isEqualTo(Mode.SUPERVISOR);
        assertThat(conversations.find(TENANT, onboarding.documentId()).orElseThrow().value().mode())
                .isEqualTo(Mode.SUPERVISOR);
        assertThat(activity.enter(alone)).extracting(Activity.Entry::path).isEqualTo("grow/goal");
        assertThat(Coaching.twoParty(fi.kasvu.grow.GrowTemplates.PERSONAL_DEVELOPMENT)).isFalse();
        assertThat(Coaching.twoParty(fi.kasvu.grow.GrowTemplates.ROLE_REFLECTION)).isFalse();
    }

    @Test
    void aCoachWithNothingOfTheirOwn_entersTheirCoachingList_whichNeverCompletesOrScores() {
        PageSession coachee = session(TENANT, "emp-1", "development-discussion", "");
        String id = activity.enter(coachee).documentId();
        Answer invited = call(coachee.withDocument(id), "coach", true, Map.of("coach", "sup-1", "was", ""));
        assertThat(invited).isEqualTo(Answer.redirect("/pages/s/token-emp-1/coach?done=invited"));

        Activity.Entry coach = activity.enter(session(TENANT, "sup-1", "development-discussion", ""));

        assertThat(coach.documentId()).isEqualTo(GrowActivity.COACHING);
        assertThat(coach.path()).isEqualTo("coaching");
        assertThat(conversations.listByOwner(TENANT, PersonId.of("sup-1")).documents()).isEmpty();
        assertThat(activity.completion(TENANT, GrowActivity.COACHING)).isEqualTo(Activity.Completion.notYet());
        assertThat(call(session(TENANT, "sup-1", "development-discussion", GrowActivity.COACHING), "summary", false,
                Map.of())).isEqualTo(Answer.redirect("/pages/s/token-sup-1/start"));
    }

    @Test
    void anotherTenantsConversation_underTheSameId_isNeverReachedByItsCoach() {
        PageSession coachee = session(TENANT, "emp-1", "development-discussion", "");
        String id = activity.enter(coachee).documentId();
        call(coachee.withDocument(id), "coach", true, Map.of("coach", "sup-1", "was", ""));
        PageSession foreignCoach = session(OTHER, "sup-1", "development-discussion", GrowActivity.COACHING);

        Answer page = call(foreignCoach, "coaching/" + id, false, Map.of());
        Answer post = call(foreignCoach, "coaching/" + id + "/notes", true, Map.of("notes", "vieras"));

        assertThat(page).isInstanceOfSatisfying(Answer.Page.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(post).isInstanceOfSatisfying(Answer.Page.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(notes.listByOwner(OTHER, PersonId.of("sup-1")).documents()).isEmpty();
        assertThat(notes.listByOwner(TENANT, PersonId.of("sup-1")).documents()).isEmpty();
        assertThat(call(session(TENANT, "sup-1", "development-discussion", GrowActivity.COACHING), "coaching/" + id,
                false, Map.of())).isInstanceOfSatisfying(Answer.Page.class, p -> assertThat(p.status()).isEqualTo(200));
    }

    @Test
    void choosingACoach_followsTheRoster_andTheCoachTheFormWasDrawnWith() {
        Coaching.Roster roster = new Coaching.Roster(members);
        Coaching.Roster none = new Coaching.Roster(List.of());
        PageTexts t = PageTexts.in(Language.EN).with(GrowActivity.TEXTS);
        PersonId employee = PersonId.of("emp-1"), supervisor = PersonId.of("sup-1");

        assertThat(Coaching.choose(roster, employee, "sup-1", "", null, t)).isEqualTo(new Coaching.Choice.Set(supervisor));
        assertThat(Coaching.choose(roster, employee, "emp-1", "", null, t))
                .isEqualTo(new Coaching.Choice.Refused("coach.error.self", List.of()));
        assertThat(Coaching.choose(roster, employee, "x-1\u0000", "", null, t))
                .isEqualTo(new Coaching.Choice.Refused("coach.error.notOnRoster", List.of()));
        assertThat(Coaching.choose(none, employee, "sup-1", "", null, t))
                .isEqualTo(new Coaching.Choice.Refused("coach.error.noRoster", List.of()));
        assertThat(Coaching.choose(roster, employee, "sup-1", "sup-1", supervisor, t)).isEqualTo(new Coaching.Choice.Same(false));
        assertThat(Coaching.choose(roster, employee, "sup-1", "", supervisor, t)).isEqualTo(new Coaching.Choice.Same(true));
        assertThat(Coaching.choose(roster, employee, "", "", supervisor, t))
                .isEqualTo(new Coaching.Choice.Refused("coach.error.stale", List.of("Sakari Supervisor")));
        assertThat(Coaching.choose(roster, employee, "", "sup-1", supervisor, t)).isEqualTo(new Coaching.Choice.Set(null));
        assertThat(roster.left(supervisor)).isFalse();
        assertThat(roster.left(PersonId.of("gone-1"))).isTrue();
        assertThat(none.left(PersonId.of("gone-1"))).as("without a roster nobody is taken for gone").isFalse();
        assertThat(GrowTexts.problem(new fi.kasvu.grow.GrowProblem.CoachMissing(Mode.SUPERVISOR), Language.SV))
                .contains("Välj din coach");
    }

    @Test
    void aConversationInSupervisorMode_needsItsCoachToCompleteTheGoal() {
        PageSession coachee = session(TENANT, "emp-1", "development-discussion", "");
        String id = activity.enter(coachee).documentId();
        GrowConversation c = conversations.find(TENANT, id).orElseThrow().value().withSessionGoal("Lead")
                .withMeasures("Team says so");

        assertThat(c.advance().problems()).extracting(p -> p.code()).containsExactly("grow.setup.coachMissing");
        assertThat(GrowProblems.fieldOf(c.advance().problems().get(0))).isEqualTo("participants.coach");
    }
}
