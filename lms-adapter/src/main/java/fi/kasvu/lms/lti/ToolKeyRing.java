package fi.kasvu.lms.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tool's keys: the newest active key signs; the keyset publishes it and every rotated-out key
 * until its overlap ends, so platforms that cached the old key keep verifying.
 */
public final class ToolKeyRing {

    private final ToolKeys keys;
    private final Clock clock;
    private final IdGenerator kids;
    private final int bits;

    private ToolKeyRing(ToolKeys keys, Clock clock, IdGenerator kids, int bits) {
        this.keys = Require.nonNull("keys", keys);
        this.clock = Require.nonNull("clock", clock);
        this.kids = Require.nonNull("kids", kids);
        this.bits = bits;
        if (bits < 2048) {
            throw new IllegalArgumentException("RSA key size must be at least 2048 bits: " + bits);
        }
    }

    /**
     * A key ring generating RSA keys of {@code bits} bits.
     *
     * @throws IllegalArgumentException if bits is under 2048
     */
    public static ToolKeyRing create(ToolKeys keys, Clock clock, IdGenerator kids, int bits) {
        return new ToolKeyRing(keys, clock, kids, bits);
    }

    /** The key that signs now; generated and stored on first use. */
    public ToolKey current() {
        Optional<ToolKey> active = newestActive();
        if (active.isPresent()) {
            return active.get();
        }
        ToolKey created = generate();
        keys.save(created);
        return newestActive().orElse(created);
    }

    /** The public keyset: the active keys and rotated-out keys still in their overlap. */
    public JWKSet publicKeys() {
        current();
        Instant now = clock.instant();
        List<JWK> published = keys.all().stream().filter(k -> k.publishedAt(now))
                .sorted(Comparator.comparing(ToolKey::createdAt).reversed())
                .map(k -> (JWK) k.key().toPublicJWK()).toList();
        return new JWKSet(published);
    }

    /**
     * Adds a new signing key; the previous ones stay published for {@code overlap}, and keys whose
     * overlap has ended are deleted.
     *
     * @return the new key
     * @throws IllegalArgumentException if the overlap is negative
     */
    public ToolKey rotate(Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative: " + overlap);
        }
        Instant now = clock.instant();
        for (ToolKey key : keys.all()) {
            if (key.active()) {
                keys.save(new ToolKey(key.key(), key.createdAt(), Optional.of(now.plus(overlap))));
            } else if (!key.publishedAt(now)) {
                keys.delete(key.kid());
            }
        }
        ToolKey created = generate();
        keys.save(created);
        return created;
    }

    private Optional<ToolKey> newestActive() {
        return keys.all().stream().filter(ToolKey::active).max(Comparator.comparing(ToolKey::createdAt)
                .thenComparing(ToolKey::kid));
    }

    private ToolKey generate() {
        try {
            return new ToolKey(new RSAKeyGenerator(bits).keyID(kids.next()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate(), clock.instant(), Optional.empty());
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }
}
