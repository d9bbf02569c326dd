package fi.kasvu.common;

import java.util.List;
import java.util.function.Function;

/**
 * What a command or rule gave: the accepted value, or the typed problems that kept it from
 * happening. Every feature of core returns this one shape, so callers read them all the same way.
 *
 * @param <T> the value when the command went through, usually the changed aggregate
 * @param <P> the feature's problem type
 */
public sealed interface Result<T, P extends Problem> {

    /** The command went through; {@code value} is its result. */
    record Accepted<T, P extends Problem>(T value) implements Result<T, P> {
        /** @throws NullPointerException if the value is null */
        public Accepted {
            Require.nonNull("value", value);
        }
    }

    /** The command was refused and nothing changed; the problems say what to put right. */
    record Rejected<T, P extends Problem>(List<P> problems) implements Result<T, P> {
        /** @throws IllegalArgumentException if there is no problem: a rejection needs a reason */
        public Rejected {
            problems = Require.list("problems", problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("problems must not be empty: a rejection needs a reason");
            }
        }
    }

    /** An accepted result with the value. */
    static <T, P extends Problem> Result<T, P> accepted(T value) {
        return new Accepted<>(value);
    }

    /** A rejection with the given problems, or an accepted result with the value when there are none. */
    static <T, P extends Problem> Result<T, P> acceptedUnless(List<P> problems, T value) {
        return problems.isEmpty() ? new Accepted<>(value) : new Rejected<>(problems);
    }

    /** A rejection with one problem. */
    static <T, P extends Problem> Result<T, P> rejected(P problem) {
        return new Rejected<>(List.of(problem));
    }

    /** A rejection with the problems. @throws IllegalArgumentException if there are none */
    static <T, P extends Problem> Result<T, P> rejected(List<P> problems) {
        return new Rejected<>(problems);
    }

    /** Whether the command went through. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The problems, empty when the command went through. */
    default List<P> problems() {
        return this instanceof Rejected<T, P> rejected ? rejected.problems() : List.of();
    }

    /** The accepted value transformed, or the same problems. */
    default <U> Result<U, P> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Accepted<T, P> accepted) {
            return new Accepted<>(mapper.apply(accepted.value()));
        }
        return new Rejected<>(problems());
    }

    /** The accepted value transformed by a further command, or the first problems met. */
    default <U> Result<U, P> flatMap(Function<? super T, Result<U, P>> next) {
        if (this instanceof Accepted<T, P> accepted) {
            return Require.nonNull("next result", next.apply(accepted.value()));
        }
        return new Rejected<>(problems());
    }

    /** The accepted value, or {@code other} when the command was rejected. */
    default T orElse(T other) {
        return this instanceof Accepted<T, P> accepted ? accepted.value() : other;
    }

    /**
     * The accepted value.
     *
     * @throws IllegalStateException listing the problem codes if the command was rejected
     */
    default T orElseThrow() {
        if (this instanceof Accepted<T, P> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("rejected: " + problems().stream().map(Problem::code).toList());
    }
}
