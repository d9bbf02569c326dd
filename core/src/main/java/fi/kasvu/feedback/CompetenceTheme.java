package fi.kasvu.feedback;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.util.List;

/**
 * A group of statements reported together, one chart each ("Dialogue and listening").
 *
 * @param id         unique within its set
 * @param title      the theme's title
 * @param statements the statements, in the order asked; at least one
 */
public record CompetenceTheme(String id, LocalizedText title, List<CompetenceStatement> statements) {

    /** @throws IllegalArgumentException if the id is invalid or there is no statement */
    public CompetenceTheme {
        Require.id("theme id", id);
        Require.nonNull("title", title);
        statements = Require.list("statements", statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("theme " + id + " must have at least one statement");
        }
    }
}
