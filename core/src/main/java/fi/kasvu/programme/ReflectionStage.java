package fi.kasvu.programme;

import fi.kasvu.common.Require;
import java.time.Instant;

/** Where a reflection assignment stands: being written, submitted, or with the coach's feedback. */
public sealed interface ReflectionStage {

    /** The learner is writing; nothing is submitted. */
    record Draft() implements ReflectionStage {
    }

    /**
     * Submitted and waiting for the coach.
     *
     * @param at   when it was submitted
     * @param late whether it came after the deadline
     */
    record Submitted(Instant at, boolean late) implements ReflectionStage {
        /** @throws NullPointerException if the time is missing */
        public Submitted {
            Require.nonNull("at", at);
        }
    }

    /**
     * The coach gave feedback; the assignment is complete.
     *
     * @param submittedAt when it was submitted
     * @param late        whether it came after the deadline
     * @param feedback    the coach's feedback, private to the learner and coach
     * @param at          when the feedback was given (or last changed)
     */
    record FeedbackGiven(Instant submittedAt, boolean late, String feedback, Instant at) implements ReflectionStage {
        /** @throws IllegalArgumentException if the feedback is blank */
        public FeedbackGiven {
            Require.nonNull("submittedAt", submittedAt);
            Require.nonBlank("feedback", feedback);
            Require.nonNull("at", at);
        }
    }
}
