package fi.kasvu.lms.lti;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * The port to an admin's Dynamic Registration invites: single-use, expiring tokens of which only
 * a SHA-256 hash is stored, so that a copy of the database cannot be used to register.
 */
public interface RegistrationInvites {

    /**
     * What an invite allows.
     *
     * @param expiresAt       when the invite stops working
     * @param requireApproval whether the registration it makes waits for {@code kasvu platform approve}
     */
    record Terms(Instant expiresAt, boolean requireApproval) {
        /** @throws NullPointerException if the expiry is null */
        public Terms {
            Require.nonNull("expiresAt", expiresAt);
        }
    }

    /** Stores an invite under the hash of its token. */
    void store(String tokenHash, Terms terms);

    /**
     * Uses an invite up: returns its terms and deletes it, or empty if it is unknown, used or
     * expired.
     */
    Optional<Terms> redeem(String tokenHash, Instant now);

    /** The stored form of an invite token: its SHA-256, hex. */
    static String hash(String token) {
        Require.nonNull("token", token);
        return Hashes.sha256Hex(token);
    }
}
