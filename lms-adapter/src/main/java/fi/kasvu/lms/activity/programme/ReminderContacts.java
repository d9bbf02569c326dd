package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import java.util.Optional;

/** The port of e-mail reminder contacts: who wants reminders, where, in which language; opting out per person. */
public interface ReminderContacts {

    /** Whether reminders can be sent by e-mail at all (a mail server is configured). */
    boolean available();

    /** Saves the person's address and language and opts them in. */
    void subscribe(TenantId tenant, PersonId person, String email, Language language);

    /** Opts the person out; whether they were in. */
    boolean stop(TenantId tenant, PersonId person);

    /** The person's address while they are opted in. */
    Optional<String> address(TenantId tenant, PersonId person);

    /** Whether the text is a valid e-mail address. */
    boolean valid(String email);

    /**
     * How many of the programme's reminders may not have gone out: an instance stopped while
     * sending them, and they are never sent again (a reminder is never sent twice).
     */
    default int uncertain(TenantId tenant, String programmeId) {
        return 0;
    }

    /** No e-mail reminders. */
    static ReminderContacts none() {
        return new ReminderContacts() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void subscribe(TenantId tenant, PersonId person, String email, Language language) {
                throw new UnsupportedOperationException("e-mail reminders are not configured");
            }

            @Override
            public boolean stop(TenantId tenant, PersonId person) {
                return false;
            }

            @Override
            public Optional<String> address(TenantId tenant, PersonId person) {
                return Optional.empty();
            }

            @Override
            public boolean valid(String email) {
                return false;
            }
        };
    }
}
