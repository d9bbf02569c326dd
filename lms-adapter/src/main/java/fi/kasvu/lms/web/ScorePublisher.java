package fi.kasvu.lms.web;

import java.time.Instant;

/**
 * The seam to the LTI layer's Assignment and Grade Services: records a completion's score for
 * delivery by the background worker, and says where a learner's score stands.
 */
public interface ScorePublisher {

    /** Records the completion's score for delivery (never delivers on the caller's thread). */
    void publishCompletion(PageSession session, fi.kasvu.lms.web.Activity.Completion completion, Instant at);

    /**
     * Records the completion's score of another learner of the session's activity (a member of
     * the session's team), on the session's line item and for the session's document. By default
     * nothing: a publisher that cannot score others leaves them to their own requests.
     */
    default void publishCompletion(PageSession session, String subject, Activity.Completion completion, Instant at) {
        // scores of the session's learner only
    }

    /**
     * Whether the learner with the platform user id already has a score recorded for the
     * session's document on the session's line item; true when the activity is not graded.
     */
    default boolean recorded(PageSession session, String subject) {
        return true;
    }

    /**
     * Whether the session's learner already has a score recorded for the session's document (the
     * sweeper then skips reading the document); true when the session's activity is not graded.
     */
    default boolean recorded(PageSession session) {
        return true;
    }

    /**
     * Remembers, beyond the session's life, where the session's learner's score for the session's
     * document goes (the graded placement's line item): a completion of that document on another
     * placement's page can then be scored without her opening this one again
     * ({@link #publishRemembered}). Asked at each graded learner launch; by default nothing.
     */
    default void remember(PageSession session) {
        // nothing remembered: such completions are scored on the learner's next visit
    }

    /**
     * Records the completion's score of the session's own learner for a document of another
     * placement, on the line item of each graded placement where she launched with that document
     * ({@link #remember}); nothing where she never did.
     *
     * @param kind       the document's kind
     * @param documentId the document
     * @return how many scores were recorded
     */
    default int publishRemembered(PageSession session, String kind, String documentId,
                                  Activity.Completion completion, Instant at) {
        return 0;
    }

    /**
     * Where a learner's score in the session's activity stands now (the session's own learner, or
     * any for an organiser). Asked for completed documents: a completion whose score is not stored
     * yet reads as queued, since the sweeper queues it.
     */
    ScoreState status(PageSession session, String subject);

    /**
     * The stored state of a learner's score on the session's line item (the session's own learner,
     * or any for an organiser): empty while none is recorded, or when the session is not graded.
     * Unlike {@link #status} it never reads a score that is not stored as queued; the learner's
     * pages ask this (one read by key) to show where her score stands.
     */
    default java.util.Optional<ScoreState> stored(PageSession session, String subject) {
        return java.util.Optional.empty();
    }

    /**
     * Queues a refused or superseded score of a learner in the organiser's session's activity again
     * (delivered by the background worker).
     *
     * @return whether a score was queued (false if the learner has none, or it is not refused or superseded)
     */
    default boolean resend(PageSession session, String subject) {
        return false;
    }

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
