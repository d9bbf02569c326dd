package fi.kasvu.lms.lti;

import com.nimbusds.jose.jwk.RSAKey;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * One of the tool's own RSA signing keys.
 *
 * @param key            the private RSA key with its kid
 * @param createdAt      when it was generated
 * @param publishedUntil empty while the key signs; after a rotation, until when it stays in the keyset
 */
public record ToolKey(RSAKey key, Instant createdAt, Optional<Instant> publishedUntil) {

    /**
     * @throws IllegalArgumentException if the key is public only, has no kid or is shorter than 2048 bits
     */
    public ToolKey {
        Require.nonNull("key", key);
        Require.nonNull("createdAt", createdAt);
        Require.nonNull("publishedUntil", publishedUntil);
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("tool key must hold its private part: " + key.getKeyID());
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException("tool key must have a kid: " + key.getKeyID());
        }
        if (key.size() < 2048) {
            throw new IllegalArgumentException("tool key must have at least 2048 bits: " + key.size());
        }
    }

    /** The key id. */
    public String kid() {
        return key.getKeyID();
    }

    /** Whether this key signs new tokens (it has not been rotated out). */
    public boolean active() {
        return publishedUntil.isEmpty();
    }

    /** Whether the keyset still publishes this key at {@code now}. */
    public boolean publishedAt(Instant now) {
        return publishedUntil.map(now::isBefore).orElse(true);
    }
}
