package fi.kasvu.lms.activity.survey;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random ballot keys: 32 random bytes in base64url (43 characters). */
final class BallotKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BallotKeys() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
