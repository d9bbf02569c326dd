package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened from the start of the run: the plan in force, the day it started, the
 * observations, and the earlier rounds that ended in a decision to extend.
 *
 * @param plan          the plan in force (its end moves when the run is extended)
 * @param startedOn     the day the run started
 * @param observations  dated observations, in the order they were recorded
 * @param earlierRounds evaluations that ended in an extension
 */
public record RunLog(ExperimentPlan plan, LocalDate startedOn, List<RunObservation> observations,
                     List<ExtendedRound> earlierRounds) {

    /**
     * An evaluation followed by a decision to extend, kept when the run goes on.
     *
     * @param evaluation the evaluation at the old end
     * @param decision   the decision (always an extension)
     */
    public record ExtendedRound(Evaluation evaluation, Decision decision) {
        /**
         * @throws NullPointerException     naming a missing part
         * @throws IllegalArgumentException if the decision is not an extension
         */
        public ExtendedRound {
            Require.nonNull("evaluation", evaluation);
            Require.nonNull("decision", decision);
            if (!(decision.choice() instanceof Decision.Extend)) {
                throw new IllegalArgumentException("decision of an earlier round must be EXTEND: " + decision.choice().type());
            }
        }
    }

    /**
     * @throws NullPointerException     naming a missing part
     * @throws IllegalArgumentException if observation ids repeat
     */
    public RunLog {
        Require.nonNull("plan", plan);
        Require.nonNull("startedOn", startedOn);
        observations = Require.list("observations", observations);
        earlierRounds = Require.list("earlierRounds", earlierRounds);
        if (observations.stream().map(RunObservation::id).distinct().count() != observations.size()) {
            throw new IllegalArgumentException("observations must have distinct ids: "
                    + observations.stream().map(RunObservation::id).toList());
        }
    }

    RunLog with(RunObservation observation) {
        List<RunObservation> copy = new ArrayList<>(observations);
        copy.add(observation);
        return new RunLog(plan, startedOn, copy, earlierRounds);
    }

    RunLog extended(Evaluation evaluation, Decision decision, LocalDate newEnd) {
        List<ExtendedRound> rounds = new ArrayList<>(earlierRounds);
        rounds.add(new ExtendedRound(evaluation, decision));
        return new RunLog(plan.endingOn(newEnd), startedOn, observations, rounds);
    }

    String nextObservationId() {
        return "o" + (observations.size() + 1);
    }
}
