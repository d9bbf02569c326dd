package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The durable outbox of scores: stored before any attempt, so an outage loses none. */
public interface ScoreOutbox {

    /** Stores a score to post at or after {@code dueAt}. */
    void enqueue(TenantId tenant, PendingScore score, Instant dueAt);

    /** Claims up to {@code max} due scores for {@code lease}; another instance will not claim them meanwhile. */
    List<Claimed> claimDue(int max, Instant now, Duration lease);

    /** Marks a claimed score as delivered (or given up). */
    void markDone(String id);

    /** Puts a claimed score back until {@code next}, noting the error. */
    void retryLater(String id, Instant next, String error);

    /**
     * A claimed outbox entry.
     *
     * @param id       the entry id
     * @param tenant   the tenant
     * @param payload  the score as stored ({@link PendingScore#toJson()})
     * @param attempts how many attempts were made before this one
     */
    record Claimed(String id, TenantId tenant, String payload, int attempts) {
        /** @throws NullPointerException if a part is null */
        public Claimed {
            Require.nonNull("id", id);
            Require.nonNull("tenant", tenant);
            Require.nonNull("payload", payload);
        }
    }
}
