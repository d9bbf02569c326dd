package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.grow.Phase;

/**
 * One coaching question of the bank.
 *
 * @param key   the stable key {@code <set>.<phase>.<id>}, such as {@code grow.goal.1}; answers refer to it
 * @param set   {@code grow} for the general questions, or a template id
 * @param phase the phase it belongs to
 * @param text  the question in one or more languages
 */
public record Question(String key, String set, Phase phase, LocalizedText text) {

    /**
     * @throws NullPointerException     if a part is null
     * @throws IllegalArgumentException if the key or set is not an identifier
     */
    public Question {
        Require.id("question key", key);
        Require.id("question set", set);
        Require.nonNull("phase", phase);
        Require.nonNull("text", text);
    }

    /** The question in the language, falling back to English, then to any language it has. */
    public String in(Language language) {
        return text.in(language);
    }
}
