package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.time.Instant;

/**
 * One piece of work waiting in the {@link Outbox}.
 *
 * @param id          the outbox's number for it
 * @param tenant      whose work it is
 * @param topic       what kind of work, such as {@code ags.score}
 * @param payload     what the worker needs, usually JSON
 * @param dueAt       when it may be tried (next)
 * @param leasedUntil until when a worker holds it, or null if none does
 * @param attempts    how often it has been claimed
 * @param lastError   why the last attempt failed, or "" if none has
 */
public record OutboxItem(long id, TenantId tenant, String topic, String payload, Instant dueAt, Instant leasedUntil,
                         int attempts, String lastError) {

    /** @throws NullPointerException naming the part if a required part is null */
    public OutboxItem {
        Require.nonNull("tenant", tenant);
        Require.nonNull("topic", topic);
        Require.nonNull("payload", payload);
        Require.nonNull("dueAt", dueAt);
        lastError = lastError == null ? "" : lastError;
    }
}
