package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit of work (issue 19): the store calls of one request share one connection and one
 * transaction. What it writes is seen by others only when it ends; a failure rolls it all back; a
 * store's own transaction inside it is a savepoint, so its failure spares the rest (PostgreSQL would
 * otherwise refuse every later statement); releasing it commits what it did so far.
 */
class UnitOfWorkTest extends DatabaseTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(600);

    /**
     * Two instances on one fresh database, as two servers would open it: the one whose units the
     * test runs, its expiring values, and the other instance's view of the same values.
     */
    private record TwoInstances(KasvuDatabase database, ExpiringValues mine, ExpiringValues theirs) {
    }

    private TwoInstances twoInstances(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        KasvuDatabase database = open(config);
        return new TwoInstances(database, ExpiringValues.of(database), ExpiringValues.of(open(config)));
    }

    @EveryDialect
    void whatAUnitWrites_isSeenByAnotherInstanceOnlyWhenItEnds(Dialect dialect) {
        TwoInstances two = twoInstances(dialect);
        KasvuDatabase first = two.database();
        ExpiringValues mine = two.mine();
        ExpiringValues theirs = two.theirs();

        first.inUnit(() -> {
            mine.put("state", "s-1", "one", LATER);
            mine.put("state", "s-2", "two", LATER);
            assertThat(mine.get("state", "s-1", NOW)).as("the unit reads its own writes").contains("one");
            assertThat(theirs.get("state", "s-1", NOW)).as("not yet committed").isEmpty();
            return null;
        });

        assertThat(theirs.get("state", "s-1", NOW)).contains("one");
        assertThat(theirs.get("state", "s-2", NOW)).contains("two");
    }

    @EveryDialect
    void aUnitThatThrows_leavesNothingBehind(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        ExpiringValues values = ExpiringValues.of(database);
        SingleUseTokens tokens = SingleUseTokens.of(database);

        assertThatThrownBy(() -> database.inUnit(() -> {
            values.put("state", "s-1", "one", LATER);
            tokens.consume("nonce", "n-1", LATER);
            throw new IllegalStateException("the request failed");
        })).hasMessage("the request failed");

        assertThat(values.get("state", "s-1", NOW)).isEmpty();
        assertThat(tokens.consume("nonce", "n-1", LATER)).as("the nonce was never used").isTrue();
    }

    @EveryDialect
    void aFailedStoreTransactionInsideAUnit_rollsBackOnlyItself(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        SingleUseTokens tokens = SingleUseTokens.of(database);
        List<String> failures = new ArrayList<>();

        database.inUnit(() -> {
            assertThat(tokens.consume("nonce", "n-1", LATER)).isTrue();
            try {
                database.jdbc().inTransaction("insert a token twice", connection -> {
                    Jdbc.update(connection, "INSERT INTO kasvu_single_use_token (namespace, token_hash, expires_at) "
                            + "VALUES ('other', 'h', ?)", s -> Jdbc.setInstant(s, 1, LATER));
                    return Jdbc.update(connection, "INSERT INTO kasvu_single_use_token (namespace, token_hash, "
                            + "expires_at) VALUES ('other', 'h', ?)", s -> Jdbc.setInstant(s, 1, LATER));
                });
            } catch (StoreException e) {
                failures.add(e.getMessage());
            }
            assertThat(tokens.consume("nonce", "n-2", LATER)).as("the unit goes on").isTrue();
            return null;
        });

        assertThat(failures).hasSize(1);
        assertThat(tokens.consume("nonce", "n-1", LATER)).as("kept").isFalse();
        assertThat(tokens.consume("nonce", "n-2", LATER)).as("kept").isFalse();
        assertThat(database.jdbc().queryOne("count", "SELECT COUNT(*) FROM kasvu_single_use_token WHERE namespace = "
                + "'other'", s -> { }, r -> r.getInt(1))).as("the failed transaction's first insert is gone").contains(0);
    }

    @EveryDialect
    void releasing_commitsWhatTheUnitDidSoFar_andTheRestCommitsAtTheEnd(Dialect dialect) {
        TwoInstances two = twoInstances(dialect);
        KasvuDatabase database = two.database();
        ExpiringValues mine = two.mine();
        ExpiringValues theirs = two.theirs();
        List<Optional<String>> seenAfterRelease = new ArrayList<>();

        database.inUnit(() -> {
            mine.put("state", "before", "1", LATER);
            database.releaseUnit();
            seenAfterRelease.add(theirs.get("state", "before", NOW));
            mine.put("state", "after", "2", LATER);
            seenAfterRelease.add(theirs.get("state", "after", NOW));
            return null;
        });

        assertThat(seenAfterRelease).containsExactly(Optional.of("1"), Optional.empty());
        assertThat(theirs.get("state", "after", NOW)).contains("2");
    }

    @EveryDialect
    void afterCommit_runsOnceTheUnitCommitted_andNeverForOneRolledBack(Dialect dialect) {
        TwoInstances two = twoInstances(dialect);
        KasvuDatabase database = two.database();
        ExpiringValues mine = two.mine();
        ExpiringValues theirs = two.theirs();
        List<Optional<String>> seenByTheHook = new ArrayList<>();

        database.inUnit(() -> {
            mine.put("state", "s-1", "one", LATER);
            database.afterCommit(() -> seenByTheHook.add(theirs.get("state", "s-1", NOW)));
            assertThat(seenByTheHook).as("not before the commit").isEmpty();
            return null;
        });
        assertThatThrownBy(() -> database.inUnit(() -> {
            database.afterCommit(() -> seenByTheHook.add(Optional.of("rolled back")));
            throw new IllegalStateException("failed");
        }));

        assertThat(seenByTheHook).containsExactly(Optional.of("one"));
    }

    @EveryDialect
    void aUnitInsideAUnit_joinsIt(Dialect dialect) {
        TwoInstances two = twoInstances(dialect);
        KasvuDatabase database = two.database();
        ExpiringValues mine = two.mine();
        ExpiringValues theirs = two.theirs();

        assertThatThrownBy(() -> database.inUnit(() -> {
            database.inUnit(() -> {
                mine.put("state", "inner", "1", LATER);
                return null;
            });
            assertThat(theirs.get("state", "inner", NOW)).as("the inner unit did not commit on its own").isEmpty();
            throw new IllegalStateException("the outer one fails");
        }));

        assertThat(theirs.get("state", "inner", NOW)).isEmpty();
    }

    @EveryDialect
    void plainJdbcInAUnit_usesTheUnitsConnection_andCommitsWithIt(Dialect dialect) throws Exception {
        TwoInstances two = twoInstances(dialect);
        KasvuDatabase database = two.database();
        ExpiringValues theirs = two.theirs();

        assertThatThrownBy(() -> database.inUnit(() -> {
            try (java.sql.Connection c = database.connection();
                 java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO kasvu_expiring_value (namespace, "
                         + "item_key, item_value, expires_at) VALUES ('state', 'plain', 'v', ?)")) {
                Jdbc.setInstant(s, 1, LATER);
                s.executeUpdate();
                c.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(theirs.get("state", "plain", NOW)).as("its commit and close were the unit's").isEmpty();
            throw new IllegalStateException("the request fails");
        }));
        assertThat(theirs.get("state", "plain", NOW)).as("rolled back with the unit").isEmpty();

        database.inUnit(() -> {
            try (java.sql.Connection c = database.connection();
                 java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO kasvu_expiring_value (namespace, "
                         + "item_key, item_value, expires_at) VALUES ('state', 'plain', 'v', ?)")) {
                Jdbc.setInstant(s, 1, LATER);
                s.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(theirs.get("state", "plain", NOW)).contains("v");
    }
}
