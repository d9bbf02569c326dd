package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import java.util.List;

/** What a command on an experiment did: changed it, or rejected it with typed problems. */
public sealed interface Outcome {

    /** The command went through; {@code experiment} is the changed experiment. */
    record Changed(Experiment experiment) implements Outcome {
        /** @throws NullPointerException if the experiment is null */
        public Changed {
            Require.nonNull("experiment", experiment);
        }
    }

    /** The command was refused and nothing changed. */
    record Rejected(List<ExperimentProblem> problems) implements Outcome {
        /** @throws IllegalArgumentException if there is no reason */
        public Rejected {
            problems = Require.list("problems", problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("problems must not be empty: a rejection needs a reason");
            }
        }
    }

    /** Whether the command went through. */
    default boolean isChanged() {
        return this instanceof Changed;
    }

    /** The problems, empty when the command went through. */
    default List<ExperimentProblem> problems() {
        return this instanceof Rejected rejected ? rejected.problems() : List.of();
    }

    /**
     * The changed experiment.
     *
     * @throws IllegalStateException listing the problems if the command was rejected
     */
    default Experiment orElseThrow() {
        if (this instanceof Changed changed) {
            return changed.experiment();
        }
        throw new IllegalStateException("experiment command rejected: " + problems());
    }
}
