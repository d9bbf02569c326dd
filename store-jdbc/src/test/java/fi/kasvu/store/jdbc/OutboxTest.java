package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("platform-a/deployment-1");
    private static final TenantId OTHER = TenantId.of("platform-b/deployment-1");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    @EveryDialect
    void claimDue_onlyDueItems_oldestFirst_countingTheAttempt(Dialect dialect) {
        Outbox outbox = Outbox.of(open(dialect));
        long second = outbox.enqueue(TENANT, "ags.score", "{\"score\":2}", NOW.minusSeconds(10));
        long first = outbox.enqueue(TENANT, "ags.score", "{\"score\":1}", NOW.minusSeconds(20));
        outbox.enqueue(TENANT, "ags.score", "{\"score\":3}", NOW.plusSeconds(60));

        List<OutboxItem> claimed = outbox.claimDue(10, NOW, LEASE);

        assertThat(claimed).extracting(OutboxItem::id).containsExactly(first, second);
        assertThat(claimed.get(0)).isEqualTo(new OutboxItem(first, TENANT, "ags.score", "{\"score\":1}",
                NOW.minusSeconds(20), NOW.plus(LEASE), 1, ""));
    }

    @EveryDialect
    void claimDue_leasedItems_areNotClaimedAgainUntilTheLeaseEnds(Dialect dialect) {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        Outbox one = Outbox.of(open(config));
        Outbox two = Outbox.of(open(config));
        long id = one.enqueue(TENANT, "ags.score", "p", NOW);
        assertThat(one.claimDue(10, NOW, LEASE)).hasSize(1);

        assertThat(two.claimDue(10, NOW.plusSeconds(60), LEASE)).as("while leased").isEmpty();
        List<OutboxItem> reclaimed = two.claimDue(10, NOW.plus(LEASE), LEASE);

        assertThat(reclaimed).extracting(OutboxItem::id).containsExactly(id);
        assertThat(reclaimed.get(0).attempts()).isEqualTo(2);
    }

    @EveryDialect
    void retryLater_releasesWithTheErrorUntilTheNextTime(Dialect dialect) {
        Outbox outbox = Outbox.of(open(dialect));
        long id = outbox.enqueue(TENANT, "ags.score", "p", NOW);
        outbox.claimDue(1, NOW, LEASE);

        assertThat(outbox.retryLater(id, NOW.plusSeconds(30), "HTTP 503 from the platform")).isTrue();

        assertThat(outbox.claimDue(10, NOW.plusSeconds(29), LEASE)).isEmpty();
        List<OutboxItem> again = outbox.claimDue(10, NOW.plusSeconds(30), LEASE);
        assertThat(again).singleElement().satisfies(item -> {
            assertThat(item.attempts()).isEqualTo(2);
            assertThat(item.lastError()).isEqualTo("HTTP 503 from the platform");
            assertThat(item.dueAt()).isEqualTo(NOW.plusSeconds(30));
        });
    }

    @EveryDialect
    void retryLater_longError_isCut(Dialect dialect) {
        Outbox outbox = Outbox.of(open(dialect));
        long id = outbox.enqueue(TENANT, "ags.score", "p", NOW);

        outbox.retryLater(id, NOW, "e".repeat(5000));

        assertThat(outbox.pending(TENANT, "ags.score").get(0).lastError()).hasSize(Outbox.MAX_ERROR);
    }

    @EveryDialect
    void markDone_removesTheItem(Dialect dialect) {
        Outbox outbox = Outbox.of(open(dialect));
        long id = outbox.enqueue(TENANT, "ags.score", "p", NOW);
        outbox.claimDue(1, NOW, LEASE);

        assertThat(outbox.markDone(id)).isTrue();

        assertThat(outbox.markDone(id)).isFalse();
        assertThat(outbox.pending(TENANT, "ags.score")).isEmpty();
        assertThat(outbox.claimDue(10, NOW.plus(LEASE), LEASE)).isEmpty();
        assertThat(outbox.retryLater(id, NOW, "late")).isFalse();
    }

    @EveryDialect
    void pending_onlyTheTenantAndTopic_claimedOrNot(Dialect dialect) {
        Outbox outbox = Outbox.of(open(dialect));
        long claimed = outbox.enqueue(TENANT, "ags.score", "a", NOW);
        outbox.claimDue(1, NOW, LEASE);
        long waiting = outbox.enqueue(TENANT, "ags.score", "b", NOW.plusSeconds(5));
        outbox.enqueue(TENANT, "nrps.sync", "c", NOW);
        outbox.enqueue(OTHER, "ags.score", "d", NOW);

        List<OutboxItem> pending = outbox.pending(TENANT, "ags.score");

        assertThat(pending).extracting(OutboxItem::id).containsExactly(claimed, waiting);
        assertThat(pending.get(0).leasedUntil()).isEqualTo(NOW.plus(LEASE));
        assertThat(pending.get(1).leasedUntil()).isNull();
        assertThat(outbox.pending(OTHER, "ags.score")).extracting(OutboxItem::payload).containsExactly("d");
    }

    @EveryDialect
    void claimDue_twoInstancesAtOnce_neverClaimTheSameItem(Dialect dialect) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        List<Outbox> instances = List.of(Outbox.of(open(config)), Outbox.of(open(config)));
        Set<Long> enqueued = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            enqueued.add(instances.get(0).enqueue(TENANT, "ags.score", "item " + i, NOW));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            Outbox outbox = instances.get(w % 2);
            workers.add(pool.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                List<OutboxItem> batch;
                while (!(batch = outbox.claimDue(7, NOW, LEASE)).isEmpty()) {
                    batch.forEach(item -> mine.add(item.id()));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> claimed = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            claimed.addAll(worker.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(enqueued);
    }

    @Test
    void claimDue_badArguments_areNamed() {
        Outbox outbox = Outbox.of(open(Dialect.H2));

        assertThatThrownBy(() -> outbox.claimDue(0, NOW, LEASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be 1..1000: 0");
        assertThatThrownBy(() -> outbox.claimDue(1, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lease must be positive: PT0S");
        assertThatThrownBy(() -> outbox.enqueue(TENANT, "", "p", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("topic must be 1..200 characters");
    }
}
