package fi.kasvu.common;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Argument checks for compact constructors, with messages that name the field and the value
 * ({@code commitment must be 1..10: 11}), so that a rejected value is easy to trace.
 */
public final class Require {

    /** The longest free text any field accepts, unless the field sets a tighter limit. */
    public static final int MAX_TEXT = 10_000;

    /** The longest identifier or short label any field accepts. */
    public static final int MAX_ID = 200;

    private Require() {
    }

    /**
     * Returns the value if it is not null.
     *
     * @throws NullPointerException naming the field
     */
    public static <T> T nonNull(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    /**
     * Returns the text if it has at least one non-space character and at most {@link #MAX_TEXT}.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    public static String nonBlank(String field, String value) {
        nonNull(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank: \"" + value + "\"");
        }
        return maxLength(field, value, MAX_TEXT);
    }

    /**
     * Returns the text (which may be empty or null) if it is at most {@code max} characters.
     *
     * @throws IllegalArgumentException naming the field, the limit and the actual length
     */
    public static String maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(
                    field + " must be at most " + max + " characters: " + value.length() + " characters");
        }
        return value;
    }

    /**
     * Returns a free text of at most {@link #MAX_TEXT} characters, turning null into "".
     *
     * @throws IllegalArgumentException naming the field when the text is too long
     */
    public static String text(String field, String value) {
        return value == null ? "" : maxLength(field, value, MAX_TEXT);
    }

    /**
     * Returns an identifier: not blank, at most {@link #MAX_ID} characters, no control characters.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    public static String id(String field, String value) {
        nonNull(field, value);
        if (value.isBlank() || value.length() > MAX_ID || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    field + " must be 1.." + MAX_ID + " characters without control characters: \"" + value + "\"");
        }
        return value;
    }

    /**
     * Returns the value if it lies in {@code min..max}.
     *
     * @throws IllegalArgumentException naming the field, the range and the value
     */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ": " + value);
        }
        return value;
    }

    /**
     * Returns the value if it is at least {@code min}.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ": " + value);
        }
        return value;
    }

    /**
     * Returns an unmodifiable copy of the list, turning null into an empty list.
     *
     * @throws NullPointerException naming the field when an element is null
     */
    public static <T> List<T> list(String field, Collection<? extends T> values) {
        if (values == null) {
            return List.of();
        }
        int index = 0;
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException(field + "[" + index + "] must not be null");
            }
            index++;
        }
        return List.copyOf(values);
    }
}
