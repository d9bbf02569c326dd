package fi.kasvu.lms.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyset cache: Cache-Control, a key rotation seen at once, rate-limited refetches for made-up kids, stale keys during an outage. */
class PlatformKeysTest {

    static final URI URL = URI.create("https://lms.example.org/jwks");
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final FakePlatform platform = new FakePlatform();
    final PlatformKeys keys = PlatformKeys.create(platform, clock);

    static final class FakePlatform implements JwksFetcher {
        JWKSet current = new JWKSet(TestPlatform.create().key().toPublicJWK());
        Optional<Duration> maxAge = Optional.empty();
        volatile boolean down;
        volatile int fetches;

        @Override
        public synchronized Fetched fetch(URI url) throws IOException {
            fetches++;
            if (down) {
                throw new IOException("connection refused");
            }
            return new Fetched(current, maxAge);
        }

        void rotateTo(String kid) {
            current = new JWKSet(TestPlatform.withNewKey(kid).key().toPublicJWK());
        }
    }

    @Test
    void knownKid_isServedFromCacheWithinMaxAge() throws IOException {
        platform.maxAge = Optional.of(Duration.ofMinutes(10));
        keys.key(URL, "platform-key-1");
        clock.advance(Duration.ofMinutes(9));

        assertThat(keys.key(URL, "platform-key-1")).isPresent();
        assertThat(platform.fetches).isEqualTo(1);
    }

    @Test
    void afterMaxAge_theKeysetIsFetchedAgain() throws IOException {
        platform.maxAge = Optional.of(Duration.ofMinutes(10));
        keys.key(URL, "platform-key-1");
        clock.advance(Duration.ofMinutes(11));

        keys.key(URL, "platform-key-1");

        assertThat(platform.fetches).isEqualTo(2);
    }

    @Test
    void unknownKid_refetchesOnce_thenIsRateLimited() throws IOException {
        keys.key(URL, "platform-key-1");
        platform.rotateTo("rotated");
        clock.advance(Duration.ofSeconds(11));

        assertThat(keys.key(URL, "rotated")).isPresent();
        assertThat(keys.key(URL, "bogus-1")).isEmpty();
        assertThat(keys.key(URL, "bogus-2")).isEmpty();
        assertThat(platform.fetches).isEqualTo(2);
    }

    @Test
    void rotationRightAfterAFetch_isAcceptedOnTheFirstLaunchWithTheNewKid() throws IOException {
        platform.maxAge = Optional.of(Duration.ofHours(1));
        keys.key(URL, "platform-key-1");
        clock.advance(Duration.ofSeconds(2));
        platform.rotateTo("rotated");

        assertThat(keys.key(URL, "rotated")).isPresent();
        assertThat(platform.fetches).isEqualTo(2);
    }

    @Test
    void madeUpKids_refetchAtMostOncePerTenSeconds() throws IOException {
        platform.maxAge = Optional.of(Duration.ofHours(1));
        keys.key(URL, "platform-key-1");

        for (int i = 0; i < 50; i++) {
            assertThat(keys.key(URL, "made-up-" + i)).isEmpty();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(platform.fetches).isEqualTo(2);

        clock.advance(Duration.ofSeconds(6));
        assertThat(keys.key(URL, "made-up-again")).isEmpty();
        assertThat(platform.fetches).isEqualTo(3);
    }

    @Test
    void rotationWithinTenSecondsOfAMadeUpKid_waitsForTheRateLimit() throws IOException {
        platform.maxAge = Optional.of(Duration.ofHours(1));
        keys.key(URL, "platform-key-1");
        keys.key(URL, "made-up");
        platform.rotateTo("rotated");
        clock.advance(Duration.ofSeconds(3));

        assertThat(keys.key(URL, "rotated")).isEmpty();
        clock.advance(Duration.ofSeconds(8));
        assertThat(keys.key(URL, "rotated")).isPresent();
        assertThat(platform.fetches).isEqualTo(3);
    }

    @Test
    void concurrentLaunchesWithTheNewKid_shareOneFetch() throws Exception {
        platform.maxAge = Optional.of(Duration.ofHours(1));
        keys.key(URL, "platform-key-1");
        platform.rotateTo("rotated");
        ExecutorService launches = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<com.nimbusds.jose.jwk.JWK>>> found = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 16; i++) {
                found.add(launches.submit(() -> {
                    go.await();
                    return keys.key(URL, "rotated");
                }));
            }
            go.countDown();
            for (Future<Optional<com.nimbusds.jose.jwk.JWK>> key : found) {
                assertThat(key.get(10, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            launches.shutdownNow();
        }
        assertThat(platform.fetches).isEqualTo(2);
    }

    @Test
    void platformDown_madeUpKidsDoNotRetryOnEveryLaunch() throws IOException {
        keys.key(URL, "platform-key-1");
        clock.advance(Duration.ofMinutes(6));
        platform.down = true;
        assertThat(keys.key(URL, "platform-key-1")).isPresent();

        assertThat(keys.key(URL, "made-up-1")).isEmpty();
        assertThat(keys.key(URL, "made-up-2")).isEmpty();
        assertThat(platform.fetches).isEqualTo(2);
    }

    @Test
    void platformDown_staleKeysAreServed() throws IOException {
        keys.key(URL, "platform-key-1");
        clock.advance(Duration.ofMinutes(30));
        platform.down = true;

        assertThat(keys.key(URL, "platform-key-1")).isPresent();
        assertThat(keys.key(URL, "platform-key-1")).isPresent();
        assertThat(platform.fetches).isEqualTo(2);
    }

    @Test
    void platformDownTooLong_failsWithTheCause() throws IOException {
        keys.key(URL, "platform-key-1");
        clock.advance(Duration.ofHours(2));
        platform.down = true;

        assertThatThrownBy(() -> keys.key(URL, "platform-key-1")).isInstanceOf(IOException.class)
                .hasMessageContaining("connection refused");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max-age=300|PT5M", "public, max-age=60, must-revalidate|PT1M", "no-cache|PT0S", "no-store|PT0S",
            "Max-Age=\"120\"|PT2M"})
    void cacheControl_isRead(String header, String expected) {
        assertThat(HttpJwksFetcher.maxAge(header)).contains(Duration.parse(expected));
    }

    @Test
    void noCacheControl_meansUnsaid() {
        assertThat(HttpJwksFetcher.maxAge(null)).isEmpty();
        assertThat(HttpJwksFetcher.maxAge("public")).isEmpty();
    }
}
