package fi.kasvu.lms.lti;

import com.nimbusds.jose.jwk.JWKSet;
import fi.kasvu.common.Require;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.time.Duration;

/** Fetches a platform's keyset; injected so tests can play a platform that rotates or goes down. */
@FunctionalInterface
public interface JwksFetcher {

    /**
     * Fetches the keyset at the URL.
     *
     * @throws IOException if the platform cannot be reached or answers with an error or no keyset
     */
    Fetched fetch(URI url) throws IOException;

    /**
     * A fetched keyset and how long the platform lets it be cached.
     *
     * @param keys   the keyset
     * @param maxAge the {@code Cache-Control: max-age}, zero for {@code no-cache}/{@code no-store},
     *               empty if the platform said nothing
     */
    record Fetched(JWKSet keys, Optional<Duration> maxAge) {
        /** @throws NullPointerException if a part is null */
        public Fetched {
            Require.nonNull("keys", keys);
            Require.nonNull("maxAge", maxAge);
        }
    }
}
