package fi.kasvu.lms.activity.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentKeys;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.feedback.CompetenceSet;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.CompetenceTheme;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.lms.activity.survey.SurveyActivity;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.MemberRole;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.programme.ActivityKind;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeEvents;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.survey.SurveyParticipation;
import fi.kasvu.common.LocalizedText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The owner's figures counted from real in-memory stores of the other kinds: participation per
 * assignment, meetings per peer group, 360 response rates and experiments by step, with every
 * figure of one or two people (or one that two shown figures would give away) withheld.
 */
class DashboardFiguresTest {

    static final TenantId TENANT = TenantId.of("tenant-a");
    static final String COURSE = "course-42";
    static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final PersonId OLLI = PersonId.of("organiser-olli");

    final Stores stores = stores();
    final Programmes programmes = stores.programmes();
    final ReflectionAssignments reflections = stores.reflections();
    final ProgrammeService service = ProgrammeService.of(programmes, reflections, ProgrammeEvents.none(), CLOCK,
            IdGenerator.sequence("id-"));
    final DashboardFigures.Sources sources = stores.sources();

    /** The stores the figures are counted from. */
    record Stores(Programmes programmes, ReflectionAssignments reflections, DashboardFigures.Sources sources) {
    }

    /**
     * The stores of one test: in memory here; {@link DashboardFiguresPostgresTest} runs every test
     * of this class on PostgreSQL instead (called while the instance is being built).
     */
    Stores stores() {
        return new Stores(Programmes.inMemory(CLOCK), ReflectionAssignments.inMemory(CLOCK),
                DashboardFigures.Sources.empty(CLOCK));
    }

    static PersonId p(int i) {
        return PersonId.of("participant-" + i);
    }

    Programme programmeWith(int participants) {
        Programme created = service.fromTemplate(TENANT, ProgrammeTemplates.SUPERVISOR_COACHING, COURSE,
                LocalDate.of(2026, 8, 24), ZoneId.of("Europe/Helsinki"), OLLI).value();
        for (int i = 1; i <= participants; i++) {
            Member member = new Member(p(i), ProgrammeRole.PARTICIPANT);
            created = service.change(TENANT, created.id(), (pr, at) -> pr.addMember(OLLI, member, at)).orElseThrow()
                    .value();
        }
        return created;
    }

    static Assignment first(Programme programme, Class<? extends Fulfilment> kind, ActivityKind activity) {
        return programme.assignments().stream().filter(a -> kind.isInstance(a.fulfilledBy()))
                .filter(a -> activity == null || ((Fulfilment.Activity) a.fulfilledBy()).kind() == activity)
                .findFirst().orElseThrow();
    }

    static DashboardFigures.Funnel row(DashboardFigures figures, Assignment assignment) {
        return figures.participation().stream().filter(f -> f.assignmentId().equals(assignment.id())).findFirst()
                .orElseThrow();
    }

    @Test
    void reflections_countEnrolledStartedAndCompleted_whenEveryStepHoldsThreeOrMore() {
        Programme programme = programmeWith(9);
        Assignment reflection = first(programme, Fulfilment.Reflection.class, null);
        for (int i = 1; i <= 6; i++) {
            String id = service.startReflection(TENANT, programme.id(), reflection.id(), p(i), null).orElseThrow()
                    .value().id();
            if (i <= 3) {
                service.write(TENANT, id, p(i), "Private thoughts of participant " + i).orElseThrow();
                service.submit(TENANT, id, p(i)).orElseThrow();
            }
        }

        DashboardFigures figures = DashboardFigures.of(sources, TENANT, COURSE, programme,
                service.reflectionProgress(TENANT, programme.id()));

        DashboardFigures.Funnel funnel = row(figures, reflection);
        assertThat(funnel.enrolled()).isEqualTo(OptionalInt.of(9));
        assertThat(funnel.started()).isEqualTo(OptionalInt.of(6));
        assertThat(funnel.completed()).isEqualTo(OptionalInt.of(3));
        assertThat(figures.participation()).hasSize(programme.assignments().size());
    }

