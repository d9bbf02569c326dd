package fi.kasvu.grow;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;

/**
 * A kind of GROW conversation with its own title, questions (in the question bank under its id)
 * and defaults. Built-in ones are in {@link GrowTemplates}; agencies may define their own.
 *
 * @param id             a stable identifier, also the question bank's set name ({@code development-discussion})
 * @param title          the title in fi, sv and en
 * @param description    what the conversation is for, in fi, sv and en
 * @param mode           the mode a new conversation starts in
 * @param minimumOptions how many options the Options phase asks for
 * @param followUpDays   how many days after the conversation the first check-in is suggested
 */
public record GrowTemplate(String id, LocalizedText title, LocalizedText description, Mode mode, int minimumOptions,
                           int followUpDays) {

    /**
     * @throws IllegalArgumentException if the id is not a lower-case identifier of letters, digits
     *                                  and dashes, or a number is out of range (naming field and value)
     * @throws NullPointerException     if a text or the mode is null
     */
    public GrowTemplate {
        Require.id("template id", id);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("template id must be lower-case letters, digits and dashes: \"" + id + "\"");
        }
        Require.nonNull("title", title);
        Require.nonNull("description", description);
        Require.nonNull("mode", mode);
        Require.range("minimumOptions", minimumOptions, 1, GrowConversation.MAX_MINIMUM_OPTIONS);
        Require.range("followUpDays", followUpDays, 1, 366);
    }
}
