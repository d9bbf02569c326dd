package fi.kasvu.lms.activity.survey;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Placement;
import fi.kasvu.survey.SurveyParticipations;
import fi.kasvu.survey.SurveyReportings;
import fi.kasvu.survey.SurveyResponse;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.Surveys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Breakdowns by the course's groups, with a small in-test {@link CourseServices}: an answer carries
 * a group only if its member belongs to exactly one group of three or more, the label reaches the
 * database only with two others of the same group, and the results withhold every group whose
 * figure another one subtracts down to fewer than three.
 */
class SurveyCourseGroupsTest {

    static final TenantId TENANT = TenantId.of("agency");
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final Surveys surveys = Surveys.inMemory(clock);
    final SurveyResponses responses = SurveyResponses.inMemory(clock);
    final SurveyParticipations participations = SurveyParticipations.inMemory(clock);
    final SurveyReportings reportings = SurveyReportings.inMemory(clock);

    /** The course: group A of four, group B of three, group C of two; l10 is in A and B. */
    static final List<CourseServices.CourseGroup> GROUPS = List.of(
            new CourseServices.CourseGroup("11", "Team Aalto", List.of("l1", "l2", "l3", "l4", "l10")),
            new CourseServices.CourseGroup("12", "Team Birch", List.of("l5", "l6", "l7", "l10")),
            new CourseServices.CourseGroup("13", "Team Cedar", List.of("l8", "l9")));

    /** A platform that knows the course's groups. */
    static final class Course implements CourseServices {
        final List<PageSession> asked = new ArrayList<>();
        CourseServices.Reply<List<CourseGroup>> reply = CourseServices.Reply.done(GROUPS);

        @Override
        public Reply<List<CourseGroup>> groups(PageSession session) {
            asked.add(session);
            return reply;
        }

        @Override
        public Reply<Published> publishGroups(PageSession session, String groupingName, List<GroupToPublish> groups) {
            return Reply.notConfigured();
        }

