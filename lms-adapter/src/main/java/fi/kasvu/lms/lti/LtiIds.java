package fi.kasvu.lms.lti;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.Optional;

/**
 * The rules for identifiers and texts that arrive in LTI claims: ids of up to 255 characters (what
 * LTI 1.3 allows) without control characters, and display texts with control characters removed,
 * so that the same value is accepted on H2 and on PostgreSQL (which refuses NUL).
 */
public final class LtiIds {

    /** The longest id LTI 1.3 allows ({@code sub}, {@code resource_link.id}, {@code context.id}). */
    public static final int MAX = 255;

    private LtiIds() {
    }

    /** What is wrong with an id, or empty if it is valid; the message never quotes the value. */
    public static Optional<String> problem(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(field + " is missing or blank");
        }
        if (value.length() > MAX) {
            return Optional.of(field + " is " + value.length() + " characters long; LTI allows at most " + MAX);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return Optional.of(field + " has a control character (U+"
                        + String.format("%04X", (int) value.charAt(i)) + ") at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The id, checked.
     *
     * @throws IllegalArgumentException naming the field (not the value) if it is blank, too long or
     *                                  has a control character
     */
    public static String require(String field, String value) {
        Require.nonNull(field, value);
        problem(field, value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return value;
    }

    /** A display text (a name, a title) with control characters removed; tabs and newlines become spaces. */
    public static String displayText(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The person a platform user id stands for: the id itself, or for ids longer than a person id
     * may be (201..255 characters) a SHA-256 of it.
     */
    public static PersonId person(String subject) {
        require("sub", subject);
        if (subject.length() <= Require.MAX_ID) {
            return PersonId.of(subject);
        }
        return PersonId.of("sub-sha256:" + Hashes.sha256Hex(subject));
    }
}
