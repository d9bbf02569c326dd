package fi.kasvu.programme;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * An intermediate or final assignment, due by the end of a day in the programme's time zone.
 *
 * @param id           unique within the programme
 * @param kind         intermediate or final
 * @param title        its title
 * @param instructions what to do, or null
 * @param due          the last day to do it
 * @param fulfilledBy  a reflection or a Kasvu activity
 */
public record Assignment(String id, AssignmentKind kind, LocalizedText title, LocalizedText instructions, LocalDate due,
                         Fulfilment fulfilledBy) {

    /** @throws IllegalArgumentException if the id is invalid; NullPointerException if a part is missing */
    public Assignment {
        Require.id("assignment id", id);
        Require.nonNull("kind", kind);
        Require.nonNull("title", title);
        Require.nonNull("due", due);
        Require.nonNull("fulfilledBy", fulfilledBy);
    }
}
