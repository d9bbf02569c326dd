package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * A dated note on how an action is going.
 *
 * @param on   the day of the note
 * @param text the note, never blank
 */
public record ProgressNote(LocalDate on, String text) {

    /**
     * @throws NullPointerException     if the day is null
     * @throws IllegalArgumentException if the text is blank or too long
     */
    public ProgressNote {
        Require.nonNull("progressNote.on", on);
        Require.nonBlank("progressNote.text", text);
    }
}
