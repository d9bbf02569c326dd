package fi.kasvu.lms.pages;

import fi.kasvu.grow.GrowConversation;
import java.time.Instant;

/**
 * The seam to the LTI layer's Assignment and Grade Services: posts a completed exercise's score
 * (activityProgress Completed, gradingProgress FullyGraded) through the durable outbox.
 */
public interface ScorePublisher {

    /** Where a completion's score stands, as the learner is told. */
    enum Status {
        /** The platform accepted the score. */
        SENT,
        /** The score waits in the outbox and will be retried. */
        PENDING,
        /** The activity is not graded, or the platform offers no grade service. */
        NOT_GRADED
    }

    /** Queues the completion's score and tries to deliver it at once. */
    Status publishCompletion(PageSession session, GrowConversation conversation, Instant at);

    /** Where the score of a completed conversation stands now. */
    Status status(PageSession session, GrowConversation conversation);

    /** A publisher for a tool without grade services: every completion is ungraded. */
    static ScorePublisher none() {
        return new ScorePublisher() {
            @Override
            public Status publishCompletion(PageSession session, GrowConversation conversation, Instant at) {
                return Status.NOT_GRADED;
            }

            @Override
            public Status status(PageSession session, GrowConversation conversation) {
                return Status.NOT_GRADED;
            }
        };
    }
}
