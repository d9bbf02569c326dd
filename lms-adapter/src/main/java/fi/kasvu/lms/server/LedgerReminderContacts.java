package fi.kasvu.lms.server;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.activity.programme.ReminderContacts;
import fi.kasvu.lms.reminder.ReminderLedger;
import fi.kasvu.lms.reminder.SmtpMailSender;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The programme pages' reminder contacts in the reminders' ledger; available once the scheduler runs with a mail server. */
final class LedgerReminderContacts implements ReminderContacts {

    private final ReminderLedger ledger;
    private final Clock clock;
    private final AtomicBoolean available = new AtomicBoolean();

    LedgerReminderContacts(ReminderLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    void enable() {
        available.set(true);
    }

    @Override
    public boolean available() {
        return available.get();
    }

    @Override
    public void subscribe(TenantId tenant, PersonId person, String email, Language language) {
        ledger.subscribe(tenant, person, email, language, clock.instant());
    }

    @Override
    public boolean stop(TenantId tenant, PersonId person) {
        return ledger.stop(tenant, person, clock.instant());
    }

    @Override
    public Optional<String> address(TenantId tenant, PersonId person) {
        return ledger.contact(tenant, person).filter(c -> !c.optedOut())
                .filter(ReminderLedger.Contact::hasEmail).map(ReminderLedger.Contact::email);
    }

    @Override
    public boolean valid(String email) {
        return SmtpMailSender.valid(email);
    }
}
