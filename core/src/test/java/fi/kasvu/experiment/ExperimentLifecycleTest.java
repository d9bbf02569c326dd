package fi.kasvu.experiment;

import static fi.kasvu.experiment.ExperimentFixtures.AINO;
import static fi.kasvu.experiment.ExperimentFixtures.AT;
import static fi.kasvu.experiment.ExperimentFixtures.BO;
import static fi.kasvu.experiment.ExperimentFixtures.END;
import static fi.kasvu.experiment.ExperimentFixtures.FACILITATOR;
import static fi.kasvu.experiment.ExperimentFixtures.OUTSIDER;
import static fi.kasvu.experiment.ExperimentFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.experiment.ExperimentStage.Step;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExperimentLifecycleTest {

    @Test
    void the_whole_way_from_picture_to_share_visits_every_step_in_order() {
        List<Step> steps = ExperimentFixtures.atEveryStep().stream().map(Experiment::step).toList();

        assertThat(steps).containsExactly(Step.values());
        assertThat(ExperimentFixtures.shared().stage()).isInstanceOfSatisfying(ExperimentStage.Shared.class,
                shared -> assertThat(shared.libraryEntryId()).isEqualTo("lib-1"));
    }

    @Nested
    class SituationalPicture {

        @Test
        void completePicture_withOneContributor_isRefused() {
            Experiment experiment = ExperimentFixtures.begun()
                    .addToPicture(AINO, PictureEntry.Kind.WORKS, "Check-ins", AT).orElseThrow()
                    .addToPicture(AINO, PictureEntry.Kind.HARD, "Hurry", AT).orElseThrow();

            var outcome = experiment.completePicture(FACILITATOR, AT);

            assertThat(outcome.problems()).containsExactly(new ExperimentProblem.TooFewContributors(2, 1));
        }

        @Test
        void entries_get_sequential_ids_and_keep_their_author() {
            Experiment experiment = ExperimentFixtures.pictured();

            var picture = ((ExperimentStage.Picturing) experiment.stage()).picture();
            assertThat(picture.entries()).extracting(PictureEntry::id).containsExactly("p1", "p2");
            assertThat(picture.contributors()).containsExactlyInAnyOrder(AINO, BO);
        }

        @Test
        void a_member_removes_their_own_entry_but_not_anothers() {
            Experiment experiment = ExperimentFixtures.pictured();

            assertThat(experiment.removeFromPicture(AINO, "p1", AT).isAccepted()).isTrue();
            assertThat(experiment.removeFromPicture(AINO, "p2", AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(AINO, ExperimentAction.REMOVE_ANY_ENTRY));
        }

        @Test
        void the_facilitator_removes_any_entry_and_is_told_of_an_unknown_one() {
            Experiment experiment = ExperimentFixtures.pictured();

            Experiment removed = experiment.removeFromPicture(FACILITATOR, "p2", AT).orElseThrow();

            assertThat(((ExperimentStage.Picturing) removed.stage()).picture().entries()).hasSize(1);
            assertThat(experiment.removeFromPicture(FACILITATOR, "p9", AT).problems())
                    .containsExactly(new ExperimentProblem.UnknownEntry("p9"));
        }

        @Test
        void an_outsider_cannot_add_to_the_picture() {
            var outcome = ExperimentFixtures.begun().addToPicture(OUTSIDER, PictureEntry.Kind.HARD, "x", AT);

            assertThat(outcome.problems()).containsExactly(
                    new ExperimentProblem.NotAllowed(OUTSIDER, ExperimentAction.ADD_TO_PICTURE));
        }

        @Test
        void adding_to_the_picture_after_it_is_closed_is_the_wrong_step() {
            var outcome = ExperimentFixtures.inPhenomenonMapping()
                    .addToPicture(AINO, PictureEntry.Kind.HARD, "late", AT);

            assertThat(outcome.problems()).containsExactly(
                    new ExperimentProblem.WrongStep("addToPicture", Step.PHENOMENON_MAPPING));
        }
    }

    @Nested
    class Mappings {

        @Test
        void completePhenomenon_withEmptyMapping_namesTheMissingFields() {
            var outcome = ExperimentFixtures.inPhenomenonMapping().completePhenomenon(FACILITATOR, AT);

            assertThat(outcome.problems()).extracting(ExperimentProblem::field)
                    .containsExactly("phenomenon.phenomenon", "phenomenon.howItShows");
        }

        @Test
        void completeChange_withEmptyMapping_namesTheMissingFields() {
            var outcome = ExperimentFixtures.inChangeMapping().completeChange(FACILITATOR, AT);

            assertThat(outcome.problems()).extracting(ExperimentProblem::field)
                    .containsExactly("change.from", "change.to", "change.firstStep");
        }

        @Test
        void a_member_edits_the_mapping_but_cannot_close_it() {
            Experiment experiment = ExperimentFixtures.inPhenomenonMapping()
                    .mapPhenomenon(BO, ExperimentFixtures.phenomenon(), AT).orElseThrow();

            assertThat(experiment.completePhenomenon(BO, AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(BO, ExperimentAction.ADVANCE));
        }

        @Test
        void the_groundwork_carries_picture_and_mappings_into_planning() {
            Groundwork groundwork = ExperimentFixtures.inPlanning().groundwork().orElseThrow();

            assertThat(groundwork.phenomenon()).isEqualTo(ExperimentFixtures.phenomenon());
            assertThat(groundwork.change()).isEqualTo(ExperimentFixtures.change());
            assertThat(groundwork.picture().entries()).hasSize(2);
        }
    }

    @Nested
    class PlanAndRun {

        @Test
        void running_without_a_plan_is_the_wrong_step() {
            var outcome = ExperimentFixtures.inChangeMapping().start(FACILITATOR, START, AT);

            assertThat(outcome.problems()).containsExactly(new ExperimentProblem.WrongStep("start", Step.CHANGE_MAPPING));
        }

        @Test
        void start_withEmptyPlan_listsEverythingMissing() {
            var outcome = ExperimentFixtures.inPlanning().start(FACILITATOR, START, AT);

            assertThat(outcome.problems()).extracting(ExperimentProblem::field).containsExactly(
                    "plan.ifWe", "plan.thenExpect", "plan.whatIsTried", "plan.participants", "plan.start", "plan.end",
                    "plan.measures", "plan.criteria");
        }

        @Test
        void start_withPlanEndingBeforeItStarts_isRefused() {
            ExperimentPlan plan = ExperimentFixtures.completePlan().endingOn(START.minusDays(1));

            var outcome = ExperimentFixtures.inPlanning().editPlan(AINO, plan, AT).orElseThrow()
                    .start(FACILITATOR, START, AT);

            assertThat(outcome.problems()).containsExactly(
                    new ExperimentProblem.EndBeforeStart("plan.end", START, START.minusDays(1)),
                    new ExperimentProblem.EndBeforeStart("startedOn", START, START.minusDays(1)));
        }

        @Test
        void start_afterThePlannedEnd_isRefused() {
            var outcome = ExperimentFixtures.planned().start(FACILITATOR, END.plusDays(1), AT);

            assertThat(outcome.problems()).extracting(ExperimentProblem::field).containsExactly("startedOn");
        }

        @Test
        void start_withMeasureLackingBaseline_namesTheMeasure() {
            ExperimentPlan full = ExperimentFixtures.completePlan();
            ExperimentPlan plan = new ExperimentPlan(full.ifWe(), full.thenExpect(), full.whatIsTried(),
                    full.participants(), START, END, List.of(new Measure("m1", "Speaking turns", "")), full.criteria());

            var outcome = ExperimentFixtures.inPlanning().editPlan(AINO, plan, AT).orElseThrow()
                    .start(FACILITATOR, START, AT);

            assertThat(outcome.problems()).containsExactly(new ExperimentProblem.Missing("plan.measures[0].baseline"));
        }

        @Test
        void members_record_dated_observations_while_it_runs() {
            Experiment experiment = ExperimentFixtures.running()
                    .observe(AINO, START, "Quiet start", AT).orElseThrow()
                    .observe(BO, START.plusDays(1), "Better", AT).orElseThrow();

            assertThat(experiment.runLog().orElseThrow().observations())
                    .extracting(RunObservation::id, RunObservation::author)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("o1", AINO),
                            org.assertj.core.groups.Tuple.tuple("o2", BO));
        }

        @Test
        void an_observation_dated_before_the_start_is_refused() {
            var outcome = ExperimentFixtures.running().observe(AINO, START.minusDays(1), "early", AT);

            assertThat(outcome.problems()).containsExactly(
                    new ExperimentProblem.EndBeforeStart("observation.on", START, START.minusDays(1)));
        }

        @Test
        void a_plan_participant_from_another_unit_observes_but_an_outsider_does_not() {
            PersonId guest = PersonId.of("guest-from-unit-2");
            ExperimentPlan full = ExperimentFixtures.completePlan();
            ExperimentPlan plan = new ExperimentPlan(full.ifWe(), full.thenExpect(), full.whatIsTried(),
                    Set.of(AINO, guest), START, END, full.measures(), full.criteria());
            Experiment running = ExperimentFixtures.inPlanning().editPlan(AINO, plan, AT).orElseThrow()
                    .start(FACILITATOR, START, AT).orElseThrow();

            assertThat(running.observe(guest, START, "Seen from outside", AT).isAccepted()).isTrue();
            assertThat(running.observe(OUTSIDER, START, "x", AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(OUTSIDER, ExperimentAction.OBSERVE));
            assertThat(running.evaluate(guest, ExperimentFixtures.evaluation(), AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(guest, ExperimentAction.EVALUATE));
        }

        @Test
        void observing_before_the_run_is_the_wrong_step() {
            assertThat(ExperimentFixtures.planned().observe(AINO, START, "x", AT).problems())
                    .containsExactly(new ExperimentProblem.WrongStep("observe", Step.PLAN));
        }
    }

    @Nested
    class EvaluationAndDecision {

        @Test
        void evaluating_before_the_run_has_started_is_the_wrong_step() {
            var outcome = ExperimentFixtures.planned().evaluate(FACILITATOR, ExperimentFixtures.evaluation(), AT);

            assertThat(outcome.problems()).containsExactly(new ExperimentProblem.WrongStep("evaluate", Step.PLAN));
        }

        @Test
        void evaluate_withoutEveryCriterion_namesTheMissingOneAndAnUnknownOne() {
            Evaluation partial = new Evaluation(List.of(
                    new CriterionResult("c1", CriterionResult.Verdict.MET, ""),
                    new CriterionResult("c9", CriterionResult.Verdict.MET, "")), "", FACILITATOR, AT);

            var outcome = ExperimentFixtures.running().evaluate(FACILITATOR, partial, AT);

            assertThat(outcome.problems()).containsExactly(new ExperimentProblem.UnknownCriterion("c9"),
                    new ExperimentProblem.CriterionNotEvaluated("c2"), new ExperimentProblem.Missing("evaluation.learned"));
        }

        @Test
        void a_member_cannot_evaluate_or_decide() {
            assertThat(ExperimentFixtures.running().evaluate(AINO, ExperimentFixtures.evaluation(), AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(AINO, ExperimentAction.EVALUATE));
            assertThat(ExperimentFixtures.evaluated().decide(BO, ExperimentFixtures.adopt(), AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(BO, ExperimentAction.DECIDE));
        }

        @Test
        void deciding_before_the_evaluation_is_the_wrong_step() {
            assertThat(ExperimentFixtures.running().decide(FACILITATOR, ExperimentFixtures.adopt(), AT).problems())
                    .containsExactly(new ExperimentProblem.WrongStep("decide", Step.RUN));
        }

        @Test
        void deciding_twice_is_the_wrong_step() {
            var outcome = ExperimentFixtures.decided().decide(FACILITATOR, ExperimentFixtures.adopt(), AT);

            assertThat(outcome.problems()).containsExactly(new ExperimentProblem.WrongStep("decide", Step.DECISION));
        }

        @Test
        void abandon_closes_the_experiment_with_its_reason() {
            Decision abandon = new Decision(new Decision.Abandon(), "Meetings got longer", FACILITATOR, AT);

            Experiment experiment = ExperimentFixtures.evaluated().decide(FACILITATOR, abandon, AT).orElseThrow();

            assertThat(experiment.decision()).contains(abandon);
            assertThat(experiment.step()).isEqualTo(Step.DECISION);
        }

        @Test
        void extend_runs_on_to_the_new_end_and_keeps_the_earlier_round() {
            LocalDate newEnd = END.plusWeeks(4);
            Decision extend = new Decision(new Decision.Extend(newEnd), "Too few meetings yet", FACILITATOR, AT);

            Experiment experiment = ExperimentFixtures.evaluated().decide(FACILITATOR, extend, AT).orElseThrow();

            assertThat(experiment.step()).isEqualTo(Step.RUN);
            RunLog run = experiment.runLog().orElseThrow();
            assertThat(run.plan().end()).isEqualTo(newEnd);
            assertThat(run.earlierRounds()).singleElement()
                    .satisfies(round -> assertThat(round.decision()).isEqualTo(extend));
            assertThat(run.observations()).hasSize(1);
            assertThat(experiment.decision()).isEmpty();
        }

        @Test
        void after_an_extension_the_team_evaluates_and_decides_again() {
            Decision extend = new Decision(new Decision.Extend(END.plusWeeks(2)), "", FACILITATOR, AT);

            Experiment experiment = ExperimentFixtures.evaluated().decide(FACILITATOR, extend, AT).orElseThrow()
                    .evaluate(FACILITATOR, ExperimentFixtures.evaluation(), AT).orElseThrow()
                    .decide(FACILITATOR, ExperimentFixtures.adopt(), AT).orElseThrow();

            assertThat(experiment.decision().orElseThrow().choice().type()).isEqualTo(Decision.Type.ADOPT);
        }

        @Test
        void extend_toADayNotAfterTheCurrentEnd_isRefused() {
            Decision extend = new Decision(new Decision.Extend(END), "", FACILITATOR, AT);

            var outcome = ExperimentFixtures.evaluated().decide(FACILITATOR, extend, AT);

            assertThat(outcome.problems()).containsExactly(
                    new ExperimentProblem.EndBeforeStart("decision.newEnd", END.plusDays(1), END));
        }

        @Test
        void adapt_links_a_follow_up_that_starts_in_planning_with_the_groundwork() {
            Decision adapt = new Decision(new Decision.Adapt("Rotate who leads the round", "exp-2"), "", FACILITATOR, AT);
            Experiment adapted = ExperimentFixtures.evaluated().decide(FACILITATOR, adapt, AT).orElseThrow();

            Experiment followUp = adapted.followUp(FACILITATOR, AT).orElseThrow();

            assertThat(followUp.id()).isEqualTo("exp-2");
            assertThat(followUp.previousId()).isEqualTo("exp-1");
            assertThat(followUp.step()).isEqualTo(Step.PLAN);
            assertThat(followUp.groundwork()).isEqualTo(adapted.groundwork());
            ExperimentPlan draft = ((ExperimentStage.Planning) followUp.stage()).plan();
            assertThat(draft.start()).isNull();
            assertThat(draft.criteria()).isEqualTo(ExperimentFixtures.completePlan().criteria());
        }

        @Test
        void followUp_withoutAnAdaptDecision_isTheWrongStep() {
            assertThat(ExperimentFixtures.decided().followUp(FACILITATOR, AT).problems())
                    .containsExactly(new ExperimentProblem.WrongStep("followUp", Step.DECISION));
        }
    }

    @Nested
    class Share {

        @Test
        void sharing_before_the_decision_is_the_wrong_step() {
            assertThat(ExperimentFixtures.evaluated().share(FACILITATOR, "lib-1", AT).problems())
                    .containsExactly(new ExperimentProblem.WrongStep("share", Step.EVALUATION));
        }

        @Test
        void sharing_twice_is_the_wrong_step() {
            assertThat(ExperimentFixtures.shared().share(FACILITATOR, "lib-2", AT).problems())
                    .containsExactly(new ExperimentProblem.WrongStep("share", Step.SHARE));
        }

        @Test
        void a_member_cannot_share() {
            assertThat(ExperimentFixtures.decided().share(AINO, "lib-1", AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(AINO, ExperimentAction.SHARE));
        }
    }

    @Nested
    class Members {

        @Test
        void the_facilitator_adds_and_removes_members() {
            PersonId cecilia = PersonId.of("cecilia");
            Experiment experiment = ExperimentFixtures.begun().addMember(FACILITATOR, cecilia, AT).orElseThrow();

            assertThat(experiment.roleOf(cecilia)).contains(ExperimentRole.MEMBER);
            assertThat(experiment.removeMember(FACILITATOR, cecilia, AT).orElseThrow().roleOf(cecilia)).isEmpty();
        }

        @Test
        void a_member_cannot_manage_members() {
            assertThat(ExperimentFixtures.begun().addMember(AINO, OUTSIDER, AT).problems())
                    .containsExactly(new ExperimentProblem.NotAllowed(AINO, ExperimentAction.MANAGE_MEMBERS));
        }

        @Test
        void the_facilitator_listed_as_member_is_rejected_naming_them() {
            assertThatThrownBy(() -> Experiment.begin("e", "t", "T", FACILITATOR, Set.of(FACILITATOR), AT))
                    .hasMessage("members must not include the facilitator: fac");
        }
    }
}
