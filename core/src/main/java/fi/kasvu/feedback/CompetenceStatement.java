package fi.kasvu.feedback;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;

/**
 * One behaviour a 360 asks raters about ("Listens and asks before giving answers"), rated 1..5.
 *
 * @param id   unique within its set
 * @param text the statement in one or more languages
 */
public record CompetenceStatement(String id, LocalizedText text) {

    /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the text is missing */
    public CompetenceStatement {
        Require.id("statement id", id);
        Require.nonNull("text", text);
    }
}
