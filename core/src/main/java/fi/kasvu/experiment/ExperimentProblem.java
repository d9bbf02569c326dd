package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.Map;

/** Why an experiment refused a change; each problem names its field and carries what the message needs. */
public sealed interface ExperimentProblem extends Problem {

    /**
     * The move does not exist in the experiment's current step (evaluating before the run, deciding twice).
     *
     * @param action what was attempted
     * @param step   the step the experiment is in
     */
    record WrongStep(String action, ExperimentStage.Step step) implements ExperimentProblem {
        /** @throws NullPointerException if a part is missing */
        public WrongStep {
            Require.nonNull("action", action);
            Require.nonNull("step", step);
        }

        @Override
        public String code() {
            return "experiment.step.wrong";
        }

        @Override
        public String field() {
            return "stage";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("action", action, "step", step.name());
        }
    }

    /**
     * The person may not take the action: not in the team, or a member doing the facilitator's part.
     *
     * @param actor  who tried
     * @param action what they tried
     */
    record NotAllowed(PersonId actor, ExperimentAction action) implements ExperimentProblem {
        /** @throws NullPointerException if a part is missing */
        public NotAllowed {
            Require.nonNull("actor", actor);
            Require.nonNull("action", action);
        }

        @Override
        public String code() {
            return "experiment.rights.notAllowed";
        }

        @Override
        public String field() {
            return "actor";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("actor", actor.value(), "action", action.name());
        }
    }

    /**
     * A required part is still empty.
     *
     * @param field the path of the empty field, such as {@code plan.criteria}
     */
    record Missing(String field) implements ExperimentProblem {
        /** @throws NullPointerException if the field is missing */
        public Missing {
            Require.nonNull("field", field);
        }

        @Override
        public String code() {
            return "experiment.field.missing";
        }
    }

    /**
     * The situational picture has too few contributors to be a shared picture.
     *
     * @param minimum the fewest needed
     * @param actual  how many contributed
     */
    record TooFewContributors(int minimum, int actual) implements ExperimentProblem {
        @Override
        public String code() {
            return "experiment.picture.tooFewContributors";
        }

        @Override
        public String field() {
            return "picture.entries";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("minimum", minimum, "actual", actual);
        }
    }

    /**
     * A date lies before the date it must follow (a plan ending before it starts, a run started
     * after its planned end, an observation before the start, an extension not past the end).
     *
     * @param field the later date's field
     * @param from  the date it must not precede
     * @param to    the offending date
     */
    record EndBeforeStart(String field, LocalDate from, LocalDate to) implements ExperimentProblem {
        /** @throws NullPointerException if a part is missing */
        public EndBeforeStart {
            Require.nonNull("field", field);
            Require.nonNull("from", from);
            Require.nonNull("to", to);
        }

        @Override
        public String code() {
            return "experiment.date.beforeStart";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("from", from.toString(), "to", to.toString());
        }
    }

    /**
     * The evaluation leaves a success criterion without a result.
     *
     * @param criterionId the criterion left out
     */
    record CriterionNotEvaluated(String criterionId) implements ExperimentProblem {
        /** @throws NullPointerException if the id is missing */
        public CriterionNotEvaluated {
            Require.nonNull("criterionId", criterionId);
        }

        @Override
        public String code() {
            return "experiment.evaluation.criterionMissing";
        }

        @Override
        public String field() {
            return "evaluation.results";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("criterionId", criterionId);
        }
    }

    /**
     * The evaluation names a criterion the plan does not have.
     *
     * @param criterionId the unknown id
     */
    record UnknownCriterion(String criterionId) implements ExperimentProblem {
        /** @throws NullPointerException if the id is missing */
        public UnknownCriterion {
            Require.nonNull("criterionId", criterionId);
        }

        @Override
        public String code() {
            return "experiment.evaluation.criterionUnknown";
        }

        @Override
        public String field() {
            return "evaluation.results";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("criterionId", criterionId);
        }
    }

    /**
     * No picture entry has this id.
     *
     * @param entryId the id asked for
     */
    record UnknownEntry(String entryId) implements ExperimentProblem {
        /** @throws NullPointerException if the id is missing */
        public UnknownEntry {
            Require.nonNull("entryId", entryId);
        }

        @Override
        public String code() {
            return "experiment.picture.unknownEntry";
        }

        @Override
        public String field() {
            return "picture.entries";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of("entryId", entryId);
        }
    }
}
