package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The registration cache: how fresh it is, what it forgets, and what it never keeps. */
class CachingRegistrationsTest {

    private static final String ISSUER = "https://moodle.example.org";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final CountingStore store = new CountingStore();
    private final CachingRegistrations cache = CachingRegistrations.of(store, clock, Duration.ofSeconds(5));

    @Test
    void aRegistrationIsReadOnce_withinTheCacheTime_andAgainAfterIt() {
        store.put(registration("c1"));

        for (int i = 0; i < 10; i++) {
            assertThat(cache.find(ISSUER, "c1")).get().extracting(PlatformRegistration::clientId).isEqualTo("c1");
        }
        assertThat(store.finds).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.find(ISSUER, "c1")).isPresent();
        assertThat(store.finds).isEqualTo(2);
    }

    @Test
    void aChangeThroughTheCache_isSeenByTheNextReadAtOnce() {
        cache.save(registration("c1"));
        assertThat(cache.find(ISSUER, "c1")).get().matches(PlatformRegistration::active);

        cache.save(registration("c1").withState(RegistrationState.DISABLED));
        assertThat(cache.find(ISSUER, "c1")).get().matches(r -> !r.active());

        assertThat(cache.remove(ISSUER, "c1")).isTrue();
        assertThat(cache.find(ISSUER, "c1")).isEmpty();

        assertThat(cache.create(registration("c1"))).isTrue();
        assertThat(cache.find(ISSUER, "c1")).get().matches(PlatformRegistration::active);
    }

    @Test
    void aChangeElsewhere_isSeenWithinTheCacheTime() {
        store.put(registration("c1"));
        assertThat(cache.find(ISSUER, "c1")).get().matches(PlatformRegistration::active);

        store.put(registration("c1").withState(RegistrationState.DISABLED)); // the command, another instance
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.find(ISSUER, "c1")).get().matches(PlatformRegistration::active);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.find(ISSUER, "c1")).get().matches(r -> !r.active());
    }

    @Test
    void anUnknownPlatform_isNotCached_soOneAddedElsewhereIsFoundAtOnce_andUnknownOnesCannotFillTheMemory() {
        assertThat(cache.find(ISSUER, "new")).isEmpty();
        store.put(registration("new"));
        assertThat(cache.find(ISSUER, "new")).isPresent();

        for (int i = 0; i < 3 * CachingRegistrations.MAX_ENTRIES; i++) {
            assertThat(cache.find("https://attacker.example/" + i, "x")).isEmpty();
        }
        assertThat(store.finds).isEqualTo(2 + 3 * CachingRegistrations.MAX_ENTRIES);
    }

    @Test
    void aReadThatRacesAChange_keepsNothingOld() {
        store.put(registration("c1"));
        // While the cache reads the store, another request disables the platform through the cache.
        store.duringFind = () -> {
            store.duringFind = null;
            cache.save(registration("c1").withState(RegistrationState.DISABLED));
        };
        assertThat(cache.find(ISSUER, "c1")).get().matches(PlatformRegistration::active); // read before the change

        assertThat(cache.find(ISSUER, "c1")).get().matches(r -> !r.active());
    }

    @Test
    void theCacheTime_isAtMostAMinute() {
        assertThatThrownBy(() -> CachingRegistrations.of(store, clock, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..60 s");
        assertThatThrownBy(() -> CachingRegistrations.of(store, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PlatformRegistration registration(String clientId) {
        return new PlatformRegistration(ISSUER, clientId, URI.create(ISSUER + "/auth"), URI.create(ISSUER + "/token"),
                URI.create(ISSUER + "/jwks"), Set.of("1"), "Moodle");
    }

    /** Registrations in memory that count the reads. */
    private static final class CountingStore implements Registrations {
        final Map<String, PlatformRegistration> stored = new ConcurrentHashMap<>();
        int finds;
        Runnable duringFind;

        void put(PlatformRegistration registration) {
            stored.put(registration.id(), registration);
        }

        @Override
        public Optional<PlatformRegistration> find(String issuer, String clientId) {
            finds++;
            Optional<PlatformRegistration> found = Optional.ofNullable(stored.get(PlatformRegistration.idOf(issuer,
                    clientId)));
            if (duringFind != null) {
                duringFind.run();
            }
            return found;
        }

        @Override
        public List<PlatformRegistration> all() {
            return new ArrayList<>(stored.values());
        }

        @Override
        public void save(PlatformRegistration registration) {
            put(registration);
        }

        @Override
        public boolean create(PlatformRegistration registration) {
            return stored.putIfAbsent(registration.id(), registration) == null;
        }

        @Override
        public boolean remove(String issuer, String clientId) {
            return stored.remove(PlatformRegistration.idOf(issuer, clientId)) != null;
        }
    }
}
