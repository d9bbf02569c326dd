package fi.kasvu.common;

import java.util.Map;

/**
 * Something a person can get wrong and put right (an empty goal, too few options), returned by
 * a rule as a value that a page can show next to the field, never thrown.
 *
 * <p>Features define their problems as records implementing this interface, so that code can
 * match on the type; {@link #code()} is the stable key of the message in the resource bundles.
 */
public interface Problem {

    /** A stable, dotted message key such as {@code grow.options.tooFew}. */
    String code();

    /** The field the problem belongs to, as a path such as {@code options} or {@code actions[2].dueDate}. */
    String field();

    /** The values the message needs, such as {@code {"minimum": 3, "actual": 1}}. */
    default Map<String, Object> arguments() {
        return Map.of();
    }
}
