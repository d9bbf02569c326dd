package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registrations read through a short in-memory cache (issue 19). A launch reads its platform's
 * registration three times (login, launch, first page) and every page request checks that it is
 * still active; with the cache these are memory reads.
 *
 * <p>How fresh: a change made through this object (a save, a removal, a Dynamic Registration) is
 * seen by the next read at once. A change made elsewhere (the {@code kasvu platform} command,
 * another instance on the same database) is seen within {@code ttl}. Removing or disabling a
 * platform still ends its sessions at once everywhere: the store deletes them in the same
 * transaction as the change ({@code JdbcLtiStorage}), and a session a stale instance starts
 * meanwhile is refused when its cached copy expires, within {@code ttl}.
 *
 * <p>Only registrations that exist are cached, at most {@link #MAX_ENTRIES}: an unknown issuer
 * costs a read each time and cannot fill the memory; a newly added platform is found at once.
 */
public final class CachingRegistrations implements Registrations {

    /** How long a read registration is used without asking the store again, by default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    /** The most registrations kept; the cache starts over when it is full. */
    static final int MAX_ENTRIES = 1000;

    private final Registrations store;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every change made through this object, so that a read racing a change caches nothing old. */
    private final AtomicLong generation = new AtomicLong();

    private CachingRegistrations(Registrations store, Clock clock, Duration ttl) {
        this.store = Require.nonNull("store", store);
        this.clock = Require.nonNull("clock", clock);
        this.ttl = Require.nonNull("ttl", ttl);
        if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the cache time must be 0..60 s: " + ttl);
        }
    }

    /**
     * The store's registrations, each kept for {@code ttl} after it was read.
     *
     * @throws IllegalArgumentException if the time is negative or above a minute
     */
    public static CachingRegistrations of(Registrations store, Clock clock, Duration ttl) {
        return new CachingRegistrations(store, clock, ttl);
    }

    private record Entry(PlatformRegistration registration, Instant until) {
    }

    @Override
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        String key = PlatformRegistration.idOf(issuer, clientId);
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return Optional.of(entry.registration());
        }
        long before = generation.get();
        Optional<PlatformRegistration> found = store.find(issuer, clientId);
        if (found.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(found.get(), now.plus(ttl)));
            if (generation.get() != before) {
                // Changed meanwhile through this object: what was read may be the old registration.
                entries.remove(key);
            }
        } else {
            entries.remove(key);
        }
        return found;
    }

    @Override
    public List<PlatformRegistration> all() {
        return store.all();
    }

    @Override
    public List<PlatformRegistration> byIssuer(String issuer) {
        return store.byIssuer(issuer);
    }

    @Override
    public void save(PlatformRegistration registration) {
        try {
            store.save(registration);
        } finally {
            changed();
        }
    }

    @Override
    public boolean create(PlatformRegistration registration) {
        try {
            return store.create(registration);
        } finally {
            changed();
        }
    }

    @Override
    public boolean remove(String issuer, String clientId) {
        try {
            return store.remove(issuer, clientId);
        } finally {
            changed();
        }
    }

    /** Forgets every cached registration (after a change through this object). */
    private void changed() {
        generation.incrementAndGet();
        entries.clear();
    }
}
