package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.time.Instant;

/** Where one learner's score for one activity stands, as the learner and the teacher are told. */
public sealed interface ScoreState {

    /** A short stable name ({@code queued}, {@code delivered}, …) for styling and the stored state. */
    String code();

    /** The activity is not graded, or the platform offers no grade service. */
    record NotGraded() implements ScoreState {
        @Override
        public String code() {
            return "not-graded";
        }
    }

    /** Graded, but the learner has not completed the activity yet. */
    record NotCompleted() implements ScoreState {
        @Override
        public String code() {
            return "not-completed";
        }
    }

    /**
     * The score waits for its first delivery.
     *
     * @param since when it was queued
     */
    record Queued(Instant since) implements ScoreState {
        /** @throws NullPointerException if the instant is null */
        public Queued {
            Require.nonNull("since", since);
        }

        @Override
        public String code() {
            return "queued";
        }
    }

    /**
     * The platform accepted the score.
     *
     * @param at when
     */
    record Delivered(Instant at) implements ScoreState {
        /** @throws NullPointerException if the instant is null */
        public Delivered {
            Require.nonNull("at", at);
        }

        @Override
        public String code() {
            return "delivered";
        }
    }

    /**
     * A delivery failed for a reason that may pass (the platform was down); it is tried again.
     *
     * @param nextAttempt when
     * @param attempts    how many attempts were made
     * @param reason      why the last one failed (no personal data)
     */
    record Retrying(Instant nextAttempt, int attempts, String reason) implements ScoreState {
        /** @throws NullPointerException if a part is null */
        public Retrying {
            Require.nonNull("nextAttempt", nextAttempt);
            Require.nonNull("reason", reason);
        }

        @Override
        public String code() {
            return "retrying";
        }
    }

    /**
     * The platform refused the score; it is not tried again until a teacher re-sends it.
     *
     * @param status  the platform's HTTP status
     * @param message the platform's message (cut short, no personal data)
     * @param at      when
     */
    record Refused(int status, String message, Instant at) implements ScoreState {
        /** @throws NullPointerException if a part is null */
        public Refused {
            Require.nonNull("message", message);
            Require.nonNull("at", at);
        }

        @Override
        public String code() {
            return "refused";
        }
    }

    /**
     * The platform answered 409: it holds a newer score for the learner, so this one was not taken.
     *
     * @param message the platform's message (cut short, no personal data)
     * @param at      when
     */
    record Superseded(String message, Instant at) implements ScoreState {
        /** @throws NullPointerException if a part is null */
        public Superseded {
            Require.nonNull("message", message);
            Require.nonNull("at", at);
        }

        @Override
        public String code() {
            return "superseded";
        }
    }
}
