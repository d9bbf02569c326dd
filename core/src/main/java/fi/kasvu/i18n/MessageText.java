package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Problem;
import java.util.Map;
import java.util.function.BiFunction;

/** Fills a problem's message: its {@code {name}} placeholders from the problem's arguments. */
final class MessageText {

    private MessageText() {
    }

    /**
     * The message for the problem from the map, in the language.
     *
     * @param label turns an argument into reader's text (an enum name into its title), or returns null to keep it
     * @throws IllegalArgumentException if the map has no message for the problem's code
     */
    static String fill(Map<String, LocalizedText> messages, Problem problem, Language language,
                       BiFunction<String, Object, String> label) {
        LocalizedText template = messages.get(problem.code());
        if (template == null) {
            throw new IllegalArgumentException("no message for code: " + problem.code());
        }
        String text = template.in(language);
        for (Map.Entry<String, Object> argument : problem.arguments().entrySet()) {
            String shown = label.apply(argument.getKey(), argument.getValue());
            text = text.replace("{" + argument.getKey() + "}", shown != null ? shown : String.valueOf(argument.getValue()));
        }
        return text;
    }
}