        @Override
        public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
            return Reply.notConfigured();
        }
    }

    final Course course = new Course();
    final fi.kasvu.survey.TeamDiscussions discussions = fi.kasvu.survey.TeamDiscussions.inMemory(clock);
    final SurveyActivity activity = SurveyActivity.culture(surveys, responses, participations, reportings, course,
            discussions, clock);

    static PageSession session(PageSession.Role role, String subject, String link, Map<String, String> settings) {
        return session(TENANT, role, subject, link, settings);
    }

    static PageSession session(TenantId tenant, PageSession.Role role, String subject, String link,
                               Map<String, String> settings) {
        return new PageSession("tok-" + subject, "csrf-" + subject, role, tenant, "https://moodle.example.org",
                "client", "dep", subject, "", "https://moodle.example.org", "activity:" + link, "Coaching",
                new Placement(SurveyActivity.CULTURE, "Culture", Optional.empty(), false, settings), Language.FI,
                "", "", "", "", "");
    }

    static Call call(PageSession session, String path, boolean post, Map<String, String> params) {
        return new Call(session, path, post, params, Map.of(), "/pages/s/x", "/static",
                PageTexts.in(session.language()).with(SurveyActivity.TEXTS), () -> {
                    throw new AssertionError("surveys read no score");
                });
    }

    static final Map<String, String> BY_GROUPS = Map.of(SurveySettings.GROUPS, "course");

    Answer answer(String subject, String link, int round, int value) {
        Map<String, String> form = new HashMap<>();
        form.put("round", Integer.toString(round));
        form.put("ballot", ("key-" + subject + "-" + link + "-").repeat(4).substring(0, 40).replace('.', '_'));
        form.put("q.ca1", Integer.toString(value));
        form.put("q.di1", Integer.toString(value));
        return activity.handle(call(session(PageSession.Role.LEARNER, subject, link, BY_GROUPS), "survey", true, form));
    }

    void organiser(String link, String action) {
        Answer done = activity.handle(call(session(PageSession.Role.ORGANISER, "teacher", link, BY_GROUPS), "manage",
                true, Map.of("do", action)));
        assertThat(done).isInstanceOf(Answer.Redirect.class);
    }

    SurveyViews.ResultsView results(String link, int round) {
        Answer page = activity.handle(call(session(PageSession.Role.ORGANISER, "teacher", link, BY_GROUPS),
                "results", false, Map.of("round", Integer.toString(round))));
        return (SurveyViews.ResultsView) ((Answer.Page) page).model();
    }

    List<SurveyResponse> stored(String link) {
        return activity.ballots().responses(TENANT, SurveyActivity.surveyIdFor(SurveyActivity.CULTURE,
                "activity:" + link));
    }

    @Test
    void answersCarryTheirOneCourseGroup_onlyInCompany_andResultsWithholdWhatSubtractionWouldReveal() {
        organiser("rl-1", "open");
        for (String learner : List.of("l1", "l2", "l5", "l8", "l10")) {
            assertThat(answer(learner, "rl-1", 1, 4)).isInstanceOf(Answer.Redirect.class);
        }
        // Five wait; l1 and l2 name Team Aalto, l5 Team Birch: no group has three. Only l8 (in a
        // group too small to name) and l10 (in two groups) are ready: too few for a batch.
        assertThat(stored("rl-1")).isEmpty();
        assertThat(answer("l3", "rl-1", 1, 2)).isInstanceOf(Answer.Redirect.class);
        // Aalto's three and the two without a group are written together; Birch's one waits.
        assertThat(stored("rl-1")).hasSize(5).filteredOn(r -> "g-11".equals(r.group().unit())).hasSize(3);
        assertThat(stored("rl-1")).filteredOn(r -> r.group().unit() == null).hasSize(2);
        organiser("rl-1", "close");

        List<SurveyResponse> all = stored("rl-1");
        assertThat(all).hasSize(6);
        assertThat(all).as("Team Birch had one answer: its label never reached the database")
                .noneSatisfy(r -> assertThat(r.group().unit()).isEqualTo("g-12"));
        assertThat(all).noneSatisfy(r -> assertThat(r.group().unit()).isEqualTo("g-13"));

        SurveyViews.ResultsView view = results("rl-1", 1);
        // Everyone 6, Team Aalto 3: the other 3 are enough, so both are shown.
        assertThat(view.tables()).extracting(SurveyViews.FigureTable::label).containsExactly("Kaikki", "Team Aalto");
        assertThat(view.hidden()).containsExactly("Team Birch");
        assertThat(view.breakdown()).isNotNull();
        assertThat(course.asked).isNotEmpty();
    }

    @Test
    void theDifferenceAttackAcrossGroups_isWithheldOnThePageAndInTheExport() {
        organiser("rl-2", "open");
        for (String learner : List.of("l1", "l2", "l3", "l8")) {
            answer(learner, "rl-2", 1, 5);
        }
        organiser("rl-2", "close");
        assertThat(stored("rl-2")).filteredOn(r -> "g-11".equals(r.group().unit())).hasSize(3);

        // Everyone 4, Team Aalto 3: everyone minus Aalto would be l8's single answer.
        SurveyViews.ResultsView view = results("rl-2", 1);
        assertThat(view.tables()).extracting(SurveyViews.FigureTable::label).containsExactly("Kaikki");
        assertThat(view.hidden()).containsExactly("Team Aalto", "Team Birch");
        assertThat(view.breakdown()).isNull();

        Answer csv = activity.handle(call(session(PageSession.Role.ORGANISER, "teacher", "rl-2", BY_GROUPS),
                "export.csv", false, Map.of("round", "1")));
        String text = new String(((Answer.Download) csv).body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Kaikki").doesNotContain("Aalto").doesNotContain("Birch");
    }

    @Test
    void aPlatformThatCannotSay_countsEveryAnswerUnderEveryoneOnly() {
        course.reply = CourseServices.Reply.failed(CourseServices.Failure.UNREACHABLE, "timeout");
        organiser("rl-3", "open");
        for (String learner : List.of("l1", "l2", "l3")) {
            assertThat(answer(learner, "rl-3", 1, 3)).isInstanceOf(Answer.Redirect.class);
        }
        organiser("rl-3", "close");
        assertThat(stored("rl-3")).hasSize(3).allSatisfy(r -> assertThat(r.group().unit()).isNull());
        assertThat(results("rl-3", 1).tables()).extracting(SurveyViews.FigureTable::label).containsExactly("Kaikki");
    }

    @Test
    void settings_courseGroupsAndUnitsTogether_areRefusedWithAReason() {
        PageTexts sv = PageTexts.in(Language.SV).with(SurveyActivity.TEXTS);
        Activity.Settings both = activity.readForm(Map.of("units", "A\nB", "groups", "on"), sv);
        assertThat(both.errors()).containsEntry("groups", "Välj antingen enheter eller kursens grupper, inte båda: "
                + "två parallella indelningar kunde genom subtraktion avslöja ett enskilt svar.");
        Activity.Settings groups = activity.readForm(Map.of("units", "", "groups", "on"), sv);
        assertThat(groups.errors()).isEmpty();
        assertThat(groups.custom()).containsEntry(SurveySettings.GROUPS, "course");
        assertThat(activity.readCustom(Map.of(SurveySettings.GROUPS, "course", SurveySettings.UNITS, "QQ")))
                .as("a hand-made placement with both keeps the units only").doesNotContainKey(SurveySettings.GROUPS);
    }
}
