package fi.kasvu.i18n;

import fi.kasvu.common.Require;
import fi.kasvu.feedback.CompetenceSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The statement sets a 360 asks about: Kasvu's coaching-leadership set from seed 003 in fi, sv
 * and en, and an agency's own set read from a file in the format of {@code docs/feedback-360.md}.
 */
public final class CompetenceSets {

    private static final String COACHING_LEADERSHIP_RESOURCE = "coaching-leadership.txt";
    private static final CompetenceSet COACHING_LEADERSHIP = loadBuiltIn();

    private CompetenceSets() {
    }

    /** Coaching leadership: six themes of three statements each, drawn from the aims of seed 003. */
    public static CompetenceSet coachingLeadership() {
        return COACHING_LEADERSHIP;
    }

    /**
     * An agency's own set, read from a UTF-8 file.
     *
     * @param source a name for the file in error messages (its path, say)
     * @throws CompetenceSetException listing every bad line with its number, key and problem
     * @throws UncheckedIOException   if the stream cannot be read
     */
    public static CompetenceSet fromFile(String source, InputStream utf8) {
        return CompetenceSetFile.read(Require.nonNull("source", source), Require.nonNull("utf8", utf8));
    }

    private static CompetenceSet loadBuiltIn() {
        try (InputStream in = CompetenceSets.class.getResourceAsStream(COACHING_LEADERSHIP_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in competence set missing: " + COACHING_LEADERSHIP_RESOURCE);
            }
            return CompetenceSetFile.read(COACHING_LEADERSHIP_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in competence set", e);
        }
    }
}
