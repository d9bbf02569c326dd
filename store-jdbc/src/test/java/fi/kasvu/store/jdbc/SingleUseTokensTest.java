package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SingleUseTokensTest extends DatabaseTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(600);

    @EveryDialect
    void consume_firstTimeTrue_thenFalse(Dialect dialect) {
        SingleUseTokens tokens = SingleUseTokens.of(open(dialect));

        assertThat(tokens.consume("lti.nonce", "n-1", LATER)).isTrue();
        assertThat(tokens.consume("lti.nonce", "n-1", LATER)).isFalse();
        assertThat(tokens.consume("lti.nonce", "n-2", LATER)).isTrue();
        assertThat(tokens.consume("lti.state", "n-1", LATER)).as("namespaces are apart").isTrue();
    }

    @EveryDialect
    void consume_onTwoInstancesOfOneDatabase_onlyTheFirstWins(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        SingleUseTokens first = SingleUseTokens.of(open(config));
        SingleUseTokens second = SingleUseTokens.of(open(config));

        assertThat(first.consume("lti.nonce", "n-1", LATER)).isTrue();
        assertThat(second.consume("lti.nonce", "n-1", LATER)).isFalse();
        assertThat(second.consume("lti.nonce", "n-2", LATER)).isTrue();
        assertThat(first.consume("lti.nonce", "n-2", LATER)).isFalse();
    }

    @EveryDialect
    void consume_racingOnTwoInstances_exactlyOneSucceeds(Dialect dialect) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        List<SingleUseTokens> instances = List.of(SingleUseTokens.of(open(config)), SingleUseTokens.of(open(config)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 20; round++) {
                String nonce = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    SingleUseTokens tokens = instances.get(i % 2);
                    results.add(pool.submit(() -> {
                        start.await();
                        return tokens.consume("lti.nonce", nonce, LATER);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(1, TimeUnit.MINUTES) ? 1 : 0;
                }
                assertThat(winners).as("winners of " + nonce).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @EveryDialect
    void purgeExpired_removesOnlyExpired(Dialect dialect) {
        SingleUseTokens tokens = SingleUseTokens.of(open(dialect));
        tokens.consume("lti.nonce", "old", NOW.minusSeconds(1));
        tokens.consume("lti.nonce", "edge", NOW);
        tokens.consume("lti.nonce", "fresh", LATER);

        assertThat(tokens.purgeExpired(NOW)).isEqualTo(2);
        assertThat(tokens.consume("lti.nonce", "fresh", LATER)).as("still remembered").isFalse();
        assertThat(tokens.consume("lti.nonce", "old", LATER)).as("forgotten after purge").isTrue();
        assertThat(tokens.purgeExpired(NOW)).isZero();
    }

    @EveryDialect
    void purgeExpired_ofMoreThanOneBatch_removesEveryExpiredTokenAndNoOther(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        SingleUseTokens tokens = SingleUseTokens.of(database);
        int expired = Jdbc.PURGE_BATCH * 2 + 500;
        database.inUnit(() -> {
            for (int i = 0; i < expired; i++) {
                tokens.consume("lti.nonce", "old-" + i, NOW.minusSeconds(i % 100));
            }
            tokens.consume("lti.nonce", "fresh", LATER);
            return null;
        });

        // Three transactions of at most one batch each: every expired token, and only those.
        assertThat(tokens.purgeExpired(NOW)).isEqualTo(expired);
        assertThat(tokens.consume("lti.nonce", "fresh", LATER)).as("still remembered").isFalse();
        assertThat(tokens.consume("lti.nonce", "old-" + (expired - 1), LATER)).as("forgotten").isTrue();
        assertThat(tokens.purgeExpired(NOW)).isZero();
    }

    @EveryDialect
    void consume_storesOnlyAHashOfTheValue(Dialect dialect) throws Exception {
        KasvuDatabase database = open(dialect);
        SingleUseTokens.of(database).consume("lti.nonce", "secret-nonce-value", LATER);

        try (var connection = database.dataSource().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT token_hash FROM kasvu_single_use_token")) {
            rows.next();
            assertThat(rows.getString(1)).hasSize(64).doesNotContain("secret");
        }
    }

    @Test
    void consume_blankNamespace_isRejectedByName() {
        SingleUseTokens tokens = SingleUseTokens.of(open(Dialect.H2));

        assertThatThrownBy(() -> tokens.consume(" ", "n-1", LATER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("namespace must be 1..200 characters without control characters: \" \"");
    }
}
