package fi.kasvu.lms.lti;

import fi.kasvu.common.IdGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers for state, nonces, key ids and JWT ids: 256 random bits, base64url. */
public final class SecureIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureIds() {
    }

    /** A generator of unguessable ids. */
    public static IdGenerator generator() {
        return SecureIds::next;
    }

    /** One unguessable id. */
    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
