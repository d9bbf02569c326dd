package fi.kasvu.lms.server;

import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.Score;
import fi.kasvu.lms.lti.ScoreDelivery;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.ScorePublisher;
import fi.kasvu.lms.web.ScoreState;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.Outbox;
import fi.kasvu.store.jdbc.OutboxItem;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * Completion scores through the durable AGS outbox: queued on the request, delivered only by the
 * background worker (poked at once).
 */
final class OutboxScores implements ScorePublisher {

    /** The outbox topic of AGS scores (as {@code JdbcLtiStorage} stores them). */
    private static final String SCORE_TOPIC = "lti.ags.score";

    private final ScoreDelivery delivery;
    private final Outbox outbox;
    private final Clock clock;
    private final Runnable poke;

    OutboxScores(ScoreDelivery delivery, KasvuDatabase database, Clock clock, Runnable poke) {
        this.delivery = delivery;
        this.outbox = Outbox.of(database);
        this.clock = clock;
        this.poke = poke;
    }

    @Override
    public void publishCompletion(PageSession session, Activity.Completion completion, Instant at) {
        if (session.lineItem().isEmpty()) {
            return;
        }
        delivery.submit(session.tenant(), new PendingScore(session.issuer(), session.clientId(),
                URI.create(session.lineItem()), Score.graded(session.subject(), completion.score(),
                        completion.maximum(), at)));
        poke.run();
    }

    @Override
    public ScoreState status(PageSession session, String subject) {
        if (session.lineItem().isEmpty()) {
            return new ScoreState.NotGraded();
        }
        for (OutboxItem item : outbox.pending(session.tenant(), SCORE_TOPIC)) {
            try {
                PendingScore pending = PendingScore.fromJson(item.payload());
                if (pending.score().userId().equals(subject) && pending.lineItem().toString().equals(session.lineItem())) {
                    return item.attempts() == 0 ? new ScoreState.Queued(item.dueAt())
                            : new ScoreState.Retrying(item.dueAt(), item.attempts(),
                                    item.lastError() == null ? "" : item.lastError());
                }
            } catch (IOException unreadable) {
                // the delivery worker reports unreadable entries
            }
        }
        return new ScoreState.Delivered(clock.instant());
    }
}
