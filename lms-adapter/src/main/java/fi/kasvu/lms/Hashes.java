package fi.kasvu.lms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 the adapter stores and derives by: hashes of tokens, keys of derived ids and rows.
 * One helper for the module (core's {@code fi.kasvu.common.internal.Hashes} is not exported).
 */
public final class Hashes {

    private Hashes() {
    }

    /** The hex SHA-256 of the text's UTF-8 bytes (64 lower-case hex digits). */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }

    /** The first {@code bytes} bytes of the text's SHA-256, hex ({@code 2 * bytes} digits). */
    public static String sha256Hex(String text, int bytes) {
        return sha256Hex(text).substring(0, 2 * bytes);
    }
}
