package fi.kasvu.i18n;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * A question bank file Kasvu cannot use, with every bad line: its number, its key (if it got
 * that far) and what is wrong, so that an administrator can fix the file in one go.
 */
public final class QuestionBankException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The most errors listed; a file with more is probably not a question bank at all. */
    static final int MAX_ERRORS = LineFile.MAX_ERRORS;

    private final String source;
    private final transient List<LineError> errors;

    QuestionBankException(String source, List<LineError> errors) {
        super(LineFile.describe(source, "question bank", errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The file's name as given when loading it. */
    public String source() {
        return source;
    }

    /** Every bad line, in file order. */
    public List<LineError> errors() {
        return errors;
    }

    /**
     * One bad line.
     *
     * @param line    the 1-based line number
     * @param key     the line's key, or "" if the line has none
     * @param problem what is wrong
     */
    public record LineError(int line, String key, String problem) {
        /** @throws NullPointerException if the key or problem is null */
        public LineError {
            Require.nonNull("key", key);
            Require.nonNull("problem", problem);
        }
    }
}
