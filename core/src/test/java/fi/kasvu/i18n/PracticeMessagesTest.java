package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.Problem;
import fi.kasvu.experiment.ExperimentFixtures;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.grow.GrowFixtures;
import fi.kasvu.plan.PlanFixtures;
import fi.kasvu.plan.PlanFromGrow;
import fi.kasvu.survey.SurveyProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PracticeMessagesTest {

    /** One problem of every code the practice packages produce, made the way the domain makes them. */
    static Stream<Problem> everyProblem() {
        List<Problem> problems = new ArrayList<>();
        problems.add(new ExperimentProblem.WrongStep("evaluate", ExperimentStage.Step.PLAN));
        problems.add(new ExperimentProblem.NotAllowed(ExperimentFixtures.AINO, fi.kasvu.experiment.ExperimentAction.DECIDE));
        problems.add(new ExperimentProblem.Missing("plan.ifWe"));
        problems.add(new ExperimentProblem.TooFewContributors(2, 1));
        problems.add(new ExperimentProblem.EndBeforeStart("plan.end", LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 1)));
        problems.add(new ExperimentProblem.CriterionNotEvaluated("c2"));
        problems.add(new ExperimentProblem.UnknownCriterion("c9"));
        problems.add(new ExperimentProblem.UnknownEntry("p9"));
        problems.addAll(fi.kasvu.plan.DevelopmentPlan.create("p", PlanFixtures.OWNER, null, "t", PlanFixtures.AT).problems());
        problems.addAll(PlanFixtures.complete().followUpBy(PlanFixtures.OTHER, "x", PlanFixtures.AT).problems());
        problems.addAll(PlanFixtures.complete().discussedInTeam(PlanFixtures.OWNER, PlanFixtures.DAY, PlanFixtures.AT).problems());
        var outcome = new fi.kasvu.plan.Review.Outcome(PlanFixtures.DAY, "", fi.kasvu.plan.Review.Progress.ON_TRACK);
        var held = PlanFixtures.complete().holdReview(PlanFixtures.OWNER, "r1", outcome, PlanFixtures.AT).orElseThrow();
        problems.addAll(held.holdReview(PlanFixtures.OWNER, "r1", outcome, PlanFixtures.AT).problems());
        problems.addAll(held.holdReview(PlanFixtures.OWNER, "r9", outcome, PlanFixtures.AT).problems());
        problems.addAll(PlanFromGrow.create(GrowFixtures.readyToComplete(), GrowFixtures.COACHEE, "p", GrowFixtures.START).problems());
        problems.add(SurveyProblem.roundAlreadyOpen(1));
        problems.add(SurveyProblem.noOpenRound());
        problems.add(SurveyProblem.unknownRound(3));
        problems.add(SurveyProblem.roundState(1, true));
        problems.add(SurveyProblem.roundState(1, false));
        problems.add(SurveyProblem.dateBefore("closed", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 1)));
        problems.add(SurveyProblem.unknownQuestion(0, "q9"));
        problems.add(SurveyProblem.wrongAnswerType(0, "q1", "Likert 1..5"));
        problems.add(SurveyProblem.unknownOption(0, "q2", "tram"));
        problems.add(SurveyProblem.answeredTwice(1, "q3"));
        problems.add(SurveyProblem.otherSurvey("s-2"));
        problems.add(SurveyProblem.notAStatement("ca9"));
        return problems.stream();
    }

    @ParameterizedTest
    @MethodSource("everyProblem")
    void every_problem_reads_in_finnish_swedish_and_english_with_its_arguments_filled(Problem problem) {
        for (Language language : Language.values()) {
            String message = PracticeMessages.message(problem, language);

            assertThat(message).as(problem.code() + " in " + language).isNotBlank().doesNotContain("{", "}");
        }
        assertThat(PracticeMessages.message(problem, Language.FI)).isNotEqualTo(PracticeMessages.message(problem, Language.SV));
    }

    @Test
    void a_wrong_step_names_the_step_in_the_readers_language() {
        Problem problem = new ExperimentProblem.WrongStep("evaluate", ExperimentStage.Step.PLAN);

        assertThat(PracticeMessages.message(problem, Language.FI)).contains("vaiheessa suunnitelma");
        assertThat(PracticeMessages.message(problem, Language.SV)).contains("skedet plan");
    }

    @Test
    void an_unknown_code_is_a_programming_error_naming_it() {
        Problem unknown = new SurveyProblem("survey.nope", "x", java.util.Map.of());

        assertThatThrownBy(() -> PracticeMessages.message(unknown, Language.EN))
                .hasMessage("no practice message for code: survey.nope");
    }

    @Test
    void problems_of_an_empty_plan_draft_are_covered() {
        assertThat(ExperimentPlan.empty().problems()).allSatisfy(p -> assertThat(PracticeMessages.covers(p.code())).isTrue());
    }
}