    @Test
    void aFunnelStepOfOneOrTwoPeople_isWithheld_andSoIsAStepThatWouldGiveItAway() {
        Assignment any = programmeWith(0).assignments().get(0);
        // 2 started of 9: started is withheld; enrolled 9 and completed 0 say nothing about anyone.
        DashboardFigures.Funnel two = DashboardFigures.funnel(any, 9, 2, 0);
        assertThat(two.enrolled()).isEqualTo(OptionalInt.of(9));
        assertThat(two.started()).isEmpty();
        assertThat(two.completed()).isEqualTo(OptionalInt.of(0));
        // 10 enrolled, 9 started, 5 completed: showing 10 and 9 would single out the one who did not start.
        DashboardFigures.Funnel one = DashboardFigures.funnel(any, 10, 9, 5);
        assertThat(one.enrolled().isPresent() && one.started().isPresent()).isFalse();
        assertThat(one.completed()).isEqualTo(OptionalInt.of(5));
        // One enrolled who has not started: not even the zeros are shown ("none of them" is about her).
        DashboardFigures.Funnel alone = DashboardFigures.funnel(any, 1, 0, 0);
        assertThat(List.of(alone.enrolled(), alone.started(), alone.completed())).allMatch(OptionalInt::isEmpty);
        // Nobody enrolled yet: zeros describe no one.
        DashboardFigures.Funnel none = DashboardFigures.funnel(any, 0, 0, 0);
        assertThat(List.of(none.enrolled(), none.started(), none.completed()))
                .allMatch(c -> c.equals(OptionalInt.of(0)));
        // Two enrolled: nothing about them is shown.
        DashboardFigures.Funnel small = DashboardFigures.funnel(any, 2, 1, 1);
        assertThat(List.of(small.enrolled(), small.started(), small.completed())).allMatch(OptionalInt::isEmpty);
        // Everyone or no one: the same residual rules (3 enrolled, 3 completed: all shown).
        DashboardFigures.Funnel all = DashboardFigures.funnel(any, 3, 3, 3);
        assertThat(List.of(all.enrolled(), all.started(), all.completed())).allMatch(c -> c.equals(OptionalInt.of(3)));
    }

