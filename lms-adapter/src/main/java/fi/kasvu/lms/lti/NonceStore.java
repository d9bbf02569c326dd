package fi.kasvu.lms.lti;

import java.time.Instant;

/** The port that makes an id_token nonce usable once, across every server instance. */
@FunctionalInterface
public interface NonceStore {

    /**
     * Records the nonce as used.
     *
     * @param nonce     the id_token's nonce
     * @param expiresAt when the record may be forgotten (the token can no longer be valid then)
     * @return true the first time, false if the nonce was seen before
     */
    boolean consume(String nonce, Instant expiresAt);
}
