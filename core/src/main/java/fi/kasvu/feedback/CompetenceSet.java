package fi.kasvu.feedback;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statements a 360 asks about, grouped by theme: Kasvu's coaching-leadership set (seed 003)
 * or an agency's own. An assessment keeps a copy, so its report never changes when the set does.
 *
 * @param id     the set's id, such as {@code coaching-leadership}
 * @param title  the set's title
 * @param themes the themes, in the order asked; at least one
 */
public record CompetenceSet(String id, LocalizedText title, List<CompetenceTheme> themes) {

    /** @throws IllegalArgumentException if there is no theme, or theme or statement ids repeat */
    public CompetenceSet {
        Require.id("set id", id);
        Require.nonNull("title", title);
        themes = Require.list("themes", themes);
        if (themes.isEmpty()) {
            throw new IllegalArgumentException("competence set " + id + " must have at least one theme");
        }
        Set<String> themeIds = new HashSet<>();
        Set<String> statementIds = new HashSet<>();
        for (CompetenceTheme theme : themes) {
            if (!themeIds.add(theme.id())) {
                throw new IllegalArgumentException("themes must have distinct ids: " + theme.id() + " repeats");
            }
            for (CompetenceStatement statement : theme.statements()) {
                if (!statementIds.add(statement.id())) {
                    throw new IllegalArgumentException("statements must have distinct ids: " + statement.id() + " repeats");
                }
            }
        }
    }

    /** Every statement, theme by theme. */
    public List<CompetenceStatement> statements() {
        return themes.stream().flatMap(theme -> theme.statements().stream()).toList();
    }

    /** The statement with the id. */
    public Optional<CompetenceStatement> statement(String statementId) {
        return statements().stream().filter(s -> s.id().equals(statementId)).findFirst();
    }

    /** The theme with the id. */
    public Optional<CompetenceTheme> theme(String themeId) {
        return themes.stream().filter(t -> t.id().equals(themeId)).findFirst();
    }

    /** The theme a statement belongs to. */
    public Optional<CompetenceTheme> themeOf(String statementId) {
        return themes.stream().filter(t -> t.statements().stream().anyMatch(s -> s.id().equals(statementId)))
                .findFirst();
    }
}
