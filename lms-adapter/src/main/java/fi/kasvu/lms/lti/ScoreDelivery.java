package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends scores through the durable outbox: {@link #submit} stores the score, {@link #deliverDue}
 * posts what is due and retries failures with growing back-off (platform down, 5xx, network).
 * A 409 (the platform holds a newer score) and other 4xx answers end the entry with a log line:
 * retrying would not change the answer. Every outcome is told to the {@link ScoreJournal}, so the
 * score's stored state says what happened.
 */
public final class ScoreDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreDelivery.class);
    private static final int MAX_ATTEMPTS = 50;
    private final ScoreOutbox outbox;
    private final Registrations registrations;
    private final AgsClient ags;
    private final Clock clock;
    private final ScoreJournal journal;

    /** Delivery through this outbox with this AGS client, keeping no journal. */
    public ScoreDelivery(ScoreOutbox outbox, Registrations registrations, AgsClient ags, Clock clock) {
        this(outbox, registrations, ags, clock, ScoreJournal.none());
    }

    /** Delivery through this outbox with this AGS client, telling the journal each outcome. */
    public ScoreDelivery(ScoreOutbox outbox, Registrations registrations, AgsClient ags, Clock clock,
                         ScoreJournal journal) {
        this.outbox = Require.nonNull("outbox", outbox);
        this.registrations = Require.nonNull("registrations", registrations);
        this.ags = Require.nonNull("ags", ags);
        this.clock = Require.nonNull("clock", clock);
        this.journal = Require.nonNull("journal", journal);
    }

    /** Stores the score for delivery now. */
    public void submit(TenantId tenant, PendingScore score) {
        outbox.enqueue(tenant, score, clock.instant());
    }

    /** What one delivery round did. */
    public record Round(int delivered, int retrying, int abandoned) {
    }

    /** Posts up to {@code max} due scores. */
    public Round deliverDue(int max) {
        Instant now = clock.instant();
        int delivered = 0;
        int retrying = 0;
        int abandoned = 0;
        for (ScoreOutbox.Claimed claimed : outbox.claimDue(max, now, Duration.ofMinutes(2))) {
            PendingScore pending;
            try {
                pending = PendingScore.fromJson(claimed.payload());
            } catch (IOException e) {
                LOG.error("Outbox score {} is unreadable and is dropped: {}", claimed.id(), e.getMessage());
                outbox.markDone(claimed.id());
                abandoned++;
                continue;
            }
            Optional<PlatformRegistration> registration = registrations.find(pending.issuer(), pending.clientId());
            if (registration.isEmpty()) {
                LOG.warn("Outbox score {}: platform {} is no longer registered; dropped", claimed.id(), pending.issuer());
                outbox.markDone(claimed.id());
                journal.refused(claimed.tenant(), pending, 0, "the platform is no longer registered", now);
                abandoned++;
                continue;
            }
            try {
                ags.postScore(registration.get(), pending.lineItem(), pending.score());
                outbox.markDone(claimed.id());
                journal.delivered(claimed.tenant(), pending, clock.instant());
                delivered++;
            } catch (PlatformServiceException e) {
                boolean permanent = e.status() / 100 == 4 && e.status() != 401 && e.status() != 408
                        && e.status() != 429;
                if (permanent || claimed.attempts() + 1 >= MAX_ATTEMPTS) {
                    LOG.warn("Outbox score {} for {} ended without delivery: HTTP {}{}", claimed.id(), claimed.tenant(),
                            e.status(), e.status() == 409 ? " (the platform holds a newer score)" : "");
                    outbox.markDone(claimed.id());
                    if (e.status() == 409) {
                        journal.superseded(claimed.tenant(), pending, e.body(), now);
                    } else {
                        journal.refused(claimed.tenant(), pending, e.status(),
                                permanent ? e.body() : "no delivery after " + MAX_ATTEMPTS + " attempts", now);
                    }
                    abandoned++;
                } else {
                    Instant next = now.plus(backoff(claimed.attempts()));
                    outbox.retryLater(claimed.id(), next, "HTTP " + e.status());
                    journal.retrying(claimed.tenant(), pending, next, "HTTP " + e.status(), now);
                    retrying++;
                }
            } catch (IOException e) {
                LOG.info("Outbox score {}: platform {} unreachable ({}); will retry", claimed.id(), pending.issuer(),
                        e.getClass().getSimpleName());
                Instant next = now.plus(backoff(claimed.attempts()));
                outbox.retryLater(claimed.id(), next, e.getClass().getSimpleName());
                journal.retrying(claimed.tenant(), pending, next, e.getClass().getSimpleName(), now);
                retrying++;
            }
        }
        return new Round(delivered, retrying, abandoned);
    }

    /** 10 s, 20 s, 40 s … at most an hour. */
    static Duration backoff(int attempts) {
        long seconds = 10L << Math.min(Math.max(attempts, 0), 9);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
