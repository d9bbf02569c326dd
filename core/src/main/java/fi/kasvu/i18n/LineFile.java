package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The line format Kasvu's text files share (the question bank, competence statements): UTF-8,
 * an optional byte-order mark, {@code #} comments, blank lines, and lines of at most
 * {@link #MAX_LINE} characters. It hands each remaining line, stripped, to the file's own parser
 * with its 1-based number, and collects errors with line numbers instead of stopping at the first.
 */
final class LineFile {

    /** The longest line read. */
    static final int MAX_LINE = 4000;

    /** The most errors listed; a file with more is probably not of the expected kind at all. */
    static final int MAX_ERRORS = 50;

    /** What a file's parser does with one content line. */
    @FunctionalInterface
    interface LineParser {
        void parse(int number, String line);
    }

    private LineFile() {
    }

    /**
     * Reads every content line into the parser, adding encoding and length errors to the list.
     * Stops after {@link #MAX_ERRORS} errors.
     *
     * @throws UncheckedIOException if the stream cannot be read
     */
    static void read(String source, InputStream utf8, List<QuestionBankException.LineError> errors, LineParser parser) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(utf8, decoder))) {
            String line;
            while (errors.size() < MAX_ERRORS) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    errors.add(new QuestionBankException.LineError(number + 1, "", "is not valid UTF-8; save the file as UTF-8"));
                    break;
                }
                if (line == null) {
                    break;
                }
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.length() > MAX_LINE) {
                    errors.add(new QuestionBankException.LineError(number, "", "line is " + line.length()
                            + " characters; at most " + MAX_LINE + " are read"));
                    continue;
                }
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    parser.parse(number, stripped);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** What is wrong with a text of the file (empty, too long, a control character), or null if nothing. */
    static String checkText(String what, String text, int max) {
        if (text.isEmpty()) {
            return what + " text is empty";
        }
        if (text.length() > max) {
            return what + " text is " + text.length() + " characters; at most " + max + " are allowed";
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return what + " text contains a control character";
        }
        return null;
    }

    /** The language of an exact lower-case code, or null. */
    static Language languageOf(String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        return null;
    }

    /** The message of a file's exception: how many errors, then one line per error with {@code source:line [key]}. */
    static String describe(String source, String fileKind, List<QuestionBankException.LineError> errors) {
        StringBuilder message = new StringBuilder(source + ": " + errors.size() + " error(s) in the " + fileKind + " file:");
        for (QuestionBankException.LineError e : errors) {
            message.append("\n  ").append(source).append(':').append(e.line())
                    .append(e.key().isEmpty() ? "" : " [" + e.key() + "]").append(' ').append(e.problem());
        }
        return message.toString();
    }

    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
