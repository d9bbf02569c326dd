package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;

/** What a person sees of a reflection assignment: the whole of it, or its progress only. */
public sealed interface ReflectionView {

    /** Where a reflection stands, without its content. */
    enum Status {
        /** Being written. */
        DRAFT,
        /** Submitted, waiting for feedback. */
        SUBMITTED,
        /** The coach gave feedback. */
        FEEDBACK_GIVEN;

        static Status of(ReflectionStage stage) {
            if (stage instanceof ReflectionStage.Submitted) {
                return SUBMITTED;
            }
            return stage instanceof ReflectionStage.FeedbackGiven ? FEEDBACK_GIVEN : DRAFT;
        }
    }

    /**
     * The learner's or coach's view: the reflection with its text and feedback.
     *
     * @param reflection the reflection
     */
    record Full(ReflectionAssignment reflection) implements ReflectionView {
        /** @throws NullPointerException if the reflection is missing */
        public Full {
            Require.nonNull("reflection", reflection);
        }
    }

    /**
     * Anyone else's view: who, which assignment, and how far; never the text or the feedback.
     *
     * @param reflectionId the reflection
     * @param programmeId  the programme
     * @param assignmentId the assignment
     * @param learner      the learner
     * @param coach        the coach, or null
     * @param status       how far it is
     * @param submittedAt  when it was submitted, or null
     * @param late         whether it came after the deadline
     */
    record Progress(String reflectionId, String programmeId, String assignmentId, PersonId learner, PersonId coach,
                    Status status, Instant submittedAt, boolean late) implements ReflectionView {
        /** @throws NullPointerException if a required part is missing */
        public Progress {
            Require.nonNull("reflectionId", reflectionId);
            Require.nonNull("programmeId", programmeId);
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("learner", learner);
            Require.nonNull("status", status);
        }
    }
}
