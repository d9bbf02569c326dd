package fi.kasvu.lms.web;

import java.time.Instant;

/**
 * The seam to the LTI layer's Assignment and Grade Services: records a completion's score for
 * delivery by the background worker, and says where a learner's score stands.
 */
public interface ScorePublisher {

    /** Records the completion's score for delivery (never delivers on the caller's thread). */
    void publishCompletion(PageSession session, fi.kasvu.lms.web.Activity.Completion completion, Instant at);

    /** Where a learner's score in the session's activity stands now (the session's own learner, or any for an organiser). */
    ScoreState status(PageSession session, String subject);

    /** A publisher for a tool without grade services: every activity is ungraded. */
    static ScorePublisher none() {
        return new ScorePublisher() {
            @Override
            public void publishCompletion(PageSession session, Activity.Completion completion, Instant at) {
                // nothing is graded
            }

            @Override
            public ScoreState status(PageSession session, String subject) {
                return new ScoreState.NotGraded();
            }
        };
    }
}
