package fi.kasvu.lms.pages;

import fi.kasvu.i18n.QuestionBank;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The question bank the pages ask from: core's built-in bank unless {@code kasvu serve --questions}
 * chose the agency's own file at start. One bank per process, set before the server starts
 * (a seam for the pages' wiring to take over as an injected dependency).
 */
public final class QuestionSource {

    private static final AtomicReference<QuestionBank> BANK = new AtomicReference<>(QuestionBank.builtIn());

    private QuestionSource() {
    }

    /** Uses this bank for every page from now on. */
    public static void use(QuestionBank bank) {
        BANK.set(Objects.requireNonNull(bank, "bank must not be null"));
    }

    /** The bank in use. */
    public static QuestionBank current() {
        return BANK.get();
    }
}
