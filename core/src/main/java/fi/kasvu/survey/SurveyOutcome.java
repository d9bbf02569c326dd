package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.List;

/** What a survey command or results request gave: a value, or the problems that kept it from being made. */
public sealed interface SurveyOutcome<T> {

    /** The command went through. */
    record Done<T>(T value) implements SurveyOutcome<T> {
        /** @throws NullPointerException if the value is null */
        public Done {
            Require.nonNull("value", value);
        }
    }

    /** The command was refused. */
    record Refused<T>(List<SurveyProblem> problems) implements SurveyOutcome<T> {
        /** @throws IllegalArgumentException if there is no reason */
        public Refused {
            problems = Require.list("problems", problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("problems must not be empty: a refusal needs a reason");
            }
        }
    }

    /** The problems, empty when it went through. */
    default List<SurveyProblem> problems() {
        return this instanceof Refused<T> refused ? refused.problems() : List.of();
    }

    /**
     * The value.
     *
     * @throws IllegalStateException listing the problems if it was refused
     */
    default T orElseThrow() {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("survey command refused: " + problems());
    }

    /** A refusal with one problem. */
    static <T> SurveyOutcome<T> refused(SurveyProblem problem) {
        return new Refused<>(List.of(problem));
    }
}
