package fi.kasvu.lms.lti;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import fi.kasvu.common.Require;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms' public keys, cached per keyset URL as the platform's {@code Cache-Control} allows.
 * A kid missing from the cached keyset triggers a refetch at once, so a platform that rotates its
 * key is accepted on the first launch signed with the new key, however recently the keyset was
 * fetched. Refetches for missing kids are rate-limited separately (at most one per
 * {@code refetchInterval} per keyset), so a flood of tokens with made-up kids cannot hammer the
 * platform; concurrent launches with the same new kid share one fetch. When the platform is
 * briefly down, a stale copy is served for up to {@code staleFor}. Public keys are no request
 * state, so this cache lives in memory; each server instance keeps its own.
 */
public final class PlatformKeys {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformKeys.class);

    private final JwksFetcher fetcher;
    private final Clock clock;
    private final Duration defaultMaxAge;
    private final Duration minMaxAge;
    private final Duration maxMaxAge;
    private final Duration refetchInterval;
    private final Duration staleFor;
    private final ConcurrentHashMap<URI, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<URI, Object> locks = new ConcurrentHashMap<>();

    private PlatformKeys(JwksFetcher fetcher, Clock clock, Duration defaultMaxAge, Duration minMaxAge,
                         Duration maxMaxAge, Duration refetchInterval, Duration staleFor) {
        this.fetcher = Require.nonNull("fetcher", fetcher);
        this.clock = Require.nonNull("clock", clock);
        this.defaultMaxAge = defaultMaxAge;
        this.minMaxAge = minMaxAge;
        this.maxMaxAge = maxMaxAge;
        this.refetchInterval = refetchInterval;
        this.staleFor = staleFor;
    }

    /**
     * A cache with the defaults: 5 minutes when the platform sends no Cache-Control, at least 10
     * seconds and at most a day otherwise, at most one refetch per 10 seconds for kids the keyset
     * lacks, stale keys served for an hour.
     */
    public static PlatformKeys create(JwksFetcher fetcher, Clock clock) {
        return new PlatformKeys(fetcher, clock, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofDays(1),
                Duration.ofSeconds(10), Duration.ofHours(1));
    }

    /**
     * The key with this id from the keyset at the URL.
     *
     * @return the key, or empty if the keyset (even freshly fetched) has no such key, or if it lacks
     *         the kid and was already refetched for a missing kid within the rate limit
     * @throws IOException if the keyset could not be fetched and no usable cached copy exists
     */
    public Optional<JWK> key(URI jwksUrl, String kid) throws IOException {
        Instant now = clock.instant();
        Entry entry = entries.get(jwksUrl);
        if (entry != null && now.isBefore(entry.freshUntil)) {
            JWK key = entry.keys.getKeyByKeyId(kid);
            if (key != null) {
                return Optional.of(key);
            }
        }
        synchronized (locks.computeIfAbsent(jwksUrl, u -> new Object())) {
            Entry current = entries.get(jwksUrl);
            boolean fresh = current != null && now.isBefore(current.freshUntil);
            if (fresh) {
                JWK key = current.keys.getKeyByKeyId(kid);
                if (key != null) {
                    return Optional.of(key); // another launch with the same new kid fetched it meanwhile
                }
                if (current.missingKidFetchAt != null
                        && now.isBefore(current.missingKidFetchAt.plus(refetchInterval))) {
                    return Optional.empty();
                }
            }
            Entry refreshed = refresh(jwksUrl, current, now, fresh ? now : null);
            return Optional.ofNullable(refreshed.keys.getKeyByKeyId(kid));
        }
    }

    /** Fetches the keyset; called under the URL's lock, {@code missingKidFetchAt} set when a kid was missing. */
    private Entry refresh(URI jwksUrl, Entry current, Instant now, Instant missingKidFetchAt) throws IOException {
        Instant lastMissingKidFetch = missingKidFetchAt != null ? missingKidFetchAt
                : current == null ? null : current.missingKidFetchAt;
        try {
            JwksFetcher.Fetched fetched = fetcher.fetch(jwksUrl);
            Duration maxAge = fetched.maxAge().orElse(defaultMaxAge);
            if (maxAge.compareTo(minMaxAge) < 0) {
                maxAge = minMaxAge;
            } else if (maxAge.compareTo(maxMaxAge) > 0) {
                maxAge = maxMaxAge;
            }
            Entry entry = new Entry(fetched.keys(), now, now.plus(maxAge), lastMissingKidFetch);
            entries.put(jwksUrl, entry);
            return entry;
        } catch (IOException e) {
            if (current != null && now.isBefore(current.fetchedAt.plus(staleFor))) {
                LOG.warn("Platform keyset {} unreachable ({}); serving the copy fetched at {}",
                        jwksUrl, e.getClass().getSimpleName(), current.fetchedAt);
                // Do not retry on every launch while the platform is down.
                Entry stale = new Entry(current.keys, current.fetchedAt, now.plus(refetchInterval), now);
                entries.put(jwksUrl, stale);
                return stale;
            }
            throw e;
        }
    }

    /**
     * A cached keyset.
     *
     * @param missingKidFetchAt when the keyset was last fetched because a kid was missing (or the
     *                          platform last failed to answer), null if never
     */
    private record Entry(JWKSet keys, Instant fetchedAt, Instant freshUntil, Instant missingKidFetchAt) {
    }
}
