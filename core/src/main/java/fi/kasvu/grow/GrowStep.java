package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.util.List;

/** What a step in a conversation (moving phase, advancing, completing) did: taken, or refused with problems. */
public sealed interface GrowStep {

    /** The step was taken; the conversation is the changed one. */
    record Taken(GrowConversation conversation) implements GrowStep {
        /** @throws NullPointerException if the conversation is null */
        public Taken {
            Require.nonNull("conversation", conversation);
        }
    }

    /** The step was refused; the problems say what to put right first. */
    record Refused(List<GrowProblem> problems) implements GrowStep {
        /** @throws IllegalArgumentException if there is no problem */
        public Refused {
            problems = Require.list("problems", problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one problem: " + problems);
            }
        }
    }

    /** Whether the step was taken. */
    default boolean taken() {
        return this instanceof Taken;
    }

    /** The problems that refused the step; empty if it was taken. */
    default List<GrowProblem> problems() {
        return this instanceof Refused refused ? refused.problems() : List.of();
    }

    /**
     * The changed conversation.
     *
     * @throws IllegalStateException listing the problem codes if the step was refused
     */
    default GrowConversation orElseThrow() {
        if (this instanceof Taken taken) {
            return taken.conversation();
        }
        throw new IllegalStateException("step refused: " + problems().stream().map(GrowProblem::code).toList());
    }
}
