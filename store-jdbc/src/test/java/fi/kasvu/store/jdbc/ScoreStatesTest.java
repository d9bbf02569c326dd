package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import java.time.Duration;
import java.time.Instant;

class ScoreStatesTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("platform-a/deployment-1");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String LINE_ITEM = "https://lms.example/lineitems/7";
    private static final ScoreStates.Target TARGET = new ScoreStates.Target(TENANT, "https://lms.example", "client-1",
            LINE_ITEM, "user-42", "grow", "doc-1");

    @EveryDialect
    void queue_storesTheStateAndTheOutboxItemTogether_once(Dialect dialect) {
        KasvuDatabase db = open(dialect);
        ScoreStates states = ScoreStates.of(db);

        assertThat(states.queue(TARGET, 1, 1, "lti.ags.score", "{\"p\":1}", NOW)).isTrue();
        assertThat(states.queue(TARGET, 1, 1, "lti.ags.score", "{\"p\":1}", NOW.plusSeconds(5)))
                .as("the same completion again").isFalse();

        ScoreStates.Stored stored = states.find(TENANT, LINE_ITEM, "user-42").orElseThrow();
        assertThat(stored.state()).isEqualTo(ScoreStates.State.QUEUED);
        assertThat(stored.target()).isEqualTo(TARGET);
        assertThat(stored.queuedAt()).isEqualTo(NOW);
        assertThat(Outbox.of(db).pending(TENANT, "lti.ags.score")).extracting(OutboxItem::payload)
                .containsExactly("{\"p\":1}");
    }

    @EveryDialect
    void outcomes_areStoredTyped_andOnlyARefusedOrSupersededScoreIsResent(Dialect dialect) {
        KasvuDatabase db = open(dialect);
        ScoreStates states = ScoreStates.of(db);
        states.queue(TARGET, 1, 1, "lti.ags.score", "first", NOW);

        states.retrying(TENANT, LINE_ITEM, "user-42", NOW.plus(Duration.ofSeconds(10)), "HTTP 503", NOW);
        ScoreStates.Stored retrying = states.find(TENANT, LINE_ITEM, "user-42").orElseThrow();
        assertThat(retrying.state()).isEqualTo(ScoreStates.State.RETRYING);
        assertThat(retrying.nextAttempt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(states.resend(TENANT, LINE_ITEM, "user-42", "lti.ags.score", s -> "again", NOW)).isEmpty();

        states.refused(TENANT, LINE_ITEM, "user-42", 400, "bad\nscore", NOW.plusSeconds(20));
        ScoreStates.Stored refused = states.find(TENANT, LINE_ITEM, "user-42").orElseThrow();
        assertThat(refused.state()).isEqualTo(ScoreStates.State.REFUSED);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("bad score");

        assertThat(states.resend(TENANT, LINE_ITEM, "user-42", "lti.ags.score", s -> "again:" + s.score(),
                NOW.plusSeconds(30))).isPresent();
        assertThat(states.find(TENANT, LINE_ITEM, "user-42").orElseThrow().state()).isEqualTo(ScoreStates.State.QUEUED);
        assertThat(Outbox.of(db).pending(TENANT, "lti.ags.score")).extracting(OutboxItem::payload)
                .containsExactly("first", "again:1.0");

        states.superseded(TENANT, LINE_ITEM, "user-42", 409, "newer", NOW.plusSeconds(40));
        assertThat(states.find(TENANT, LINE_ITEM, "user-42").orElseThrow().state())
                .isEqualTo(ScoreStates.State.SUPERSEDED);
        states.delivered(TENANT, LINE_ITEM, "user-42", NOW.plusSeconds(50));
        ScoreStates.Stored delivered = states.find(TENANT, LINE_ITEM, "user-42").orElseThrow();
        assertThat(delivered.state()).isEqualTo(ScoreStates.State.DELIVERED);
        assertThat(delivered.status()).isZero();
    }

    @EveryDialect
    void ofSubject_andErase_coverOnlyThatPersonInThatTenant(Dialect dialect) {
        ScoreStates states = ScoreStates.of(open(dialect));
        states.queue(TARGET, 1, 1, "lti.ags.score", "p", NOW);
        states.queue(new ScoreStates.Target(TENANT, "https://lms.example", "client-1", LINE_ITEM, "user-43", "grow",
                "doc-2"), 1, 1, "lti.ags.score", "p", NOW);
        TenantId other = TenantId.of("platform-b/deployment-1");
        states.queue(new ScoreStates.Target(other, "https://lms.example", "client-1", LINE_ITEM, "user-42", "grow",
                "doc-3"), 1, 1, "lti.ags.score", "p", NOW);

        assertThat(states.ofSubject(TENANT, "user-42")).extracting(s -> s.target().documentId()).containsExactly("doc-1");
        assertThat(states.tenants()).containsExactlyInAnyOrder(TENANT.value(), other.value());
        assertThat(states.erase(TENANT, "user-42")).isEqualTo(1);
        assertThat(states.find(TENANT, LINE_ITEM, "user-42")).isEmpty();
        assertThat(states.find(TENANT, LINE_ITEM, "user-43")).isPresent();
        assertThat(states.find(other, LINE_ITEM, "user-42")).isPresent();
    }

    @EveryDialect
    void theSameCompletionQueuedAtOnceByManyInstances_isQueuedOnce_withoutAnError(Dialect dialect) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(dialect, directory);
        KasvuDatabase one = open(config);
        KasvuDatabase two = open(config);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ScoreStates states = ScoreStates.of(i % 2 == 0 ? one : two);
                results.add(pool.submit(() -> {
                    go.await();
                    return states.queue(TARGET, 1, 1, "lti.ags.score", "p", NOW);
                }));
            }
            go.countDown();
            int queued = 0;
            for (java.util.concurrent.Future<Boolean> result : results) {
                queued += result.get() ? 1 : 0;
            }
            assertThat(queued).isEqualTo(1);
            assertThat(Outbox.of(one).pending(TENANT, "lti.ags.score")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
