package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * What a member writes for themself after a meeting; nobody else ever reads it, not the other
 * members, not the coach, not a teacher.
 *
 * @param author  the member who wrote it and the only one who may read it
 * @param written when
 * @param meeting the meeting it reflects on (its number), or 0 for none
 * @param text    the reflection
 */
public record PrivateReflection(PersonId author, Instant written, int meeting, String text) {

    /** @throws IllegalArgumentException if the text is blank or the meeting number negative */
    public PrivateReflection {
        Require.nonNull("author", author);
        Require.nonNull("written", written);
        Require.range("meeting", meeting, 0, 1000);
        Require.nonBlank("text", text);
    }

    /** Hides the text in {@link #toString()} so that a reflection never leaks into a log line. */
    @Override
    public String toString() {
        return "PrivateReflection[author=" + author + ", written=" + written + ", meeting=" + meeting + ", text=(private)]";
    }
}
