package fi.kasvu.lms.moodle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A Moodle web-service token, kept out of every log line, exception message and {@code toString()}.
 */
public final class MoodleToken {

    private static final int MAX_LENGTH = 512;

    private final char[] value;

    private MoodleToken(char[] value) {
        this.value = value;
    }

    /**
     * A token from characters (for example a {@code char[]} from a password prompt); the source is copied.
     *
     * @throws IllegalArgumentException if the token is empty, too long or holds spaces or control
     *     characters (the message never quotes the token)
     */
    public static MoodleToken of(CharSequence token) {
        if (token == null) {
            throw new NullPointerException("token must not be null");
        }
        String trimmed = token.toString().strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("token must be at most " + MAX_LENGTH + " characters: "
                    + trimmed.length() + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("token must not contain spaces or control characters (at index "
                        + i + ")");
            }
        }
        return new MoodleToken(trimmed.toCharArray());
    }

    /**
     * The token stored in a file (its first non-empty line), as written by an admin.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file holds no usable token, naming the file
     */
    public static MoodleToken fromFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                try {
                    return of(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("token file " + file + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("token file " + file + " is empty");
    }

    /**
     * The token sealed for storage: the sealing function (encryption at rest) is the only code that
     * sees the characters.
     */
    public String sealWith(java.util.function.UnaryOperator<String> seal) {
        return java.util.Objects.requireNonNull(seal.apply(reveal()), "sealed token");
    }

    /** The token's characters, for the request body only. */
    String reveal() {
        return new String(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MoodleToken token && Arrays.equals(value, token.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    /** Never the token itself. */
    @Override
    public String toString() {
        return "MoodleToken[redacted]";
    }
}