    @Test
    void activityAssignments_countFromTheOtherKindsStoresInTheSameCourseOnly() {
        Programme programme = programmeWith(9);
        Assignment feedback = first(programme, Fulfilment.Activity.class, ActivityKind.FEEDBACK_360);
        Assignment experiment = first(programme, Fulfilment.Activity.class, ActivityKind.EXPERIMENT);
        // Four participants opened a 360 in the course; one in another course does not count.
        for (int i = 1; i <= 4; i++) {
            FeedbackAssessment assessment = FeedbackAssessment.open("a-" + i, p(i), COURSE, set(), false, NOW);
            for (int r = 0; r < 3; r++) {
                PersonId rater = PersonId.of("rater-" + i + "-" + r);
                assessment = assessment.invite(Requester.person(p(i)), "inv-" + r, rater, RaterGroup.PEERS,
                        NOW.plusSeconds(86_400), NOW).orElseThrow();
            }
            sources.feedback().save(TENANT, Versioned.unsaved(assessment));
        }
        sources.feedback().save(TENANT, Versioned.unsaved(FeedbackAssessment.open("a-other", p(5), "other-course",
                set(), false, NOW)));
        // Three team experiments of the course and one personal experiment, all at the first step.
        for (int n = 1; n <= 3; n++) {
            String id = ExperimentKeys.teamId(COURSE, n);
            sources.experiments().save(TENANT, Versioned.unsaved(Experiment.begin(id, id, "Team " + n,
                    PersonId.of("kasvu-team:" + id), Set.of(p(n), p(n + 3)), NOW)));
        }
        String personal = ExperimentKeys.personalId(COURSE, p(7));
        sources.experiments().save(TENANT, Versioned.unsaved(Experiment.begin(personal, personal, "Mine", PersonId.of("kasvu-team:" + personal),
                Set.of(p(7)), NOW)));

        DashboardFigures figures = DashboardFigures.of(sources, TENANT, COURSE, programme, List.of());

        DashboardFigures.Funnel f360 = row(figures, feedback);
        assertThat(f360.enrolled()).isEqualTo(OptionalInt.of(9));
        assertThat(f360.started()).isEqualTo(OptionalInt.of(4));
        assertThat(f360.completed()).isEqualTo(OptionalInt.of(0));
        assertThat(figures.feedback().subjects()).isEqualTo(OptionalInt.of(4));
        assertThat(figures.feedback().invited()).isEqualTo(OptionalInt.of(12));
        assertThat(figures.feedback().answered()).isEqualTo(OptionalInt.of(0));

        DashboardFigures.Funnel fx = row(figures, experiment);
        // 7 of 9 started: showing both would single out the two who did not, so "started" is withheld.
        assertThat(fx.enrolled()).isEqualTo(OptionalInt.of(9));
        assertThat(fx.started()).isEmpty();
        assertThat(fx.completed()).isEqualTo(OptionalInt.of(0));
        assertThat(figures.experiments().get(0)).isEqualTo(new DashboardFigures.StepCount(
                ExperimentStage.Step.SITUATIONAL_PICTURE, OptionalInt.of(4)));
        assertThat(figures.experiments().subList(1, figures.experiments().size()))
                .allMatch(s -> s.count().equals(OptionalInt.of(0)));
    }

    @Test
    void peerGroupsOfFewerThanThree_showNoFigures_andLargerOnesTheirMeetingsHeldAndPlanned() {
        Programme programme = programmeWith(5);
        List<Meeting> meetings = List.of(
                new Meeting.Planned(1, LocalDate.of(2026, 9, 10), "Start", Map.of(), "").held(Set.of(p(1), p(2))),
                new Meeting.Planned(2, LocalDate.of(2026, 10, 10), "Roles", Map.of(), "").held(Set.of(p(1))),
                new Meeting.Planned(3, LocalDate.of(2026, 11, 10), "Next", Map.of(), ""));
        sources.peerGroups().save(TENANT, Versioned.unsaved(PeerGroup.of("g-1", null, GroupKind.PEER_TRIAD, COURSE,
                List.of(member(1), member(2), member(3)), null, meetings, List.of(), List.of())));
        sources.peerGroups().save(TENANT, Versioned.unsaved(PeerGroup.of("g-2", null, GroupKind.PEER_TRIAD, COURSE,
                List.of(member(4), member(5)), null, meetings, List.of(), List.of())));

        DashboardFigures figures = DashboardFigures.of(sources, TENANT, COURSE, programme, List.of());

        assertThat(figures.meetings()).containsExactly(
                new DashboardFigures.GroupMeetings(1, OptionalInt.of(3), OptionalInt.of(2), OptionalInt.of(1)),
                new DashboardFigures.GroupMeetings(2, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()));
    }

    @Test
    void whoAnsweredTheSurveysTheSurveyKindsKeepForTheCourse_completedTheSurveyAssignment() {
        Programme programme = programmeWith(5);
        String culture = SurveyActivity.surveyIdFor(SurveyActivity.CULTURE, COURSE);
        String pulse = SurveyActivity.surveyIdFor(SurveyActivity.PULSE, COURSE);
        sources.participations().save(TENANT, Versioned.unsaved(SurveyParticipation.none(culture, 1)
                .withAll(List.of(p(1).value(), p(2).value()))));
        sources.participations().save(TENANT, Versioned.unsaved(SurveyParticipation.none(pulse, 1)
                .withAll(List.of(p(3).value()))));
        String otherCourse = SurveyActivity.surveyIdFor(SurveyActivity.CULTURE, "other-course");
        sources.participations().save(TENANT, Versioned.unsaved(SurveyParticipation.none(otherCourse, 1)
                .withAll(List.of(p(4).value()))));

        fi.kasvu.programme.ActivityCompletion completion = DashboardFigures.completion(sources, TENANT, COURSE,
                programme);

        Fulfilment.Activity survey = Fulfilment.Activity.unlinked(ActivityKind.SURVEY);
        assertThat(List.of(p(1), p(2), p(3), p(4), p(5))).filteredOn(person -> completion.completed(person, survey))
                .containsExactly(p(1), p(2), p(3));
    }

