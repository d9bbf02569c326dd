package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The step an experiment is in, one type per step. Each type offers only the moves its step
 * allows, so that evaluating before the run or deciding twice has no method to call; a move
 * whose content is incomplete returns a {@link Result.Rejected} with the problems.
 */
public sealed interface ExperimentStage {

    /** The eight steps of the VALOA way, in order. */
    enum Step {
        /** Gathering the situational picture. */
        SITUATIONAL_PICTURE,
        /** Mapping the phenomenon. */
        PHENOMENON_MAPPING,
        /** Mapping the change. */
        CHANGE_MAPPING,
        /** Planning the experiment. */
        PLAN,
        /** Running it. */
        RUN,
        /** Evaluated, waiting for the decision. */
        EVALUATION,
        /** Decided, ready to share. */
        DECISION,
        /** Shared to the library. */
        SHARE
    }

    /** Which step this is. */
    Step step();

    private static <S extends ExperimentStage> Result<S, ExperimentProblem> moveUnless(List<ExperimentProblem> problems,
                                                                                  S next) {
        return Result.acceptedUnless(problems, next);
    }

    /**
     * Step 1: the team gathers what works, what is hard and what they observe.
     *
     * @param picture the picture so far
     */
    record Picturing(SituationalPicture picture) implements ExperimentStage {
        /** @throws NullPointerException if the picture is missing */
        public Picturing {
            Require.nonNull("picture", picture);
        }

        @Override
        public Step step() {
            return Step.SITUATIONAL_PICTURE;
        }

        /** Closes the picture once at least {@link SituationalPicture#MIN_CONTRIBUTORS} people contributed. */
        public Result<MappingPhenomenon, ExperimentProblem> toPhenomenonMapping() {
            int contributors = picture.contributors().size();
            List<ExperimentProblem> problems = contributors < SituationalPicture.MIN_CONTRIBUTORS
                    ? List.of(new ExperimentProblem.TooFewContributors(SituationalPicture.MIN_CONTRIBUTORS, contributors))
                    : List.of();
            return moveUnless(problems, new MappingPhenomenon(picture, PhenomenonMap.empty()));
        }
    }

    /**
     * Step 2: the team maps the phenomenon.
     *
     * @param picture    the closed picture
     * @param phenomenon the mapping so far
     */
    record MappingPhenomenon(SituationalPicture picture, PhenomenonMap phenomenon) implements ExperimentStage {
        /** @throws NullPointerException if a part is missing */
        public MappingPhenomenon {
            Require.nonNull("picture", picture);
            Require.nonNull("phenomenon", phenomenon);
        }

        @Override
        public Step step() {
            return Step.PHENOMENON_MAPPING;
        }

        /** Closes the mapping once the phenomenon and how it shows are written. */
        public Result<MappingChange, ExperimentProblem> toChangeMapping() {
            List<ExperimentProblem> problems = new ArrayList<>();
            if (phenomenon.phenomenon().isBlank()) {
                problems.add(new ExperimentProblem.Missing("phenomenon.phenomenon"));
            }
            if (phenomenon.howItShows().isBlank()) {
                problems.add(new ExperimentProblem.Missing("phenomenon.howItShows"));
            }
            return moveUnless(problems, new MappingChange(new Groundwork(picture, phenomenon, ChangeMap.empty())));
        }
    }

    /**
     * Step 3: the team maps the change; the groundwork's change map is the draft.
     *
     * @param groundwork picture, phenomenon and the change mapping so far
     */
    record MappingChange(Groundwork groundwork) implements ExperimentStage {
        /** @throws NullPointerException if the groundwork is missing */
        public MappingChange {
            Require.nonNull("groundwork", groundwork);
        }

        @Override
        public Step step() {
            return Step.CHANGE_MAPPING;
        }

        /** Closes the mapping once from, to and the first small step are written. */
        public Result<Planning, ExperimentProblem> toPlanning() {
            List<ExperimentProblem> problems = new ArrayList<>();
            ChangeMap change = groundwork.change();
            if (change.from().isBlank()) {
                problems.add(new ExperimentProblem.Missing("change.from"));
            }
            if (change.to().isBlank()) {
                problems.add(new ExperimentProblem.Missing("change.to"));
            }
            if (change.firstStep().isBlank()) {
                problems.add(new ExperimentProblem.Missing("change.firstStep"));
            }
            return moveUnless(problems, new Planning(groundwork, ExperimentPlan.empty()));
        }
    }

    /**
     * Step 4: the team plans the experiment.
     *
     * @param groundwork the closed groundwork
     * @param plan       the plan draft
     */
    record Planning(Groundwork groundwork, ExperimentPlan plan) implements ExperimentStage {
        /** @throws NullPointerException if a part is missing */
        public Planning {
            Require.nonNull("groundwork", groundwork);
            Require.nonNull("plan", plan);
        }

        @Override
        public Step step() {
            return Step.PLAN;
        }

        /** Starts the run on the day given, if the plan is complete and the day is not after its end. */
        public Result<Running, ExperimentProblem> start(LocalDate on) {
            Require.nonNull("on", on);
            List<ExperimentProblem> problems = new ArrayList<>(plan.problems());
            if (plan.end() != null && on.isAfter(plan.end())) {
                problems.add(new ExperimentProblem.EndBeforeStart("startedOn", on, plan.end()));
            }
            return moveUnless(problems, new Running(groundwork, new RunLog(plan, on, List.of(), List.of())));
        }
    }

