package fi.kasvu.grow;

import fi.kasvu.common.Require;

/**
 * The Reality phase beyond the answers to its questions: what has been tried so far, and the
 * insight the coachee marks as essential now.
 *
 * @param tried            what the coachee has already tried ("" if nothing written)
 * @param essentialInsight what is essential now, in the coachee's words ("" until marked)
 */
public record Reality(String tried, String essentialInsight) {

    /** Nothing written yet. */
    public static final Reality EMPTY = new Reality("", "");

    /** @throws IllegalArgumentException if a text is longer than {@link Require#MAX_TEXT} */
    public Reality {
        tried = Require.text("reality.tried", tried);
        essentialInsight = Require.text("reality.essentialInsight", essentialInsight);
    }
}
