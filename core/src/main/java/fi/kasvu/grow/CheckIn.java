package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * A follow-up: planned for a day, and once held, recorded with the coachee's progress note.
 *
 * @param id        unique within the conversation ({@code check-in-1}, …)
 * @param plannedOn the day it is planned for
 * @param heldOn    the day it was held, or null while still ahead
 * @param note      the progress note written at the check-in ("" until held)
 */
public record CheckIn(String id, LocalDate plannedOn, LocalDate heldOn, String note) {

    /**
     * @throws IllegalArgumentException if the id is blank or the note too long
     * @throws NullPointerException     if the planned day is null
     */
    public CheckIn {
        Require.id("checkIn.id", id);
        Require.nonNull("checkIn.plannedOn", plannedOn);
        note = Require.text("checkIn.note", note);
    }

    /** A planned check-in. */
    public static CheckIn planned(String id, LocalDate on) {
        return new CheckIn(id, on, null, "");
    }

    /** Whether the check-in has been held. */
    public boolean held() {
        return heldOn != null;
    }

    /** This check-in held on the day with the note. */
    public CheckIn heldOn(LocalDate day, String progressNote) {
        return new CheckIn(id, plannedOn, Require.nonNull("heldOn", day), progressNote);
    }
}
