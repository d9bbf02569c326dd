package fi.kasvu.lms.moodle;

import java.io.IOException;

/**
 * Moodle (or something in front of it) answered with something that is not a web-service
 * response: an HTTP error status such as 502, or a body that is not JSON (the XML default format,
 * an HTML error page, a truncated body). The message quotes the start of the body.
 */
public final class MoodleResponseException extends IOException {

    private static final long serialVersionUID = 1L;

    private static final int QUOTE_LENGTH = 120;

    private final int statusCode;
    private final String bodyStart;

    MoodleResponseException(String function, int statusCode, String problem, String body) {
        super(function + ": " + problem + " (HTTP " + statusCode + "), body starts with: " + quote(body));
        this.statusCode = statusCode;
        this.bodyStart = quote(body);
    }

    private static String quote(String body) {
        if (body == null || body.isEmpty()) {
            return "\"\" (empty)";
        }
        String start = body.length() <= QUOTE_LENGTH ? body : body.substring(0, QUOTE_LENGTH) + "…";
        return "\"" + start.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    /** The HTTP status code of the answer. */
    public int statusCode() {
        return statusCode;
    }

    /** The quoted start of the body. */
    public String bodyStart() {
        return bodyStart;
    }

    /** Whether the server said it failed (5xx) or is overloaded (429), which a read may retry. */
    public boolean isServerFailure() {
        return statusCode >= 500 || statusCode == 429;
    }
}
