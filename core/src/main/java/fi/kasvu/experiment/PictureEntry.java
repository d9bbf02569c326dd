package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * One contribution to the situational picture: what works, what is hard, or an observation from
 * everyday work, by one team member.
 *
 * @param id     unique within the picture ({@code p1}, {@code p2}, …)
 * @param author who wrote it
 * @param kind   what sort of contribution it is
 * @param text   the contribution
 * @param added  when it was added
 */
public record PictureEntry(String id, PersonId author, Kind kind, String text, Instant added) {

    /** What a contribution to the situational picture says. */
    public enum Kind {
        /** Something that works well now. */
        WORKS,
        /** Something that is hard now. */
        HARD,
        /** An observation from everyday work. */
        OBSERVATION
    }

    /**
     * @throws IllegalArgumentException if the id or text is blank or too long
     * @throws NullPointerException     if the author, kind or time is missing
     */
    public PictureEntry {
        Require.id("id", id);
        Require.nonNull("author", author);
        Require.nonNull("kind", kind);
        Require.nonBlank("text", text);
        Require.nonNull("added", added);
    }
}
