package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.Require;
import fi.kasvu.lms.web.PageTexts;
import java.util.List;

/**
 * Why one submitted field was not saved (too long, not a date, …): a message key of the page
 * bundles and its arguments; the learner's text stays in the field.
 *
 * @param field     the form field's name
 * @param key       the message key ({@code field.tooLong})
 * @param arguments the message's arguments
 */
public record FieldError(String field, String key, List<Object> arguments) {

    /** @throws NullPointerException if a part is null */
    public FieldError {
        Require.nonNull("field", field);
        Require.nonNull("key", key);
        arguments = List.copyOf(arguments);
    }

    /** The message in the texts' language. */
    public String message(PageTexts texts) {
        return texts.t(key, arguments.toArray());
    }
}
