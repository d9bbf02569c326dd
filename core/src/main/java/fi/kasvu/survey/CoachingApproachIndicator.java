package fi.kasvu.survey;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.util.List;

/**
 * The ministry's performance indicator (seed 001) — "the work community, supervisors and units
 * recognise that they work with a coaching approach" — as the share of agreeing answers (4 or 5)
 * to the statements it names, per group and round. Which statements count is configurable.
 *
 * @param id           a stable id
 * @param name         the indicator's name
 * @param statementIds the Likert statements it counts
 */
public record CoachingApproachIndicator(String id, LocalizedText name, List<String> statementIds) {

    /** @throws IllegalArgumentException if no statement is named or one repeats */
    public CoachingApproachIndicator {
        Require.id("id", id);
        Require.nonNull("name", name);
        statementIds = Require.list("statementIds", statementIds);
        if (statementIds.isEmpty()) {
            throw new IllegalArgumentException("statementIds must name at least one statement: []");
        }
        if (statementIds.stream().distinct().count() != statementIds.size()) {
            throw new IllegalArgumentException("statementIds must not repeat: " + statementIds);
        }
    }

    /** The indicator over Kasvu's three coaching-approach statements (work community, supervisor, unit). */
    public static CoachingApproachIndicator standard() {
        return new CoachingApproachIndicator("coaching-approach", LocalizedText.of(
                "Tunnistamme toimivamme valmentavalla työotteella",
                "Vi känner igen att vi arbetar med ett coachande arbetssätt",
                "We recognise that we work with a coaching approach"),
                CultureStatements.COACHING_APPROACH_IDS);
    }
}
