package fi.kasvu.lms.activity.survey;

import static fi.kasvu.lms.activity.survey.SurveyCourseGroupsTest.BY_GROUPS;
import static fi.kasvu.lms.activity.survey.SurveyCourseGroupsTest.call;
import static fi.kasvu.lms.activity.survey.SurveyCourseGroupsTest.session;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.PageSession;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team discussion (seed 004): a course group's members keep notes per building block on a round
 * whose results they may see. Only members read and write them — the organiser only as a member,
 * never another group, another tenant or a learner before the results are published — a stale
 * tab is told so without losing its text, bad input is named, and the notes reach neither the
 * results nor the exports.
 */
class SurveyTeamNotesTest {

    final SurveyCourseGroupsTest world = new SurveyCourseGroupsTest();
    final SurveyActivity activity = world.activity;
    static final String LINK = "rl-team";

    @BeforeEach
    void aClosedRound() {
        world.organiser(LINK, "open");
        for (String learner : List.of("l1", "l2", "l3", "l5", "l6", "l7")) {
            world.answer(learner, LINK, 1, learner.compareTo("l4") < 0 ? 4 : 2);
        }
        world.organiser(LINK, "close");
    }

    Answer as(PageSession.Role role, String subject, String path, boolean post, Map<String, String> params) {
        return activity.handle(call(session(role, subject, LINK, BY_GROUPS), path, post, params));
    }

    Answer learner(String subject, boolean post, Map<String, String> params) {
        return as(PageSession.Role.LEARNER, subject, "team", post, params);
    }

    static SurveyViews.TeamView view(Answer answer) {
        assertThat(answer).isInstanceOf(Answer.Page.class);
        return (SurveyViews.TeamView) ((Answer.Page) answer).model();
    }

    static String note(SurveyViews.TeamView view, String item) {
        return view.items().stream().filter(i -> i.id().equals("i-" + item)).findFirst().orElseThrow().note().value();
    }

    Map<String, String> notes(long version, String dialogue) {
        Map<String, String> form = new HashMap<>();
        form.put("round", "1");
        form.put("team", "g-11");
        form.put("version", Long.toString(version));
        form.put("note.dialogue", dialogue);
        form.put("note.learning-valued", "Opimme yhdessä.");
        return form;
    }

    void publish() {
        as(PageSession.Role.ORGANISER, "teacher", "results", true, Map.of("round", "1", "do", "publish"));
    }

    @Test
    void members_keepTheirNotes_afterTheResultsArePublished() {
        assertThat(learner("l1", false, Map.of("round", "1"))).as("results not published yet")
                .isEqualTo(Answer.notFound());
        publish();
        SurveyViews.TeamView first = view(learner("l1", false, Map.of("round", "1")));
        assertThat(first.frame().title()).isEqualTo("Tiimin keskustelu: Team Aalto");
        assertThat(first.teamShown()).isTrue();
        assertThat(first.items()).hasSize(7);
        assertThat(first.items().get(3).team()).startsWith("keskiarvo 4");
        assertThat(first.frame().back()).as("the language switch comes back here").isEqualTo("team/1-g-11");
        assertThat(view(as(PageSession.Role.LEARNER, "l1", "team/1-g-11", false, Map.of())).team()).isEqualTo("g-11");
        assertThat(as(PageSession.Role.LEARNER, "l1", "team/1-g-12", false, Map.of())).isEqualTo(Answer.notFound());
        assertThat(as(PageSession.Role.LEARNER, "l1", "team/x", false, Map.of())).isEqualTo(Answer.notFound());

        Answer saved = learner("l1", true, notes(first.version(), "Kuuntelemme toisiamme."));
        assertThat(saved).isInstanceOf(Answer.Redirect.class);
        SurveyViews.TeamView other = view(learner("l2", false, Map.of("round", "1", "team", "g-11")));
        assertThat(note(other, "dialogue")).isEqualTo("Kuuntelemme toisiamme.");
        assertThat(note(other, "learning-valued")).isEqualTo("Opimme yhdessä.");

        // The results page links here for members, and shows no note.
        Answer results = as(PageSession.Role.LEARNER, "l1", "results", false, Map.of("round", "1"));
        SurveyViews.ResultsView page = (SurveyViews.ResultsView) ((Answer.Page) results).model();
        assertThat(page.teamHref()).endsWith("/team?round=1");
        assertThat(page.toString()).doesNotContain("Kuuntelemme");
        Answer csv = as(PageSession.Role.ORGANISER, "teacher", "export.csv", false, Map.of("round", "1"));
        assertThat(new String(((Answer.Download) csv).body(), StandardCharsets.UTF_8)).doesNotContain("Kuuntelemme")
                .contains("Team Aalto");

        // The stored notes name their author (for the GDPR export and erasure), and no one else; the
        // page never shows who wrote a note.
        fi.kasvu.survey.TeamDiscussion discussion = world.discussions.find(TenantId.of("agency"),
                fi.kasvu.survey.TeamDiscussion.idOf(SurveyActivity.surveyIdFor(SurveyActivity.CULTURE,
                        "activity:" + LINK), 1, "g-11")).orElseThrow().value();
        String stored = KasvuJson.create().toJson(discussion);
        assertThat(stored).contains("Kuuntelemme").doesNotContain("l2");
        assertThat(discussion.authors()).containsOnlyKeys("dialogue", "learning-valued");
        assertThat(discussion.authors().values()).allMatch(author -> author.value().contains("l1"));
    }

