package fi.kasvu.plan;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * A follow-up of the plan: scheduled for a day, and once held, its notes and how things stand.
 *
 * @param id          unique within the plan
 * @param scheduledOn the day it is planned for
 * @param outcome     what the review found, or null while it is ahead
 */
public record Review(String id, LocalDate scheduledOn, Outcome outcome) {

    /** How the plan stands at a review. */
    public enum Progress {
        /** Held, but no rating given (a follow-up carried over from a GROW check-in). */
        NOT_RATED,
        /** Work has not started yet. */
        NOT_STARTED,
        /** Going as planned. */
        ON_TRACK,
        /** Behind the plan. */
        BEHIND,
        /** The goals are reached. */
        ACHIEVED,
        /** The plan was changed at the review. */
        CHANGED
    }

    /**
     * What a held review found.
     *
     * @param heldOn   the day it was held
     * @param notes    the notes
     * @param progress how the plan stands
     */
    public record Outcome(LocalDate heldOn, String notes, Progress progress) {
        /** @throws NullPointerException if the day or progress is missing */
        public Outcome {
            Require.nonNull("heldOn", heldOn);
            notes = Require.text("notes", notes);
            Require.nonNull("progress", progress);
        }
    }

    /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the day is missing */
    public Review {
        Require.id("id", id);
        Require.nonNull("scheduledOn", scheduledOn);
    }

    /** A review still ahead. */
    public static Review scheduled(String id, LocalDate on) {
        return new Review(id, on, null);
    }

    /** Whether it has been held. */
    public boolean held() {
        return outcome != null;
    }
}
