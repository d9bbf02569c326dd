package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The line format Kasvu's text files share (the question bank, competence statements, programme
 * templates): UTF-8, an optional byte-order mark, {@code #} comments, blank lines, and lines of at most
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
     * Where a file's reader puts what is wrong with the file's lines themselves (their encoding and
     * length), so that a file kind with typed problems can report them its own way.
     */
    interface Sink {
        /** How many errors there are so far; reading stops at {@link #MAX_ERRORS}. */
        int errors();

        /** The line is not valid UTF-8 (reading stops before it). */
        void notUtf8(int line);

        /** The line is longer than {@link #MAX_LINE} (it is skipped). */
        void tooLong(int line, int length);

        /** Every line as read, comments and blank lines included, before its length is checked. */
        default void line(int number, String text) {
        }
    }

    /**
     * Reads every content line into the parser, adding encoding and length errors to the list.
     * Stops after {@link #MAX_ERRORS} errors.
     *
     * @throws UncheckedIOException if the stream cannot be read
     */
    static void read(String source, InputStream utf8, List<QuestionBankException.LineError> errors, LineParser parser) {
        read(source, utf8, new Sink() {
            @Override
            public int errors() {
                return errors.size();
            }

            @Override
            public void notUtf8(int line) {
                errors.add(new QuestionBankException.LineError(line, "", "is not valid UTF-8; save the file as UTF-8"));
            }

            @Override
            public void tooLong(int line, int length) {
                errors.add(new QuestionBankException.LineError(line, "", "line is " + length
                        + " characters; at most " + MAX_LINE + " are read"));
            }
        }, parser);
    }

    /**
     * Reads every content line into the parser, telling the sink of encoding and length errors.
     * Stops when the sink holds {@link #MAX_ERRORS} errors.
     *
     * @throws UncheckedIOException if the stream cannot be read
     */
    static void read(String source, InputStream utf8, Sink sink, LineParser parser) {
        byte[] bytes;
        try (utf8) {
            bytes = utf8.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        // Decoded in one go so that the first byte that is not UTF-8 can be placed on its line.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int badLine = Integer.MAX_VALUE;
        if (result.isError()) {
            badLine = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    badLine++;
                }
            }
        }
        out.flip();
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(out.toString()))) {
            String line;
            while (sink.errors() < MAX_ERRORS) {
                line = reader.readLine();
                if (line == null || number + 1 >= badLine) {
                    break;
                }
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                sink.line(number, line);
                if (line.length() > MAX_LINE) {
                    sink.tooLong(number, line.length());
                    continue;
                }
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    parser.parse(number, stripped);
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException("cannot read " + source, impossible);
        }
        if (badLine != Integer.MAX_VALUE && sink.errors() < MAX_ERRORS) {
            sink.notUtf8(badLine);
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
