package fi.kasvu.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the secret of a rater link comes from, and how it is kept: the caller supplies tokens
 * (a {@code SecureRandom} in production, a sequence in tests); core keeps only their SHA-256.
 */
@FunctionalInterface
public interface LinkTokens {

    /** The fewest characters a token may have (22 base64url characters hold 128 bits). */
    int MIN_LENGTH = 22;

    /** A new, unguessable, URL-safe token. */
    String next();

    /**
     * The SHA-256 of a token as 64 lower-case hex digits.
     *
     * @throws IllegalArgumentException if the token is not 22..200 URL-safe characters (letters,
     *                                  digits, '-' and '_'), without echoing it
     */
    static String hash(String token) {
        if (!wellFormed(token)) {
            throw new IllegalArgumentException("token must be " + MIN_LENGTH + "..200 URL-safe characters: "
                    + (token == null ? "null" : token.length() + " characters"));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether the text has the shape of a token (a link's path can hold anything). */
    static boolean wellFormed(String token) {
        if (token == null || token.length() < MIN_LENGTH || token.length() > 200) {
            return false;
        }
        return token.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_');
    }

    /** Compares two hashes in time independent of where they differ. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
