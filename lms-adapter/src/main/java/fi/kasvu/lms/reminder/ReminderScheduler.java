package fi.kasvu.lms.reminder;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.DueItem;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.programme.ActivityCompletion;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.programme.ReflectionView;
import fi.kasvu.programme.Timeline;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of reminders, run by every instance of {@code kasvu serve} on its own schedule: it
 * records what falls due within {@link #AHEAD} in every programme (the ledger's unique key makes
 * that idempotent), then sends each pending reminder it manages to claim, in the recipient's
 * language, with titles and times only (never what anyone wrote) and an opt-out link. A failed
 * send is retried with a growing delay and reported; nothing is dropped silently.
 */
public final class ReminderScheduler {

    /** How far ahead reminders are recorded: events, deadlines and feedback due within two days. */
    public static final Duration AHEAD = Duration.ofDays(2);
    /** After this many failed sends a reminder is FAILED and reported. */
    public static final int MAX_ATTEMPTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);
    private static final LocalizedText PREFIX = LocalizedText.of("Kasvu-muistutus", "Kasvu-påminnelse",
            "Kasvu reminder");
    private static final LocalizedText PROGRAMME = LocalizedText.of("Ohjelma", "Program", "Programme");
    private static final LocalizedText WHEN = LocalizedText.of("Aika", "Tid", "When");
    private static final LocalizedText WHAT = LocalizedText.of("Mitä", "Vad", "What");
    private static final LocalizedText REFLECTION = LocalizedText.of("palautettu reflektio", "en inlämnad reflektion",
            "a submitted reflection");
    private static final LocalizedText MORE = LocalizedText.of(
            "Avaa ohjelma kurssillasi nähdäksesi lisää.", "Öppna programmet i din kurs för att se mer.",
            "Open the programme in your course to see more.");
    private static final LocalizedText STOP = LocalizedText.of(
            "Et halua näitä muistutuksia? Lopeta ne tästä:", "Vill du inte ha de här påminnelserna? Stoppa dem här:",
            "Don't want these reminders? Stop them here:");

    private final KasvuDatabase database;
    private final Programmes programmes;
    private final ReflectionAssignments reflections;
    private final ReminderLedger ledger;
    private final MailSender mail;
    private final PlatformNotifier platform;
    private final URI publicBase;
    private final Clock clock;
    private final String instance;
    private final List<DueSource> sources = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.function.BiFunction<TenantId, Programme, ActivityCompletion> completion =
            (tenant, programme) -> ActivityCompletion.none();

    /**
     * A scheduler of one instance.
     *
     * @param publicBase the tool's public base URL (opt-out links go under it)
     * @param instance   this instance's name in the ledger's claims
     */
    public ReminderScheduler(KasvuDatabase database, Programmes programmes, ReflectionAssignments reflections,
                             ReminderLedger ledger, MailSender mail, URI publicBase, Clock clock, String instance) {
        this(database, programmes, reflections, ledger, mail, PlatformNotifier.none(), publicBase, clock, instance);
    }

    /**
     * A scheduler of one instance that sends each reminder through the platform (where the tenant's
     * platform has notifications configured) and by e-mail (to those who gave an address).
     *
     * @param mail       the mail server, or null when none is configured (reminders then go through the platform only)
     * @param platform   the platform's notifications
     * @param publicBase the tool's public base URL (opt-out links go under it)
     * @param instance   this instance's name in the ledger's claims
     */
    public ReminderScheduler(KasvuDatabase database, Programmes programmes, ReflectionAssignments reflections,
                             ReminderLedger ledger, MailSender mail, PlatformNotifier platform, URI publicBase,
                             Clock clock, String instance) {
        this.platform = java.util.Objects.requireNonNull(platform, "platform must not be null");
        this.database = database;
        this.programmes = programmes;
        this.reflections = reflections;
        this.ledger = ledger;
        this.mail = mail;
        this.publicBase = publicBase;
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * Adds due items besides the programmes' (plan reviews, pending 360 invitations): recorded in
     * every round like the programmes' and sent with the source's own text.
     *
     * @return this scheduler
     */
    public ReminderScheduler with(DueSource source) {
        sources.add(java.util.Objects.requireNonNull(source, "source"));
        return this;
    }

    /**
     * Says who completed the Kasvu activity an assignment links to (a 360 closed, a plan with a
     * goal), so that a participant who did is not reminded of its deadline: the same notion of
     * "done" as the timeline's ({@code Timeline.done}). Without it every activity assignment counts
     * as not done.
     *
     * @return this scheduler
     */
    public ReminderScheduler withCompletion(
            java.util.function.BiFunction<TenantId, Programme, ActivityCompletion> completion) {
        this.completion = java.util.Objects.requireNonNull(completion, "completion");
        return this;
    }

    /**
     * What one round did.
     *
     * @param recorded  reminders recorded for the first time
     * @param sent      reminders sent
     * @param skipped   reminders not sent (opted out, or no address)
     * @param retrying  reminders whose send failed and will be tried again
     * @param failed    reminders given up on after {@link #MAX_ATTEMPTS}
     * @param uncertain reminders found this round claimed over an hour ago and never finished (a crash
     *                  mid-send): now UNCERTAIN, reported once here and on the programme's pages, never repeated
     */
    public record Round(int recorded, int sent, int skipped, int retrying, int failed, int uncertain) {
    }

    /** Runs one round now. */
    public Round run() {
        Instant now = clock.instant();
        int recorded = 0;
        for (String[] key : programmeKeys()) {
            TenantId tenant = TenantId.of(key[0]);
            for (Versioned<Programme> stored : programmes.find(tenant, key[1]).stream().toList()) {
                Programme programme = stored.value();
                List<ReflectionView.Progress> progress = reflections.listByContext(tenant, programme.id()).documents()
                        .stream().map(r -> r.value().progress()).toList();
                for (DueItem item : Timeline.dueItems(programme, progress, completion.apply(tenant, programme), now,
                        now.plus(AHEAD))) {
                    if (ledger.record(tenant, item, now)) {
                        recorded++;
                    }
                }
            }
        }
        for (DueSource source : sources) {
            for (DueSource.Due due : source.due(now, now.plus(AHEAD))) {
                if (ledger.record(due.tenant(), due.item(), now)) {
                    recorded++;
                }
            }
        }
        int sent = 0;
        int skipped = 0;
        int retrying = 0;
        int failed = 0;
        for (ReminderLedger.Reminder reminder : ledger.pending(now, 200)) {
            if (!ledger.claim(reminder, instance, now)) {
                continue;
            }
            Optional<ReminderLedger.Contact> contact = ledger.contact(reminder.tenant(), reminder.item().recipient());
            Optional<DueSource> source = sources.stream().filter(s -> s.handles(reminder.item().kind())).findFirst();
            Optional<Versioned<Programme>> programme = source.isPresent() ? Optional.empty()
                    : programmes.find(reminder.tenant(), reminder.item().documentId());
            boolean stillDue = source.map(s -> s.stillDue(reminder.tenant(), reminder.item()))
                    .orElseGet(() -> programme.isPresent()
                            && stillDue(reminder.tenant(), programme.get().value(), reminder.item()));
            Optional<PlatformNotifier.Recipient> member = Optional.empty();
            if (stillDue && contact.filter(ReminderLedger.Contact::optedOut).isEmpty()) {
                try {
                    member = platform.recipient(reminder.tenant(), reminder.item().recipient());
                } catch (PlatformNotifier.NotifyException e) {
                    if (retry(reminder, "platform: " + e.getMessage(), now)) {
                        failed++;
                    } else {
                        retrying++;
                    }
                    continue;
                }
            }
            boolean byMail = mail != null && contact.filter(ReminderLedger.Contact::hasEmail).isPresent();
            if (!stillDue || contact.filter(ReminderLedger.Contact::optedOut).isPresent()
                    || (!byMail && member.isEmpty())) {
                ledger.finish(reminder, instance, ReminderLedger.State.SKIPPED, now);
                // She may have given her address between the lookup and the skip; her subscribe
                // reopened nothing then (the reminder was being sent), so reopen it here.
                if (contact.isEmpty() && stillDue
                        && ledger.contact(reminder.tenant(), reminder.item().recipient())
                                .filter(c -> !c.optedOut()).isPresent()) {
                    ledger.reopenSkipped(reminder.tenant(), reminder.item().recipient(), now);
                    continue;
                }
                skipped++;
                continue;
            }
            // Her own choice of language in Kasvu first, else her platform profile's.
            Optional<PlatformNotifier.Recipient> target = member;
            Language language = contact.map(ReminderLedger.Contact::language)
                    .or(() -> target.flatMap(PlatformNotifier.Recipient::language)).orElse(Language.EN);
            ReminderLedger.Contact to = contact.orElseGet(() -> ledger.contactFor(reminder.tenant(),
                    reminder.item().recipient(), language, now));
            String optOut = base() + "reminders/optout/" + to.token();
            String subject = PREFIX.in(language) + ": " + (source.isPresent()
                    ? source.get().subject(reminder.item(), language)
                    : ProgrammeMessages.reminder(reminder.item().kind(), language));
            String body = source.isPresent() ? sourceBody(source.get(), reminder, language, optOut)
                    : body(reminder, programme.get().value(), language, optOut);
            boolean delivered = false;
            try {
                if (member.isPresent()) {
                    if (ledger.sentThroughPlatform(reminder)) {
                        delivered = true;
                    } else {
                        try {
                            platform.send(reminder.tenant(), member.get(), subject + "\n\n" + body,
                                    clientMessageId(reminder));
                            ledger.sentThroughPlatform(reminder, instance, clock.instant());
                            delivered = true;
                        } catch (PlatformNotifier.NotifyException e) {
                            if (!e.refusedByRecipient()) {
                                throw e;
                            }
                            LOG.info("Reminder not taken by the platform: the recipient's settings refuse it");
                        }
                    }
                }
                if (byMail) {
                    mail.send(to.email(), subject, body, optOut);
                    delivered = true;
                }
                ledger.finish(reminder, instance, delivered ? ReminderLedger.State.SENT : ReminderLedger.State.SKIPPED,
                        clock.instant());
                if (delivered) {
                    sent++;
                } else {
                    skipped++;
                }
            } catch (MailSender.MailException | PlatformNotifier.NotifyException e) {
                if (retry(reminder, e.getMessage(), now)) {
                    failed++;
                } else {
                    retrying++;
                }
            }
        }
        int uncertain = ledger.settleUncertain(now.minus(Duration.ofHours(1)));
        Round round = new Round(recorded, sent, skipped, retrying, failed, uncertain);
        if (retrying + failed + uncertain > 0) {
            LOG.warn("Reminders: {} sent, {} skipped, {} to retry (mail server or platform failed), {} given up, {} uncertain",
                    sent, skipped, retrying, failed, uncertain);
        } else if (sent + skipped > 0) {
            LOG.info("Reminders: {} sent, {} skipped", sent, skipped);
        }
        return round;
    }

    /**
     * Whether a programme's reminder is still due when it is sent: an assignment's deadline is
     * not, once the participant has done it since the reminder was recorded (submitted her
     * reflection, completed the linked activity).
     */
    private boolean stillDue(TenantId tenant, Programme programme, DueItem item) {
        if (!"programme.assignment.due".equals(item.kind())) {
            return true;
        }
        Optional<fi.kasvu.programme.Assignment> assignment = programme.assignment(item.itemId());
        if (assignment.isEmpty()) {
            return false;
        }
        List<ReflectionView.Progress> progress = reflections.listByContext(tenant, programme.id()).documents().stream()
                .map(r -> r.value().progress()).toList();
        return !Timeline.done(programme, item.recipient(), assignment.get(), progress,
                completion.apply(tenant, programme));
    }

    /** Puts a claimed reminder back for a later attempt with a growing delay; whether it was given up on. */
    private boolean retry(ReminderLedger.Reminder reminder, String error, Instant now) {
        boolean giveUp = reminder.attempts() + 1 >= MAX_ATTEMPTS;
        Duration delay = Duration.ofMinutes(1L << Math.min(reminder.attempts(), 10));
        ledger.failed(reminder, instance, error == null ? "failed" : error, now.plus(delay), giveUp);
        return giveUp;
    }

    /**
     * The reminder's stable id in the platform's message ({@code clientmsgid}): Moodle takes only
     * letters, digits, {@code _} and {@code -} there and refuses the whole call otherwise (fixture quirk 19).
     */
    static String clientMessageId(ReminderLedger.Reminder reminder) {
        DueItem item = reminder.item();
        String key = reminder.tenant().value() + "\n" + item.kind() + "\n" + item.documentId() + "\n" + item.itemId()
                + "\n" + item.recipient().value();
        return "kasvu-reminder-" + Hashes.sha256Hex(key, 20);
    }

    /** The round, never throwing: for the background schedule. */
    public void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Reminder round failed: {}", e.getClass().getSimpleName());
        }
    }

    /** A source's lines, then the opt-out line. */
    private static String sourceBody(DueSource source, ReminderLedger.Reminder reminder, Language language,
                                     String optOut) {
        List<String> lines = new ArrayList<>(source.body(reminder.tenant(), reminder.item(), language));
        lines.add("");
        lines.add(STOP.in(language) + " " + optOut);
        return String.join("\n", lines);
    }

    private String base() {
        String base = publicBase.toString();
        return base.endsWith("/") ? base : base + "/";
    }

    private String body(ReminderLedger.Reminder reminder, Programme programme, Language language, String optOut) {
        DueItem item = reminder.item();
        String what = programme.events().stream().filter(e -> e.id().equals(item.itemId()))
                .map(e -> e.title().in(language)).findFirst()
                .or(() -> programme.assignment(item.itemId()).map(a -> a.title().in(language)))
                .orElseGet(() -> reflections.find(reminderTenant(reminder), item.itemId())
                        .map(Versioned::value).map(ReflectionAssignment::assignmentId)
                        .flatMap(programme::assignment).map(a -> REFLECTION.in(language) + ": " + a.title().in(language))
                        .orElse(REFLECTION.in(language)));
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(item.due().atZone(programme.zone()));
        List<String> lines = new ArrayList<>();
        lines.add(ProgrammeMessages.reminder(item.kind(), language));
        lines.add("");
        lines.add(PROGRAMME.in(language) + ": " + programme.title().in(language));
        lines.add(WHAT.in(language) + ": " + what);
        lines.add(WHEN.in(language) + ": " + when);
        lines.add("");
        lines.add(MORE.in(language));
        lines.add("");
        lines.add(STOP.in(language) + " " + optOut);
        return String.join("\n", lines);
    }

    private static TenantId reminderTenant(ReminderLedger.Reminder reminder) {
        return reminder.tenant();
    }

    /** Every programme's tenant and id (the port lists by tenant only; the scheduler serves every tenant). */
    private List<String[]> programmeKeys() {
        List<String[]> tenants = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT tenant, id FROM kasvu_document WHERE kind = ?")) {
            s.setString(1, Programmes.KIND.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tenants.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the programmes' tenants failed: " + e.getSQLState(), e);
        }
        return tenants;
    }
}
