package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.util.Map;

/**
 * One request to a kind's public pages (see {@link PublicPages}): no session, no CSRF token; the
 * path itself carries the secret the kind checks.
 *
 * @param path       the path after {@code /pages/r/<kind>/}, without the leading slash
 * @param post       whether it is a POST
 * @param parameters every parameter, first value of each
 * @param base       the URL prefix of the kind's public pages ({@code /pages/r/feedback-360})
 * @param staticBase the URL prefix of the stylesheet and script
 * @param texts      the page texts in the visitor's language, the kind's bundle first
 */
public record PublicCall(String path, boolean post, Map<String, String> parameters, String base, String staticBase,
                         PageTexts texts) {

    /** Copies the parameters. */
    public PublicCall {
        Require.nonNull("path", path);
        parameters = Map.copyOf(parameters);
        Require.nonNull("base", base);
        Require.nonNull("staticBase", staticBase);
        Require.nonNull("texts", texts);
    }

    /** A parameter's first value, or "" if it was not sent. */
    public String param(String name) {
        return parameters.getOrDefault(name, "");
    }

    /** The frame of a public page: no session, no language form (the page offers links instead). */
    public Views.Frame frame(String title) {
        return new Views.Frame(texts, title, "", "", "", staticBase, false, "", true);
    }
}
