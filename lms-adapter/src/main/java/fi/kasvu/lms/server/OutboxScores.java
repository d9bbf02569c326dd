package fi.kasvu.lms.server;

import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.lti.ScoreJournal;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.ScorePublisher;
import fi.kasvu.lms.web.ScoreState;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.ScoreStates;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Completion scores with a stored, typed state: a completion writes the learner's score state
 * ({@code queued}) and the AGS outbox item in one transaction; only the background worker delivers
 * (poked at once), and as the {@link ScoreJournal} of that delivery this records what the platform
 * answered, so the learner and the teacher read the truth.
 */
final class OutboxScores implements ScorePublisher, ScoreJournal {

    /** The outbox topic of AGS scores (as {@code JdbcLtiStorage} stores them). */
    static final String SCORE_TOPIC = "lti.ags.score";

    /** The namespace of the remembered score targets in the shared expiring values. */
    static final String TARGETS = "score-target";
    /** How long a learner's score target is remembered after her last launch of the placement. */
    static final java.time.Duration REMEMBERED = java.time.Duration.ofDays(400);

    private final ScoreStates states;
    private final fi.kasvu.store.jdbc.ExpiringValues targets;
    private final Clock clock;
    private final Runnable poke;

    /**
     * @param poke asks the background worker to deliver soon (it must not deliver on the caller's thread)
     */
    OutboxScores(KasvuDatabase database, Clock clock, Runnable poke) {
        this.states = ScoreStates.of(database);
        this.targets = fi.kasvu.store.jdbc.ExpiringValues.of(database);
        this.clock = clock;
        this.poke = poke;
    }

    @Override
    public void publishCompletion(PageSession session, Activity.Completion completion, Instant at) {
        publishCompletion(session, session.subject(), completion, at);
    }

    @Override
    public void publishCompletion(PageSession session, String subject, Activity.Completion completion, Instant at) {
        if (session.lineItem().isEmpty() || !completion.complete() || subject.isBlank()) {
            return;
        }
        PendingScore pending = new PendingScore(session.issuer(), session.clientId(), URI.create(session.lineItem()),
                Score.graded(subject, completion.score(), completion.maximum(), at));
        if (states.queue(target(session, subject), completion.score(), completion.maximum(), SCORE_TOPIC,
                pending.toJson(), clock.instant())) {
            poke.run();
        }
    }

    /**
     * Remembers the graded placement's line item for the learner's document, under the SHA-256 of
     * (tenant, kind, document, platform user id): no learner text, and nothing a reader of the
     * table could turn back into who launched what without knowing all four.
     */
    @Override
    public void remember(PageSession session) {
        if (session.lineItem().isEmpty() || session.documentId().isEmpty() || session.subject().isBlank()) {
            return;
        }
        String value = jakarta.json.Json.createObjectBuilder().add("issuer", session.issuer())
                .add("clientId", session.clientId()).add("lineItem", session.lineItem()).build().toString();
        targets.put(TARGETS, targetKey(session.tenant(), session.kind(), session.documentId(), session.subject()),
                value, clock.instant().plus(REMEMBERED));
    }

    @Override
    public int publishRemembered(PageSession session, String kind, String documentId, Activity.Completion completion,
                                 Instant at) {
        if (!completion.complete() || session.subject().isBlank() || documentId.isEmpty()) {
            return 0;
        }
        Optional<String> remembered = targets.get(TARGETS, targetKey(session.tenant(), kind, documentId,
                session.subject()), clock.instant());
        if (remembered.isEmpty()) {
            return 0;
        }
        jakarta.json.JsonObject target = jakarta.json.Json.createReader(new java.io.StringReader(remembered.get()))
                .readObject();
        String issuer = target.getString("issuer", "");
        String clientId = target.getString("clientId", "");
        String lineItem = target.getString("lineItem", "");
        // Only on the platform the session's learner came from: her user id means nothing on another.
        if (!issuer.equals(session.issuer()) || !clientId.equals(session.clientId()) || lineItem.isEmpty()) {
            return 0;
        }
        PendingScore pending = new PendingScore(issuer, clientId, URI.create(lineItem),
                Score.graded(session.subject(), completion.score(), completion.maximum(), at));
        if (states.queue(new ScoreStates.Target(session.tenant(), issuer, clientId, lineItem, session.subject(), kind,
                documentId), completion.score(), completion.maximum(), SCORE_TOPIC, pending.toJson(), clock.instant())) {
            poke.run();
        }
        return 1;
    }

    /** The key of a remembered score target: the SHA-256 of its parts, hex. */
    static String targetKey(TenantId tenant, String kind, String documentId, String subject) {
        String parts = tenant.value() + "\n" + kind + "\n" + documentId + "\n" + subject;
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(parts.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    @Override
    public boolean recorded(PageSession session) {
        return recorded(session, session.subject());
    }

    @Override
    public boolean recorded(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return true;
        }
        return states.find(session.tenant(), session.lineItem(), subject)
                .filter(s -> s.target().documentId().equals(session.documentId())).isPresent();
    }

    @Override
    public ScoreState status(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return new ScoreState.NotGraded();
        }
        Optional<ScoreStates.Stored> stored = states.find(session.tenant(), session.lineItem(), subject);
        if (stored.isEmpty()) {
            // Completed but not queued yet (the save and the queueing were cut apart): the sweeper queues it.
            return new ScoreState.Queued(clock.instant());
        }
        ScoreStates.Stored s = stored.get();
        return switch (s.state()) {
            case QUEUED -> new ScoreState.Queued(s.queuedAt());
            case DELIVERED -> new ScoreState.Delivered(s.updatedAt());
            case RETRYING -> new ScoreState.Retrying(s.nextAttempt() == null ? s.updatedAt() : s.nextAttempt(),
                    s.attempts(), s.message());
            case REFUSED -> new ScoreState.Refused(s.status(), s.message(), s.updatedAt());
            case SUPERSEDED -> new ScoreState.Superseded(s.message(), s.updatedAt());
        };
    }

    @Override
    public boolean resend(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean queued = states.resend(session.tenant(), session.lineItem(), subject, SCORE_TOPIC,
                stored -> new PendingScore(stored.target().issuer(), stored.target().clientId(),
                        URI.create(stored.target().lineItem()),
                        Score.graded(subject, stored.score(), stored.maximum(), now)).toJson(), now).isPresent();
        if (queued) {
            poke.run();
        }
        return queued;
    }

    private static ScoreStates.Target target(PageSession session, String subject) {
        return new ScoreStates.Target(session.tenant(), session.issuer(), session.clientId(), session.lineItem(),
                subject, session.kind(), session.documentId());
    }

    // ---- the delivery worker's journal ----

    @Override
    public void delivered(TenantId tenant, PendingScore score, Instant at) {
        states.delivered(tenant, score.lineItem().toString(), score.score().userId(), at);
    }

    @Override
    public void retrying(TenantId tenant, PendingScore score, Instant next, String reason, Instant at) {
        states.retrying(tenant, score.lineItem().toString(), score.score().userId(), next, reason, at);
    }

    @Override
    public void refused(TenantId tenant, PendingScore score, int status, String message, Instant at) {
        states.refused(tenant, score.lineItem().toString(), score.score().userId(), status, message, at);
    }

    @Override
    public void superseded(TenantId tenant, PendingScore score, String message, Instant at) {
        states.superseded(tenant, score.lineItem().toString(), score.score().userId(), 409, message, at);
    }
}
