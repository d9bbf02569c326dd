package fi.kasvu.plan;

import fi.kasvu.common.Require;
import java.time.Instant;

/** Where a development plan came from; the link stays with the plan. */
public sealed interface PlanSource {

    /** Written directly as a plan. */
    record Written() implements PlanSource {
    }

    /**
     * Made from a completed GROW conversation.
     *
     * @param conversationId the conversation
     * @param completedAt    when the conversation was completed
     */
    record FromGrow(String conversationId, Instant completedAt) implements PlanSource {
        /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the time is missing */
        public FromGrow {
            Require.id("conversationId", conversationId);
            Require.nonNull("completedAt", completedAt);
        }
    }

    /**
     * Made from the results of a 360-degree assessment.
     *
     * @param assessmentId the assessment
     * @param completedAt  when its results were released
     */
    record FromFeedback360(String assessmentId, Instant completedAt) implements PlanSource {
        /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the time is missing */
        public FromFeedback360 {
            Require.id("assessmentId", assessmentId);
            Require.nonNull("completedAt", completedAt);
        }
    }
}
