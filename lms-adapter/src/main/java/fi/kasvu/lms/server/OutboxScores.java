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

    private final ScoreStates states;
    private final Clock clock;
    private final Runnable poke;

    /**
     * @param poke asks the background worker to deliver soon (it must not deliver on the caller's thread)
     */
    OutboxScores(KasvuDatabase database, Clock clock, Runnable poke) {
        this.states = ScoreStates.of(database);
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
