package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A dated observation a participant makes while the experiment runs.
 *
 * @param id       unique within the experiment ({@code o1}, {@code o2}, …)
 * @param author   who observed
 * @param on       the day it was observed
 * @param text     what was observed
 * @param recorded when it was written down
 * @param teamOnly whether it stays inside the team: it never reaches the shared case (nor anyone
 *                 outside the team); when false, its day and text (never its author) are quoted in
 *                 the case the team shares ({@code fi.kasvu.library.ExperimentSharing})
 */
public record RunObservation(String id, PersonId author, LocalDate on, String text, Instant recorded,
                             boolean teamOnly) {

    /** An observation kept inside the team (the default: only a member's choice lets one out). */
    public RunObservation(String id, PersonId author, LocalDate on, String text, Instant recorded) {
        this(id, author, on, text, recorded, true);
    }

    /**
     * @throws IllegalArgumentException if the id or text is blank or too long
     * @throws NullPointerException     if the author, day or time is missing
     */
    public RunObservation {
        Require.id("id", id);
        Require.nonNull("author", author);
        Require.nonNull("on", on);
        Require.nonBlank("text", text);
        Require.nonNull("recorded", recorded);
    }
}
