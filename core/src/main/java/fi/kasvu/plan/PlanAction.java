package fi.kasvu.plan;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * One thing the person does towards a goal.
 *
 * @param id     unique within the plan
 * @param what   what is done
 * @param due    by when, or null
 * @param status open, done or dropped
 * @param note   what came of it, or why it was dropped ("" if nothing written)
 */
public record PlanAction(String id, String what, LocalDate due, Status status, String note) {

    /** Where an action stands. */
    public enum Status {
        /** Still to do. */
        OPEN,
        /** Done. */
        DONE,
        /** Dropped; the note says why. */
        DROPPED
    }

    /**
     * @throws IllegalArgumentException if the id or what is blank, or a dropped action has no note
     * @throws NullPointerException     if the status is missing
     */
    public PlanAction {
        Require.id("id", id);
        Require.nonBlank("what", what);
        Require.nonNull("status", status);
        note = Require.text("note", note);
        if (status == Status.DROPPED && note.isBlank()) {
            throw new IllegalArgumentException("note must say why a dropped action was dropped: \"" + note + "\"");
        }
    }

    /** A new open action. */
    public static PlanAction open(String id, String what, LocalDate due) {
        return new PlanAction(id, what, due, Status.OPEN, "");
    }
}
