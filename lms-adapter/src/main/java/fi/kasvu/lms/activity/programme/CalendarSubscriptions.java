package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import java.util.Optional;

/**
 * The port of personal calendar subscriptions: a person's secret address of their programme's
 * meetings, sessions and deadlines. Only a hash of each secret is kept; a new secret replaces the
 * old one, and a revoked secret answers nothing.
 */
public interface CalendarSubscriptions {

    /**
     * Makes a new secret for the person in the programme, replacing (and so revoking) any older one.
     *
     * @return the secret, to be shown once: it is not stored
     */
    String renew(Subscriber subscriber);

    /** Revokes the person's secret; whether there was one. */
    boolean revoke(TenantId tenant, String programmeId, PersonId person);

    /** Whether the person has a live secret in the programme. */
    boolean active(TenantId tenant, String programmeId, PersonId person);

    /** Whose calendar a secret opens; empty for an unknown or revoked secret. */
    Optional<Subscriber> find(String secret);

    /**
     * Whose calendar it is and in which language.
     *
     * @param tenant      the platform and deployment
     * @param programmeId the programme
     * @param person      the person
     * @param language    the language of the calendar's texts
     */
    record Subscriber(TenantId tenant, String programmeId, PersonId person, Language language) {
        /** @throws NullPointerException if a part is missing */
        public Subscriber {
            Require.nonNull("tenant", tenant);
            Require.id("programmeId", programmeId);
            Require.nonNull("person", person);
            Require.nonNull("language", language);
        }
    }

    /** No subscriptions: the calendar page says calendars are not available. */
    static CalendarSubscriptions none() {
        return new CalendarSubscriptions() {
            @Override
            public String renew(Subscriber subscriber) {
                throw new UnsupportedOperationException("calendar subscriptions are not configured");
            }

            @Override
            public boolean revoke(TenantId tenant, String programmeId, PersonId person) {
                return false;
            }

            @Override
            public boolean active(TenantId tenant, String programmeId, PersonId person) {
                return false;
            }

            @Override
            public Optional<Subscriber> find(String secret) {
                return Optional.empty();
            }
        };
    }
}