    @Test
    void nonMembers_otherGroups_otherTenants_andTheOrganiserOutsideTheGroup_seeNothing() {
        publish();
        learner("l1", true, notes(0, "Vain meille."));
        assertThat(learner("l5", false, Map.of("round", "1", "team", "g-11"))).isEqualTo(Answer.notFound());
        assertThat(learner("l5", true, notes(1, "Birch kirjoittaa"))).isEqualTo(Answer.notFound());
        SurveyViews.TeamView birch = view(learner("l5", false, Map.of("round", "1")));
        assertThat(birch.team()).isEqualTo("g-12");
        assertThat(birch.toString()).doesNotContain("Vain meille");
        assertThat(learner("l9", false, Map.of("round", "1"))).as("in a group under three").isEqualTo(Answer.notFound());
        assertThat(as(PageSession.Role.ORGANISER, "teacher", "team", false, Map.of("round", "1")))
                .isEqualTo(Answer.notFound());
        assertThat(note(view(as(PageSession.Role.ORGANISER, "l4", "team", false, Map.of("round", "1"))), "dialogue"))
                .as("an organiser who is a member").isEqualTo("Vain meille.");
        Answer foreign = activity.handle(call(session(TenantId.of("other-agency"), PageSession.Role.LEARNER, "l1",
                LINK, BY_GROUPS), "team", false, Map.of("round", "1")));
        assertThat(foreign).isEqualTo(Answer.notFound());
        assertThat(learner("l1", false, Map.of("round", "2"))).isEqualTo(Answer.notFound());
        assertThat(learner("l1", false, Map.of("round", "x"))).isEqualTo(Answer.notFound());
        assertThat(learner("l1", false, Map.of("round", "1", "team", "g-13"))).isEqualTo(Answer.notFound());
    }

    @Test
    void aStaleTab_isTold_andKeepsItsText_badInputIsNamed_andNothingIsLost() {
        publish();
        long version = view(learner("l2", false, Map.of("round", "1"))).version();
        learner("l1", true, notes(version, "Ensimmäinen."));
        Answer stale = learner("l2", true, notes(version, "Toinen välilehti."));
        SurveyViews.TeamView kept = view(stale);
        assertThat(((Answer.Page) stale).status()).isEqualTo(409);
        assertThat(kept.errors()).extracting(m -> m.message()).containsExactly("Joku tiimistänne (tai toinen "
                + "välilehtesi) tallensi muistiinpanot sen jälkeen, kun avasit sivun. Tekstisi on alla; kopioi "
                + "tarvitsemasi, lataa sivu uudelleen ja tallenna sitten.");
        assertThat(note(kept, "dialogue")).isEqualTo("Toinen välilehti.");

        long now = view(learner("l2", false, Map.of("round", "1"))).version();
        Answer tooLong = learner("l2", true, notes(now, "x".repeat(4001)));
        assertThat(((Answer.Page) tooLong).status()).isEqualTo(422);
        assertThat(view(tooLong).errors()).extracting(m -> m.message()).containsExactly(
                "Muistiinpano kohdassa ”Vuorovaikutus, arvostus ja yhteistyö: kuunteleminen, kysyminen ja dialogi” on "
                        + "liian pitkä: enintään 4000 merkkiä, nyt 4001. Lyhennä sitä; muut muistiinpanot ovat tallella "
                        + "lomakkeella.");
        assertThat(note(view(tooLong), "learning-valued")).isEqualTo("Opimme yhdessä.");
        Answer control = learner("l2", true, notes(now, "kello\u0007"));
        assertThat(((Answer.Page) control).status()).isEqualTo(422);
        assertThat(view(control).errors()).hasSize(1);
        assertThat(note(view(learner("l2", false, Map.of("round", "1"))), "dialogue"))
                .as("nothing saved by refused forms").isEqualTo("Ensimmäinen.");
    }
}
