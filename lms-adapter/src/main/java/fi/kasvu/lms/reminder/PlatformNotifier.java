package fi.kasvu.lms.reminder;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import java.util.Optional;

/**
 * Notifications through the learning platform itself (a Moodle instant message), for the tenants
 * whose platform has web services configured. The scheduler sends each reminder this way as well
 * as by e-mail; the ledger's claim makes either happen once.
 */
public interface PlatformNotifier {

    /**
     * A person as the platform knows them.
     *
     * @param userId   the platform's user id
     * @param language the language of their platform profile, if it is one Kasvu speaks
     */
    record Recipient(long userId, Optional<Language> language) {
    }

    /**
     * Where the person gets platform notifications: empty when their tenant's platform has none
     * configured or the person is no user of it.
     *
     * @throws NotifyException if the platform could not be asked (tried again later)
     */
    Optional<Recipient> recipient(TenantId tenant, PersonId person) throws NotifyException;

    /**
     * Sends the text to the person.
     *
     * @param clientMessageId a stable id of this reminder (letters, digits, {@code _} and {@code -})
     * @throws NotifyException if the platform did not take it
     */
    void send(TenantId tenant, Recipient recipient, String text, String clientMessageId) throws NotifyException;

    /** No platform notifications. */
    static PlatformNotifier none() {
        return new PlatformNotifier() {
            @Override
            public Optional<Recipient> recipient(TenantId tenant, PersonId person) {
                return Optional.empty();
            }

            @Override
            public void send(TenantId tenant, Recipient recipient, String text, String clientMessageId) {
                throw new UnsupportedOperationException("no platform notifications");
            }
        };
    }

    /** The platform did not take a notification; never carries a token or the text. */
    final class NotifyException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean refusedByRecipient;

        /**
         * @param message            what failed (the platform's error code)
         * @param refusedByRecipient whether the recipient's own settings refuse it (not tried again)
         */
        public NotifyException(String message, boolean refusedByRecipient) {
            super(message);
            this.refusedByRecipient = refusedByRecipient;
        }

        /** Whether the recipient's settings refuse the message, so that trying again is pointless. */
        public boolean refusedByRecipient() {
            return refusedByRecipient;
        }
    }
}
