package fi.kasvu.plan;

import fi.kasvu.common.Require;
import java.util.List;

/** What a change to a plan did: the changed plan, or the problems that kept it from happening. */
public sealed interface PlanChange {

    /** The change went through. */
    record Changed(DevelopmentPlan plan) implements PlanChange {
        /** @throws NullPointerException if the plan is null */
        public Changed {
            Require.nonNull("plan", plan);
        }
    }

    /** The change was refused. */
    record Refused(List<PlanProblem> problems) implements PlanChange {
        /** @throws IllegalArgumentException if there is no reason */
        public Refused {
            problems = Require.list("problems", problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("problems must not be empty: a refusal needs a reason");
            }
        }
    }

    /** The problems, empty when the change went through. */
    default List<PlanProblem> problems() {
        return this instanceof Refused refused ? refused.problems() : List.of();
    }

    /**
     * The changed plan.
     *
     * @throws IllegalStateException listing the problems if the change was refused
     */
    default DevelopmentPlan orElseThrow() {
        if (this instanceof Changed changed) {
            return changed.plan();
        }
        throw new IllegalStateException("plan change refused: " + problems());
    }

    /** A refusal with one problem. */
    static PlanChange refused(PlanProblem problem) {
        return new Refused(List.of(problem));
    }
}
