package fi.kasvu.lms.lti;

import fi.kasvu.common.TenantId;
import java.time.Instant;

/**
 * Hears what became of each score the {@link ScoreDelivery} worked, so that the learner and the
 * teacher can read where a score stands. Messages carry no tokens; a platform's message is cut short.
 */
public interface ScoreJournal {

    /** The platform accepted the score. */
    void delivered(TenantId tenant, PendingScore score, Instant at);

    /** The delivery failed for a reason that may pass; it is tried again at {@code next}. */
    void retrying(TenantId tenant, PendingScore score, Instant next, String reason, Instant at);

    /**
     * The platform refused the score (a 4xx other than 409), or it could not be delivered at all
     * (status 0: the platform is no longer registered, or every attempt failed); it is not tried again.
     */
    void refused(TenantId tenant, PendingScore score, int status, String message, Instant at);

    /** The platform answered 409: it holds a newer score for the learner. */
    void superseded(TenantId tenant, PendingScore score, String message, Instant at);

    /** A journal that keeps nothing. */
    static ScoreJournal none() {
        return new ScoreJournal() {
            @Override
            public void delivered(TenantId tenant, PendingScore score, Instant at) {
                // kept nowhere
            }

            @Override
            public void retrying(TenantId tenant, PendingScore score, Instant next, String reason, Instant at) {
                // kept nowhere
            }

            @Override
            public void refused(TenantId tenant, PendingScore score, int status, String message, Instant at) {
                // kept nowhere
            }

            @Override
            public void superseded(TenantId tenant, PendingScore score, String message, Instant at) {
                // kept nowhere
            }
        };
    }
}
