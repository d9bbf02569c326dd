package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * A note a member writes for the group (agreements, summaries); only members can read it.
 *
 * @param author  the member who wrote it
 * @param written when
 * @param text    the note
 */
public record GroupNote(PersonId author, Instant written, String text) {

    /** @throws IllegalArgumentException if the text is blank or too long */
    public GroupNote {
        Require.nonNull("author", author);
        Require.nonNull("written", written);
        Require.nonBlank("text", text);
    }
}
