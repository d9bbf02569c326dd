package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * The change mapping (muutoshahmotus): from what to what, what helps, what hinders, and the
 * first small step. Fields may be empty while it is drafted.
 *
 * @param from      the situation now
 * @param to        the situation wanted
 * @param helps     what helps the change
 * @param hinders   what hinders it
 * @param firstStep the first small step
 */
public record ChangeMap(String from, String to, List<String> helps, List<String> hinders, String firstStep) {

    /** @throws IllegalArgumentException if a text is too long or a list item blank */
    public ChangeMap {
        from = Require.text("from", from);
        to = Require.text("to", to);
        helps = Texts.items("helps", helps);
        hinders = Texts.items("hinders", hinders);
        firstStep = Require.text("firstStep", firstStep);
    }

    /** A mapping with nothing written yet. */
    public static ChangeMap empty() {
        return new ChangeMap("", "", List.of(), List.of(), "");
    }
}
