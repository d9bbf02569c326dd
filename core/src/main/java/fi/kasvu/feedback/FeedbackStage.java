package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.time.Instant;

/** Where a 360 stands: collecting answers, or closed with its report released to the subject. */
public sealed interface FeedbackStage {

    /** Invitations go out and answers come in; no report yet. */
    record Collecting() implements FeedbackStage {
    }

    /**
     * No more answers; the report is computed once from what came in.
     *
     * @param at when it was closed
     */
    record Closed(Instant at) implements FeedbackStage {
        /** @throws NullPointerException if the time is missing */
        public Closed {
            Require.nonNull("at", at);
        }
    }
}
