package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class ExpiringValuesTest extends DatabaseTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(300);

    @EveryDialect
    void get_beforeExpiry_isTheValue_afterExpiry_isAbsent(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        values.put("lti.state", "s-1", "{\"nonce\":\"n\"}", LATER);

        assertThat(values.get("lti.state", "s-1", NOW)).contains("{\"nonce\":\"n\"}");
        assertThat(values.get("lti.state", "s-1", LATER)).isEmpty();
        assertThat(values.get("lti.state", "missing", NOW)).isEmpty();
        assertThat(values.get("session", "s-1", NOW)).as("namespaces are apart").isEmpty();
    }

    @EveryDialect
    void put_sameKey_replacesValueAndExpiry(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        values.put("session", "k", "first", NOW.plusSeconds(1));

        values.put("session", "k", "second", LATER);

        assertThat(values.get("session", "k", NOW.plusSeconds(10))).contains("second");
    }

    @EveryDialect
    void take_returnsTheValueOnce(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        values.put("lti.state", "s-1", "state", LATER);

        assertThat(values.take("lti.state", "s-1", NOW)).contains("state");
        assertThat(values.take("lti.state", "s-1", NOW)).isEmpty();
        assertThat(values.get("lti.state", "s-1", NOW)).isEmpty();
    }

    @EveryDialect
    void take_expired_isAbsent(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        values.put("lti.state", "s-1", "state", NOW);

        assertThat(values.take("lti.state", "s-1", NOW)).isEmpty();
    }

    @EveryDialect
    void take_racingOnTwoInstances_exactlyOneGetsTheValue(Dialect dialect) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        List<ExpiringValues> instances = List.of(ExpiringValues.of(open(config)), ExpiringValues.of(open(config)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "state-" + round;
                instances.get(0).put("lti.state", key, "value-" + round, LATER);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<String>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ExpiringValues values = instances.get(i % 2);
                    results.add(pool.submit(() -> {
                        start.await();
                        return values.take("lti.state", key, NOW);
                    }));
                }
                start.countDown();
                List<String> taken = new ArrayList<>();
                for (Future<Optional<String>> result : results) {
                    result.get(1, TimeUnit.MINUTES).ifPresent(taken::add);
                }
                assertThat(taken).as("takers of " + key).containsExactly("value-" + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @EveryDialect
    void remove_deletesWhetherExpiredOrNot(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        values.put("session", "k", "v", LATER);

        assertThat(values.remove("session", "k")).isTrue();
        assertThat(values.remove("session", "k")).isFalse();
        assertThat(values.get("session", "k", NOW)).isEmpty();
    }

    @EveryDialect
    void purgeExpired_removesOnlyExpired(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        values.put("session", "old", "v", NOW.minusSeconds(5));
        values.put("session", "edge", "v", NOW);
        values.put("session", "fresh", "v", LATER);

        assertThat(values.purgeExpired(NOW)).isEqualTo(2);
        assertThat(values.get("session", "fresh", NOW)).contains("v");
    }

    @EveryDialect
    void put_largeValue_roundTrips(Dialect dialect) {
        ExpiringValues values = ExpiringValues.of(open(dialect));
        String large = "ö".repeat(100_000);

        values.put("session", "large", large, LATER);

        assertThat(values.get("session", "large", NOW)).contains(large);
    }

    @Test
    void put_keyTooLong_namesTheLength() {
        ExpiringValues values = ExpiringValues.of(open(Dialect.H2));

        assertThatThrownBy(() -> values.put("session", "k".repeat(501), "v", LATER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be 1..500 characters: 501 characters");
        assertThatThrownBy(() -> values.get("session", "", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be 1..500 characters: 0 characters");
    }
}
