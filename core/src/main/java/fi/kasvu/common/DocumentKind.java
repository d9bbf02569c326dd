package fi.kasvu.common;

import java.util.function.Function;

/**
 * What a repository needs to know of one aggregate type to store it as a document: its kind
 * name (as in the JSON format), its id, and the two keys it is listed by.
 *
 * @param name    the document kind, equal to the JSON format's {@code kind} (e.g. {@code grow.conversation})
 * @param type    the aggregate type
 * @param id      the aggregate's id, unique within a tenant and kind
 * @param owner   the person who owns the document (a coachee, a plan's holder), or null for group documents
 * @param context where the document belongs (a course, an activity, a programme), or null
 */
public record DocumentKind<T>(String name, Class<T> type, Function<T, String> id,
                              Function<T, PersonId> owner, Function<T, String> context) {

    /**
     * @throws IllegalArgumentException if the name is blank
     * @throws NullPointerException     if any part is null
     */
    public DocumentKind {
        Require.id("document kind name", name);
        Require.nonNull("type", type);
        Require.nonNull("id", id);
        Require.nonNull("owner", owner);
        Require.nonNull("context", context);
    }
}
