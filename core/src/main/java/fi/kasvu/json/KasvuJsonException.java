package fi.kasvu.json;

/**
 * A JSON document Kasvu cannot read: malformed, of the wrong shape, or holding a value the
 * domain rejects. The message names the JSON path and the problem.
 */
public final class KasvuJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    KasvuJsonException(String path, String problem) {
        this(path, problem, null);
    }

    KasvuJsonException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the document the problem is, as a JSON path such as {@code $.options[2].impact}. */
    public String path() {
        return path;
    }

    /** What is wrong there, without the path. */
    public String problem() {
        return problem;
    }
}
