package fi.kasvu.i18n;

import java.util.List;

/**
 * A competence statement file Kasvu cannot use, with every bad line: its number, its key (if it
 * got that far) and what is wrong, so that an administrator can fix the file in one go. Lines are
 * reported as the question bank's are ({@link QuestionBankException.LineError}).
 */
public final class CompetenceSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<QuestionBankException.LineError> errors;

    CompetenceSetException(String source, List<QuestionBankException.LineError> errors) {
        super(LineFile.describe(source, "competence statement", errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The file's name as given when loading it. */
    public String source() {
        return source;
    }

    /** Every bad line, in file order. */
    public List<QuestionBankException.LineError> errors() {
        return errors;
    }
}
