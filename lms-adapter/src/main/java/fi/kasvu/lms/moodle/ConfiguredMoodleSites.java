package fi.kasvu.lms.moodle;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Moodle web services the admin configured per platform ({@code kasvu platform moodle}), read
 * from the store on every call so that a change applies at once, with one client per configuration
 * (a client holds its connection pool and its concurrency cap).
 *
 * <p>A stored configuration whose site is not on the issuer's origin, without the admin's explicit
 * allowance, is never used, even if it reached the store another way.
 */
public final class ConfiguredMoodleSites implements MoodleSites {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredMoodleSites.class);

    private final MoodleSiteStore store;
    private final Function<MoodleSiteConfig, MoodleClient> clients;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(URI siteUrl, Instant configuredAt, MoodleClient client) {
    }

    private ConfiguredMoodleSites(MoodleSiteStore store, Function<MoodleSiteConfig, MoodleClient> clients) {
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.clients = Objects.requireNonNull(clients, "clients must not be null");
    }

    /** The sites in this store, each called with a default client (timeouts, retries, at most 4 calls at once). */
    public static ConfiguredMoodleSites on(MoodleSiteStore store) {
        return new ConfiguredMoodleSites(store, config -> MoodleClient.newBuilder().baseUrl(config.siteUrl())
                .token(config.token()).build());
    }

    /** The sites in this store, each called with the client this function builds (tests tune retries). */
    public static ConfiguredMoodleSites on(MoodleSiteStore store, Function<MoodleSiteConfig, MoodleClient> clients) {
        return new ConfiguredMoodleSites(store, clients);
    }

    @Override
    public Optional<MoodleClient> forPlatform(String issuer, String clientId) {
        Optional<MoodleSiteConfig> found;
        try {
            found = store.find(issuer, clientId);
        } catch (RuntimeException e) {
            // An unreadable configuration (a token encrypted under another key-encryption key) is not used.
            LOG.warn("Moodle web services of a platform cannot be read ({}); check the key-encryption key and "
                    + "`kasvu platform list`", e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (found.isEmpty()) {
            cache.remove(MoodleSiteConfig.idOf(issuer, clientId));
            return Optional.empty();
        }
        MoodleSiteConfig config = found.get();
        if (!config.issuer().equals(issuer) || !config.clientId().equals(clientId)
                || (!config.otherOriginAllowed() && MoodleSiteConfig.originMismatch(issuer, config.siteUrl()).isPresent())) {
            LOG.warn("Moodle web services of a platform not used: the stored site is not on the issuer's origin");
            return Optional.empty();
        }
        Cached cached = cache.compute(config.id(), (id, old) -> old != null && old.siteUrl().equals(config.siteUrl())
                && old.configuredAt().equals(config.configuredAt()) ? old
                : new Cached(config.siteUrl(), config.configuredAt(), clients.apply(config)));
        return Optional.of(cached.client());
    }
}
