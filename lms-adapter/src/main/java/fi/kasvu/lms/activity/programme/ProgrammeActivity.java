package fi.kasvu.lms.activity.programme;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeEvents;
import fi.kasvu.programme.ProgrammeProblem;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.programme.ReflectionView;
import fi.kasvu.session.SeenPeople;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A coaching programme as an LMS activity (seeds 002 and 003): one programme per placement, made
 * by an organiser from a template and adapted (times, venues, speakers, linked activities, who
 * coaches), and a timeline page for everyone: what happened, what is next, and what is due for
 * the viewer, each item linking to what fulfils it. Learners who open it join as participants;
 * teachers join as organisers.
 */
public final class ProgrammeActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "programme";

    /** The base name of the programme activity's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.programme.messages";

    private static final LocalizedText NAME = LocalizedText.of("Valmennusohjelma", "Coachningsprogram",
            "Coaching programme");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Ohjelman aikajana kaikille: mitä on tapahtunut, mitä seuraavaksi ja mitä minun pitää tehdä. "
                    + "Järjestäjä luo ohjelman pohjasta ja muokkaa sitä.",
            "Programmets tidslinje för alla: vad som har hänt, vad som kommer och vad jag ska göra. "
                    + "Arrangören skapar programmet från en mall och anpassar det.",
            "The programme's timeline for everyone: what happened, what is next and what is due for me. "
                    + "The organiser creates the programme from a template and adapts it.");

    private final Programmes programmes;
    private final ReflectionAssignments reflections;
    private final SeenPeople seen;
    private final ClassRoster roster;
    private final Clock clock;
    private final ProgrammeService service;
    private final ReflectionPages reflectionPages;
    private final CalendarSubscriptions calendars;
    private final ReminderContacts contacts;
    private final java.net.URI publicBase;
    private final DashboardFigures.Sources sources;
    private final fi.kasvu.lms.web.CourseServices course;

    private ProgrammeActivity(Programmes programmes, ReflectionAssignments reflections, SeenPeople seen,
                              ClassRoster roster, CalendarSubscriptions calendars, ReminderContacts contacts,
                              java.net.URI publicBase, Clock clock, IdGenerator ids, DashboardFigures.Sources sources,
                              fi.kasvu.lms.web.CourseServices course) {
        this.sources = sources;
        this.course = course;
        this.calendars = calendars;
        this.contacts = contacts;
        this.publicBase = publicBase;
        this.programmes = programmes;
        this.reflections = reflections;
        this.seen = seen;
        this.roster = roster;
        this.clock = clock;
        this.service = ProgrammeService.of(programmes, reflections, ProgrammeEvents.none(), clock, ids);
        this.reflectionPages = new ReflectionPages(service, reflections, clock);
    }

    /**
     * The programme activity on core's ports.
     *
     * @param seen   the people seen in each placement (the organiser gives them roles)
     * @param roster the course's learners, where the platform offers them
     * @param calendars  the personal calendar subscriptions
     * @param contacts   who wants e-mail reminders
     * @param publicBase the tool's public base URL, under which {@code calendar/<secret>.ics} is served
     * @throws NullPointerException if an argument is null
     */
    public static ProgrammeActivity of(Programmes programmes, ReflectionAssignments reflections, SeenPeople seen,
                                       ClassRoster roster, CalendarSubscriptions calendars, ReminderContacts contacts,
                                       java.net.URI publicBase, Clock clock, IdGenerator ids) {
        return of(programmes, reflections, seen, roster, calendars, contacts, publicBase, clock, ids,
                DashboardFigures.Sources.empty(clock), fi.kasvu.lms.web.CourseServices.none());
    }

    /**
     * The programme activity with the owner's dashboard reading the other kinds' stores, and the
     * course's calendar for the programme's events.
     *
     * @param sources the other kinds' stores (core ports) the dashboard counts from
     * @param course  the course's calendar through the platform's web services ({@code none()} when not configured)
     * @throws NullPointerException if an argument is null
     */
    public static ProgrammeActivity of(Programmes programmes, ReflectionAssignments reflections, SeenPeople seen,
                                       ClassRoster roster, CalendarSubscriptions calendars, ReminderContacts contacts,
                                       java.net.URI publicBase, Clock clock, IdGenerator ids,
                                       DashboardFigures.Sources sources, fi.kasvu.lms.web.CourseServices course) {
        return new ProgrammeActivity(Require.nonNull("programmes", programmes),
                Require.nonNull("reflections", reflections), Require.nonNull("seen", seen),
                Require.nonNull("roster", roster), Require.nonNull("calendars", calendars),
                Require.nonNull("contacts", contacts),
                Require.nonNull("publicBase", publicBase), Require.nonNull("clock", clock),
                Require.nonNull("ids", ids), Require.nonNull("sources", sources), Require.nonNull("course", course));
    }

    /**
     * The id of the one programme of a placement, derived from its context: two organisers creating
     * at once collide on it, so a placement never gets a second programme.
     */
    public static String programmeId(String contextId) {
        return "programme-" + Hashes.sha256Hex(contextId, 20);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public LocalizedText name() {
        return NAME;
    }

    @Override
    public LocalizedText description() {
        return DESCRIPTION;
    }

    @Override
    public String texts() {
        return TEXTS;
    }

    // ---- placing: the programme is made from a template on the organiser's first visit ----

    @Override
    public List<Views.Field> settingsFields(PageTexts texts, Map<String, String> form, Map<String, String> errors) {
        return List.of();
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts texts) {
        return Settings.accepted(Map.of());
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        return Map.of();
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return NAME.in(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return KIND;
    }

    // ---- everyone ----

    @Override
    public Entry enter(PageSession session) {
        String id = programmeId(session.contextId());
        find(session).ifPresent(p -> join(session.tenant(), p.value(), session.person(), ProgrammeRole.PARTICIPANT));
        return new Entry(id, session.language(), "timeline");
    }

    @Override
    public Answer handle(Call call) {
        PageSession session = call.session();
        String path = call.path();
        boolean organiser = session.role() == PageSession.Role.ORGANISER;
        if (path.equals("language") && call.post()) {
            return Answer.redirect(call.base() + "/timeline");
        }
        Optional<Versioned<Programme>> stored = find(session);
        if (stored.isPresent()) {
            Programme joined = join(session.tenant(), stored.get().value(), session.person(),
                    organiser ? ProgrammeRole.ORGANISER : ProgrammeRole.PARTICIPANT);
            stored = Optional.of(new Versioned<>(joined, stored.get().version()));
        }
        if (path.equals("timeline") && !call.post()) {
            return timeline(call, stored.map(Versioned::value));
        }
        if (stored.isPresent() && path.equals("reminders")) {
            return reminders(call);
        }
        if (stored.isPresent() && path.equals("calendar")) {
            return calendar(call, stored.get().value());
        }
        if (stored.isPresent() && path.startsWith("reflection/")) {
            return reflectionPages.learner(call, stored.get().value(), path.substring("reflection/".length()), path,
                    false, call.base() + "/timeline");
        }
        if (stored.isPresent() && path.startsWith("feedback/")) {
            return reflectionPages.coach(call, stored.get().value(), path.substring("feedback/".length()), path,
                    call.base() + "/timeline");
        }
        if (!organiser) {
            return Answer.notFound();
        }
        if (path.equals("dashboard") && !call.post()) {
            DashboardPage page = new DashboardPage(call.texts());
            return stored.isEmpty() ? page.empty(call) : page.show(call, stored.get().value(), figures(session,
                    stored.get().value()), contacts.uncertain(session.tenant(), stored.get().value().id()));
        }
        if (path.equals("dashboard.csv") && !call.post() && stored.isPresent()) {
            return new DashboardPage(call.texts()).csv(stored.get().value(), figures(session, stored.get().value()));
        }
        if (path.equals("course-calendar") && stored.isPresent()) {
            CourseCalendarPage page = new CourseCalendarPage(call, course);
            return call.post() ? page.publish(stored.get().value()) : page.show(stored.get().value());
        }
        ManagePage manage = new ManagePage(call, service, seen, roster, clock);
        if (path.equals("manage") && !call.post()) {
            return manage.show(stored.map(Versioned::value));
        }
        if (path.equals("create") && call.post()) {
            String id = programmeId(session.contextId());
            return manage.create(stored.map(Versioned::value),
                    ProgrammeService.of(programmes, reflections, ProgrammeEvents.none(), clock, () -> id));
        }
        if (path.equals("template-file") || path.startsWith("template-file/")) {
            return templateFile(call, path, manage, stored.map(Versioned::value));
        }
        if (stored.isEmpty()) {
            return Answer.redirect(call.base() + "/manage");
        }
        if (path.startsWith("event/") && call.post()) {
            return manage.changeEvent(stored.get().value(), path.substring("event/".length()));
        }
        if (path.startsWith("assignment/") && call.post()) {
            return manage.changeAssignment(stored.get().value(), path.substring("assignment/".length()));
        }
        if (path.equals("member") && call.post()) {
            return manage.addMember(stored.get().value());
        }
        if (path.equals("coach") && call.post()) {
            return manage.assignCoach(stored.get().value());
        }
        return Answer.notFound();
    }

    private Answer timeline(Call call, Optional<Programme> programme) {
        PageTexts t = call.texts();
        List<ProgrammeViews.NavLink> nav = nav(call, "timeline");
        if (programme.isEmpty()) {
            return Answer.page("programme/timeline.jte", new ProgrammeViews.TimelineView(
                    call.frame(t.t("timeline.title"), "timeline"), nav, "", "", false, List.of(), List.of(), List.of(),
                    null));
        }
        Programme p = programme.get();
        PersonId me = call.session().person();
        DoneForPerson done = DoneForPerson.of(sources, reflections, call.session().tenant(), p);
        var timeline = service.timeline(call.session().tenant(), p.id(), me, done.activities()).orElseThrow();
        boolean participant = p.has(me, ProgrammeRole.PARTICIPANT);
        boolean feedbackToGive = timeline.dueForMe().stream()
                .anyMatch(i -> i instanceof fi.kasvu.programme.TimelineItem.FeedbackToGive);
        TimelineItems items = new TimelineItems(call, p, feedbackToGive ? names(call.session()) : Map.of(),
                clock.instant()).marking(assignment -> participant && done.done(me, assignment));
        Language language = t.language();
        String intro = t.t("timeline.intro", ProgrammeForms.day(p.starts(), language),
                ProgrammeForms.day(p.ends(), language), p.zone().getId());
        return Answer.page("programme/timeline.jte", new ProgrammeViews.TimelineView(
                call.frame(t.t("timeline.title"), "timeline"), nav, p.title().in(language), intro, true,
                items.of(timeline.dueForMe(), true), items.of(timeline.next(), false),
                items.of(timeline.happened(), false), call.base() + "/calendar"));
    }

    /** The organiser's page creating the programme from an agency's template file, and its downloadable examples. */
    private Answer templateFile(Call call, String path, ManagePage manage, Optional<Programme> stored) {
        TemplateFilePage page = new TemplateFilePage(call, clock);
        if (path.startsWith("template-file/")) {
            return call.post() ? Answer.notFound() : page.example(path.substring("template-file/".length()));
        }
        if (!call.post()) {
            return page.show(stored);
        }
        String id = programmeId(call.session().contextId());
        return page.upload(stored, ProgrammeService.of(programmes, reflections, ProgrammeEvents.none(), clock,
                () -> id), manage::already);
    }

    /** The person's e-mail reminders: an address given (opting in) or reminders stopped. */
    private Answer reminders(Call call) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        String notice = "";
        List<Views.Message> errors = new ArrayList<>();
        String typed = call.param("email").strip();
        int status = 200;
        if (call.post() && contacts.available() && call.param("do").equals("subscribe")) {
            if (contacts.valid(typed)) {
                contacts.subscribe(session.tenant(), session.person(), typed, t.language());
                notice = t.t("reminders.notice.on", typed);
            } else {
                errors.add(new Views.Message("#f-email", t.t("reminders.error.email", ProgrammeForms.clip(typed))));
                status = 422;
            }
        } else if (call.post() && call.param("do").equals("stop")) {
            notice = contacts.stop(session.tenant(), session.person()) ? t.t("reminders.notice.off")
                    : t.t("reminders.notice.alreadyOff");
        } else if (call.post()) {
            return Answer.notFound();
        }
        String address = contacts.address(session.tenant(), session.person()).orElse("");
        Views.Field email = new Views.Field("email", t.t("reminders.email"), t.t("reminders.email.hint"),
                status == 422 ? typed : address, "text", 320, errors.isEmpty() ? null : errors.get(0).message(),
                List.of(), false, false);
        return Answer.page(status, "programme/reminders.jte", new ProgrammeViews.RemindersView(
                call.frame(t.t("reminders.title"), "reminders"), nav(call, "reminders"), errors, notice,
                contacts.available(), address, email, call.base() + "/timeline"));
    }

    /** The person's calendar subscription: made (its address shown once), renewed or revoked. */
    private Answer calendar(Call call, Programme programme) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        String address = null;
        String notice = "";
        if (call.post() && call.param("do").equals("new")) {
            String secret = calendars.renew(new CalendarSubscriptions.Subscriber(session.tenant(), programme.id(),
                    session.person(), t.language()));
            String base = publicBase.toString();
            address = (base.endsWith("/") ? base : base + "/") + "calendar/" + secret + ".ics";
            notice = t.t("calendar.notice.new");
        } else if (call.post() && call.param("do").equals("revoke")) {
            notice = calendars.revoke(session.tenant(), programme.id(), session.person())
                    ? t.t("calendar.notice.revoked") : t.t("calendar.notice.none");
        } else if (call.post()) {
            return Answer.notFound();
        }
        boolean active = calendars.active(session.tenant(), programme.id(), session.person());
        return Answer.page("programme/calendar.jte", new ProgrammeViews.CalendarView(
                call.frame(t.t("calendar.title"), "calendar"), nav(call, "calendar"), active, address, notice,
                call.base() + "/timeline"));
    }

    /** The organiser's navigation; empty for a learner. */
    static List<ProgrammeViews.NavLink> nav(Call call, String current) {
        if (call.session().role() != PageSession.Role.ORGANISER) {
            return List.of();
        }
        PageTexts t = call.texts();
        List<ProgrammeViews.NavLink> links = new ArrayList<>();
        for (String page : List.of("timeline", "manage", "dashboard")) {
            links.add(new ProgrammeViews.NavLink(call.base() + "/" + page, t.t("nav." + page), page.equals(current)));
        }
        return links;
    }

    /** The names of the people known in the placement: person id → name. */
    Map<String, String> names(PageSession session) {
        Map<String, String> names = new LinkedHashMap<>();
        seen.listByContext(session.tenant(), session.contextId()).documents().forEach(person -> {
            if (!person.value().name().isBlank() || !names.containsKey(person.value().subject())) {
                names.put(person.value().subject(), person.value().name());
            }
        });
        addRoster(names, roster, session);
        return names;
    }

    /**
     * Adds the course's learners from the platform's roster (names and memberships service) to
     * the people known from launches: a coach or participant can be given a role before they
     * first open the activity, and a name missing from a launch is filled in. A roster that cannot
     * be read leaves the launches' people as they are.
     */
    static void addRoster(Map<String, String> people, ClassRoster roster, PageSession session) {
        List<ClassRoster.Member> learners;
        try {
            learners = roster.learners(session);
        } catch (RuntimeException unavailable) {
            return;
        }
        for (ClassRoster.Member member : learners) {
            String id = member.person().value();
            String name = member.name() == null ? "" : member.name();
            if (!people.containsKey(id) || people.get(id).isBlank() && !name.isBlank()) {
                people.put(id, name);
            }
        }
    }

    /** The owner's figures of the placement's programme, counted now. */
    DashboardFigures figures(PageSession session, Programme programme) {
        return DashboardFigures.of(sources, session.tenant(), session.contextId(), programme,
                service.reflectionProgress(session.tenant(), programme.id()));
    }

    private Optional<Versioned<Programme>> find(PageSession session) {
        return programmes.find(session.tenant(), programmeId(session.contextId()));
    }

    /**
     * The programme with the person in the role: the platform says who learns and who teaches in
     * the course, so the change is made on behalf of the programme's first organiser.
     */
    private Programme join(TenantId tenant, Programme programme, PersonId person, ProgrammeRole role) {
        if (programme.has(person, role)) {
            return programme;
        }
        Result<Versioned<Programme>, ProgrammeProblem> joined = service.change(tenant, programme.id(), (p, at) ->
                p.has(person, role) ? Result.accepted(p)
                        : p.addMember(p.withRole(ProgrammeRole.ORGANISER).get(0), new Member(person, role), at));
        return joined.isAccepted() ? joined.orElseThrow().value() : programme;
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return "manage";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        Optional<Versioned<Programme>> stored = find(session);
        List<ReflectionView.Progress> progress = stored.map(p -> service.reflectionProgress(session.tenant(),
                p.value().id())).orElse(List.of());
        Map<String, String> names = new LinkedHashMap<>(people);
        stored.ifPresent(p -> p.value().withRole(ProgrammeRole.PARTICIPANT).forEach(person ->
                names.putIfAbsent(person.value(), "")));
        names.remove(session.person().value());
        int reflectionsToWrite = stored.map(p -> (int) p.value().assignments().stream()
                .filter(a -> a.fulfilledBy() instanceof fi.kasvu.programme.Fulfilment.Reflection).count()).orElse(0);
        int[] counts = new int[3];
        List<Row> rows = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue().isBlank() ? t.t("progress.unnamed", unnamed++) : entry.getValue();
            long submitted = progress.stream().filter(r -> r.learner().value().equals(entry.getKey())
                    && r.status() != ReflectionView.Status.DRAFT).count();
            long feedback = progress.stream().filter(r -> r.learner().value().equals(entry.getKey())
                    && r.status() == ReflectionView.Status.FEEDBACK_GIVEN).count();
            boolean all = reflectionsToWrite > 0 && submitted >= reflectionsToWrite;
            counts[submitted == 0 ? 0 : all ? 2 : 1]++;
            rows.add(new Row(entry.getKey(), name, List.of(t.t("progress.ofTotal", submitted, reflectionsToWrite),
                    Long.toString(feedback)), List.of(), all));
        }
        rows.sort(java.util.Comparator.comparing(Row::name));
        List<String> labels = List.of(t.t("progress.none"), t.t("progress.some"), t.t("progress.all"));
        int max = Math.max(1, Math.max(counts[0], Math.max(counts[1], counts[2])));
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 84, 210 - height, height));
        }
        return new Progress(List.of(t.t("progress.submitted"), t.t("progress.feedback")), rows, bars,
                t.t("progress.chart"), t.t("progress.intro"));
    }

    /** The programme placement itself carries no score: its reflections are graded in their own placements. */
    @Override
    public Completion completion(TenantId tenant, String documentId) {
        return Completion.notYet();
    }

    /**
     * A programme is never graded itself: it is the frame, and its assignments are graded in their
     * own placements (a reflection assignment, a development plan, …). The picker offers no grading
     * for it (before, it offered one that no completion could ever fill).
     */
    @Override
    public boolean gradable() {
        return false;
    }

    ProgrammeService service() {
        return service;
    }

    ReflectionAssignments reflections() {
        return reflections;
    }

    /** The name of an event kind, for the templates. */
    static String eventKind(fi.kasvu.programme.EventKind kind, Language language) {
        return ProgrammeMessages.eventKind(kind, language);
    }
}