    /**
     * Step 5: the experiment runs and participants record observations.
     *
     * @param groundwork the groundwork
     * @param run        plan, start day, observations and earlier rounds
     */
    record Running(Groundwork groundwork, RunLog run) implements ExperimentStage {
        /** @throws NullPointerException if a part is missing */
        public Running {
            Require.nonNull("groundwork", groundwork);
            Require.nonNull("run", run);
        }

        @Override
        public Step step() {
            return Step.RUN;
        }

        /** Adds an observation dated on or after the start of the run. */
        public Result<Running, ExperimentProblem> observe(RunObservation observation) {
            Require.nonNull("observation", observation);
            if (observation.on().isBefore(run.startedOn())) {
                return Result.rejected(List.of(
                        new ExperimentProblem.EndBeforeStart("observation.on", run.startedOn(), observation.on())));
            }
            return Result.accepted(new Running(groundwork, run.with(observation)));
        }

        /** Records the evaluation if it gives a result for every success criterion and no other. */
        public Result<Evaluated, ExperimentProblem> evaluate(Evaluation evaluation) {
            Require.nonNull("evaluation", evaluation);
            Set<String> planned = new HashSet<>();
            run.plan().criteria().forEach(criterion -> planned.add(criterion.id()));
            Set<String> given = new HashSet<>();
            List<ExperimentProblem> problems = new ArrayList<>();
            for (CriterionResult result : evaluation.results()) {
                given.add(result.criterionId());
                if (!planned.contains(result.criterionId())) {
                    problems.add(new ExperimentProblem.UnknownCriterion(result.criterionId()));
                }
            }
            run.plan().criteria().stream().filter(criterion -> !given.contains(criterion.id()))
                    .forEach(criterion -> problems.add(new ExperimentProblem.CriterionNotEvaluated(criterion.id())));
            if (evaluation.learned().isBlank()) {
                problems.add(new ExperimentProblem.Missing("evaluation.learned"));
            }
            return moveUnless(problems, new Evaluated(groundwork, run, evaluation));
        }
    }

    /**
     * Step 6: evaluated, waiting for the team's decision.
     *
     * @param groundwork the groundwork
     * @param run        the run
     * @param evaluation the evaluation
     */
    record Evaluated(Groundwork groundwork, RunLog run, Evaluation evaluation) implements ExperimentStage {
        /** @throws NullPointerException if a part is missing */
        public Evaluated {
            Require.nonNull("groundwork", groundwork);
            Require.nonNull("run", run);
            Require.nonNull("evaluation", evaluation);
        }

        @Override
        public Step step() {
            return Step.EVALUATION;
        }

        /**
         * Records the decision: an extension runs on to the new end (which must be after the
         * current end), every other decision closes the experiment.
         */
        public Result<ExperimentStage, ExperimentProblem> decide(Decision decision) {
            Require.nonNull("decision", decision);
            if (decision.choice() instanceof Decision.Extend extend) {
                LocalDate end = run.plan().end();
                if (!extend.newEnd().isAfter(end)) {
                    return Result.rejected(List.of(
                            new ExperimentProblem.EndBeforeStart("decision.newEnd", end.plusDays(1), extend.newEnd())));
                }
                return Result.accepted(new Running(groundwork, run.extended(evaluation, decision, extend.newEnd())));
            }
            return Result.accepted(new Decided(groundwork, run, evaluation, decision));
        }
    }

    /**
     * Step 7: decided (adopt, adapt or abandon), ready to be shared.
     *
     * @param groundwork the groundwork
     * @param run        the run
     * @param evaluation the evaluation
     * @param decision   the decision (never an extension)
     */
    record Decided(Groundwork groundwork, RunLog run, Evaluation evaluation, Decision decision) implements ExperimentStage {
        /**
         * @throws NullPointerException     if a part is missing
         * @throws IllegalArgumentException if the decision is an extension, which keeps the run going
         */
        public Decided {
            Require.nonNull("groundwork", groundwork);
            Require.nonNull("run", run);
            Require.nonNull("evaluation", evaluation);
            Require.nonNull("decision", decision);
            if (decision.choice() instanceof Decision.Extend) {
                throw new IllegalArgumentException("decision of a decided experiment must not be EXTEND: EXTEND");
            }
        }

        @Override
        public Step step() {
            return Step.DECISION;
        }

        /** Marks the experiment as shared to the library under the entry's id. */
        public Shared share(String libraryEntryId, Instant sharedAt) {
            return new Shared(groundwork, run, evaluation, decision, libraryEntryId, sharedAt);
        }
    }

    /**
     * Step 8: shared as a library entry; the experiment is closed.
     *
     * @param groundwork     the groundwork
     * @param run            the run
     * @param evaluation     the evaluation
     * @param decision       the decision
     * @param libraryEntryId the library entry it was published as
     * @param sharedAt       when
     */
    record Shared(Groundwork groundwork, RunLog run, Evaluation evaluation, Decision decision,
                  String libraryEntryId, Instant sharedAt) implements ExperimentStage {
        /**
         * @throws NullPointerException     if a part is missing
         * @throws IllegalArgumentException if the entry id is invalid or the decision an extension
         */
        public Shared {
            Require.nonNull("groundwork", groundwork);
            Require.nonNull("run", run);
            Require.nonNull("evaluation", evaluation);
            Require.nonNull("decision", decision);
            Require.id("libraryEntryId", libraryEntryId);
            Require.nonNull("sharedAt", sharedAt);
            if (decision.choice() instanceof Decision.Extend) {
                throw new IllegalArgumentException("decision of a shared experiment must not be EXTEND: EXTEND");
            }
        }

        @Override
        public Step step() {
            return Step.SHARE;
        }
    }
}