    @Test
    void theIndicatorsTrend_comesFromTheCultureAssessmentPlacedApartInTheSameCourse_notFromAnotherCourse() {
        Programme programme = programmeWith(4);
        String culturePlacement = "activity:culture-link";
        String surveyId = fi.kasvu.survey.SurveyKeys.surveyId(fi.kasvu.survey.SurveyKeys.CULTURE, culturePlacement);
        LocalDate day = LocalDate.of(2026, 8, 31);
        fi.kasvu.survey.Survey survey = new fi.kasvu.survey.Survey(surveyId, "course",
                fi.kasvu.survey.Survey.Kind.CULTURE_SELF_ASSESSMENT, LocalizedText.of("a", "b", "c"),
                List.copyOf(fi.kasvu.survey.CultureStatements.all()), List.of(), NOW.minusSeconds(86_400 * 3))
                .openRound(day.minusDays(2)).orElseThrow().closeRound(day).orElseThrow();
        sources.surveys().save(TENANT, Versioned.unsaved(survey));
        int[] values = {4, 5, 4, 1};
        for (int i = 0; i < values.length; i++) {
            sources.responses().save(TENANT, Versioned.unsaved(new fi.kasvu.survey.SurveyResponse("r" + i, surveyId, 1,
                    fi.kasvu.survey.RespondentGroup.of("course"), day.minusDays(1),
                    List.of(new fi.kasvu.survey.Answer.Scale("ca1", values[i])))));
        }
        String course = fi.kasvu.session.CoursePlacement.courseKey("moodle-7");
        sources.placements().record(TENANT, new fi.kasvu.session.CoursePlacement(COURSE, course, "programme"));
        sources.placements().record(TENANT, new fi.kasvu.session.CoursePlacement(culturePlacement,
                fi.kasvu.session.CoursePlacement.courseKey("moodle-8"), fi.kasvu.survey.SurveyKeys.CULTURE));

        assertThat(DashboardFigures.of(sources, TENANT, COURSE, programme, service.reflectionProgress(TENANT,
                programme.id())).trend()).as("placed in another course").isEmpty();

        sources.placements().record(TENANT, new fi.kasvu.session.CoursePlacement(culturePlacement, course,
                fi.kasvu.survey.SurveyKeys.CULTURE));
        DashboardFigures figures = DashboardFigures.of(sources, TENANT, COURSE, programme,
                service.reflectionProgress(TENANT, programme.id()));

        assertThat(figures.trend()).singleElement().satisfies(point -> {
            assertThat(point.round()).isEqualTo(1);
            assertThat(point.share().getAsDouble()).isEqualTo(0.75);
        });
    }

    static GroupMember member(int i) {
        return new GroupMember(new Participant(p(i), "Name " + i, "", "Org", "", "Helsinki",
                ParticipantRole.SUPERVISOR, List.of(Language.FI), null, List.of()), MemberRole.PEER);
    }

    public static CompetenceSet set() {
        return new CompetenceSet("test-set", LocalizedText.of("Testi", "Test", "Test"), List.of(
                new CompetenceTheme("dialogue", LocalizedText.of("Dialogi", "Dialog", "Dialogue"), List.of(
                        new CompetenceStatement("listens", LocalizedText.of("Kuuntelee", "Lyssnar", "Listens"))))));
    }
}
