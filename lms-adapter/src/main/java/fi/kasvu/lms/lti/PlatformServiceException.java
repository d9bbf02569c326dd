package fi.kasvu.lms.lti;

/** A platform service (token, AGS, NRPS, registration) answered with an HTTP error. */
public final class PlatformServiceException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String body;

    /** An error answer with its status and (shortened) body. */
    public PlatformServiceException(String what, int status, String body) {
        super(what + " answered HTTP " + status + (body == null || body.isBlank() ? ""
                : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body.strip())));
        this.status = status;
        this.body = body == null ? "" : body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The response body. */
    public String body() {
        return body;
    }
}
