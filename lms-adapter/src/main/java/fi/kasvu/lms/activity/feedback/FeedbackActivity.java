package fi.kasvu.lms.activity.feedback;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.feedback.Feedback360Report;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackAssessments;
import fi.kasvu.feedback.FeedbackEvents;
import fi.kasvu.feedback.FeedbackProblem;
import fi.kasvu.feedback.FeedbackService;
import fi.kasvu.feedback.Invitation;
import fi.kasvu.feedback.Invitee;
import fi.kasvu.feedback.IssuedLink;
import fi.kasvu.feedback.LinkTokens;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.ReportGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.feedback.ResponseCounts;
import fi.kasvu.i18n.CompetenceSets;
import fi.kasvu.i18n.FeedbackMessages;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.PublicCall;
import fi.kasvu.lms.web.PublicPages;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.When;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.PlanEvents;
import fi.kasvu.plan.PlanProblem;
import fi.kasvu.plan.PlanService;
import fi.kasvu.survey.AnonymityThreshold;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The 360 assessment as an LMS activity (seed 003): each learner is the subject of their own
 * assessment. They invite raters from the course roster, or make single-use links for raters
 * outside the LMS, answer for themselves, see how many answered per group (never who), close the
 * assessment and read their report, which they may share with the teacher and turn into a
 * development plan. Roster raters answer on the same activity's pages; link raters on the public
 * page {@code /pages/r/feedback-360/<token>}, without an account. The teacher sees counts and
 * completion, and a report only when its subject shares it.
 */
public final class FeedbackActivity implements Activity, PublicPages {

    /** The kind's id. */
    public static final String KIND = "feedback-360";

    /** The base name of the kind's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.feedback.messages";

    /** The custom parameter holding how many days invitations and links stay open. */
    static final String DAYS = "kasvu_rater_days";

    static final int DEFAULT_DAYS = 14, MAX_DAYS = 90;

    /** How long a link's lookup outlives the link, so that late raters hear it expired. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(60);

    private static final List<RaterGroup> INVITED_GROUPS = List.of(RaterGroup.SUPERVISOR, RaterGroup.PEERS,
            RaterGroup.DIRECT_REPORTS, RaterGroup.OTHERS);

    private static final LocalizedText NAME = LocalizedText.of("360-arviointi", "360-bedömning", "360 assessment");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Jokainen oppija kutsuu arvioijia (esihenkilö, kollegat, alaiset, muut) ja saa oman raporttinsa. "
                    + "Näet vastausmäärät ja valmistumisen; raportin vain, jos oppija jakaa sen.",
            "Varje studerande bjuder in bedömare (chef, kolleger, medarbetare, andra) och får sin egen rapport. "
                    + "Du ser antalet svar och om bedömningen är klar; rapporten bara om den studerande delar den.",
            "Each learner invites raters (supervisor, peers, direct reports, others) and gets their own report. "
                    + "You see response counts and completion; a report only when its learner shares it.");

    private final FeedbackAssessments assessments;
    private final FeedbackService service;
    private final PlanService plans;
    private final ClassRoster roster;
    private final RaterLinks links;
    private final Clock clock;
    private final URI publicBase;

    private FeedbackActivity(FeedbackAssessments assessments, DevelopmentPlans plans, ClassRoster roster,
                             RaterLinks links, Clock clock, IdGenerator ids, LinkTokens tokens, URI publicBase) {
        this.assessments = assessments;
        this.service = FeedbackService.of(assessments, FeedbackEvents.none(), clock, ids, tokens,
                AnonymityThreshold.standard());
        this.plans = PlanService.of(plans, PlanEvents.none(), clock, ids);
        this.roster = roster;
        this.links = links;
        this.clock = clock;
        this.publicBase = publicBase;
    }

    /**
     * The 360 activity.
     *
     * @param ids        random ids (answers are kept in id order, so a counter would reveal arrival order)
     * @param tokens     the secrets of rater links (at least 128 random bits each)
     * @param publicBase the tool's public base URL, which rater links start with
     * @throws NullPointerException if an argument is null
     */
    public static FeedbackActivity of(FeedbackAssessments assessments, DevelopmentPlans plans, ClassRoster roster,
                                      RaterLinks links, Clock clock, IdGenerator ids, LinkTokens tokens,
                                      URI publicBase) {
        return new FeedbackActivity(Require.nonNull("assessments", assessments), Require.nonNull("plans", plans),
                Require.nonNull("roster", roster), Require.nonNull("links", links), Require.nonNull("clock", clock),
                Require.nonNull("ids", ids), Require.nonNull("tokens", tokens), Require.nonNull("publicBase", publicBase));
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

    // ---- placing ----

    @Override
    public List<Views.Field> settingsFields(PageTexts t, Map<String, String> form, Map<String, String> errors) {
        return List.of(new Views.Field("days", t.t("picker.days"), t.t("picker.days.hint", MAX_DAYS),
                form.getOrDefault("days", Integer.toString(DEFAULT_DAYS)), "number", 2, errors.get("days"), List.of(),
                false, false));
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts t) {
        int days = parseDays(form.getOrDefault("days", ""));
        if (days < 1) {
            return Settings.refused(Map.of("days", t.t("picker.error.days", MAX_DAYS)));
        }
        return Settings.accepted(Map.of(DAYS, Integer.toString(days)));
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        int days = parseDays(custom.getOrDefault(DAYS, ""));
        return Map.of(DAYS, Integer.toString(days < 1 ? DEFAULT_DAYS : days));
    }

    private static int parseDays(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            return days >= 1 && days <= MAX_DAYS ? days : 0;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return NAME.in(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return KIND;
    }

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        FeedbackAssessment own = findOrOpen(session).value();
        return new Entry(own.id(), session.language(), "feedback");
    }

    private Versioned<FeedbackAssessment> findOrOpen(PageSession session) {
        return own(session).orElseGet(() -> service.open(session.tenant(), session.person(), session.contextId(),
                CompetenceSets.coachingLeadership(), false));
    }

    /** The learner's own assessment in the session's activity. */
    private Optional<Versioned<FeedbackAssessment>> own(PageSession session) {
        return assessments.listByOwner(session.tenant(), session.person()).documents().stream()
                .filter(v -> session.contextId().equals(v.value().context()))
                .max(Comparator.comparing(v -> v.value().created()));
    }

    @Override
    public Answer handle(Call call) {
        if (call.session().role() == PageSession.Role.ORGANISER) {
            return new ManagePage(service, assessments, roster, clock, openFor(call.session())).handle(call);
        }
        if (call.session().role() != PageSession.Role.LEARNER) {
            return Answer.notFound();
        }
        String rest = call.path();
        if (rest.equals("language")) {
            return Answer.redirect(call.base() + "/start");
        }
        Versioned<FeedbackAssessment> stored = own(call.session())
                .orElseThrow(() -> new NoSuchElementException("no 360 assessment in this session"));
        if (rest.equals("feedback") && !call.post()) {
            return home(call, stored.value(), List.of(), notice(call), "", null);
        }
        if (rest.startsWith("feedback/rate/")) {
            return rate(call, rest.substring("feedback/rate/".length()));
        }
        if (rest.equals("feedback/self")) {
            return self(call, stored.value());
        }
        if (rest.equals("feedback/report") && !call.post()) {
            return report(call, stored.value(), List.of(), notice(call));
        }
        if (!call.post()) {
            return Answer.notFound();
        }
        return switch (rest) {
            case "feedback/consent" -> consent(call, stored.value());
            case "feedback/invite" -> invite(call, stored.value());
            case "feedback/link" -> link(call, stored.value());
            case "feedback/close" -> close(call, stored.value());
            case "feedback/withdraw" -> withdraw(call, stored.value());
            case "feedback/share" -> share(call, stored.value());
            case "feedback/plan" -> plan(call, stored.value());
            default -> Answer.notFound();
        };
    }

    private static final Set<String> NOTICES = Set.of("invited", "consent", "self", "rated", "closed", "shared",
            "unshared", "plan", "withdrawn");

    private static String notice(Call call) {
        String done = call.param("done");
        return NOTICES.contains(done) ? call.texts().t("notice." + done) : "";
    }

    Duration openFor(PageSession session) {
        return Duration.ofDays(Integer.parseInt(readCustom(session.placement().settings()).get(DAYS)));
    }

    private Answer home(Call call, FeedbackAssessment own, List<Views.Message> errors, String notice, String issuedLink,
                        Map<String, String> form) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        Map<String, String> values = form == null ? Map.of() : form;
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(m -> fieldErrors.put(m.target().substring(1), m.message()));
        List<ClassRoster.Member> members = roster.learners(session);
        Map<PersonId, String> names = names(members, t);
        List<Views.Choice> people = new ArrayList<>();
        people.add(new Views.Choice("", t.t("home.rater.choose"), values.getOrDefault("rater", "").isEmpty(), ""));
        for (ClassRoster.Member member : members) {
            if (!member.person().equals(own.subject())) {
                people.add(new Views.Choice(member.subject(), names.get(member.person()),
                        member.subject().equals(values.get("rater")), ""));
            }
        }
        Views.Field rater = new Views.Field("rater", t.t("home.rater"), members.isEmpty() ? t.t("home.rater.noRoster") : "",
                "", "select", 0, fieldErrors.get("f-rater"), people, false, false);
        Views.Field group = new Views.Field("group", t.t("home.group"), "", "", "select", 0, fieldErrors.get("f-group"),
                groupChoices(values.getOrDefault("group", "PEERS"), t), false, false);
        Views.Field linkGroup = new Views.Field("linkgroup", t.t("home.group"), "", "", "select", 0,
                fieldErrors.get("f-linkgroup"), groupChoices(values.getOrDefault("linkgroup", "OTHERS"), t), false, false);
        List<FeedbackViews.Invited> invited = invitedList(own, names, t);
        ResponseCounts counts = own.progress();
        List<FeedbackViews.CountRow> rows = new ArrayList<>();
        for (RaterGroup g : INVITED_GROUPS) {
            rows.add(new FeedbackViews.CountRow(FeedbackMessages.raterGroup(g, t.language()), counts.invited().get(g),
                    counts.answered().get(g)));
        }
        boolean consentOpen = !own.closed() && (own.supervisorShownApart() || own.responses().isEmpty());
        Views.Field consent = consentOpen ? new Views.Field("consent", t.t("home.consent"), t.t("home.consent.hint"), "",
                "checkbox", 0, fieldErrors.get("f-consent"), List.of(), own.supervisorShownApart(), false) : null;
        String consentNote = t.t(own.supervisorShownApart() ? "home.consent.given" : "home.consent.notGiven");
        List<FeedbackViews.ToRate> toRate = new ArrayList<>();
        Instant now = clock.instant();
        for (Versioned<FeedbackAssessment> other : assessments.listByContext(session.tenant(), session.contextId())
                .documents()) {
            FeedbackAssessment a = other.value();
            if (a.closed() || a.subject().equals(session.person())) {
                continue;
            }
            openInvitationOf(a, session.person(), now).ifPresent(invitation -> toRate.add(new FeedbackViews.ToRate(
                    names.getOrDefault(a.subject(), t.t("home.unnamed")), call.base() + "/feedback/rate/" + a.id(),
                    When.format(invitation.expiresAt(), t.language()))));
        }
        toRate.sort(Comparator.comparing(FeedbackViews.ToRate::name));
        String linkUntil = issuedLink.isEmpty() ? "" : When.format(now.plus(openFor(session)), t.language());
        return Answer.page(errors.isEmpty() ? 200 : 422, "feedback/home.jte", new FeedbackViews.HomeView(
                call.frame(t.t("home.title"), "feedback"), errors, notice, own.closed(), own.self() != null, consent,
                consentNote, rater, group, linkGroup, invited, issuedLink, linkUntil, rows, counts.totalAnswered(),
                !own.closed(), toRate));
    }

    /**
     * The live invitations, roster people by name and links by their expiry, sorted by label: an
     * answered invitation is listed like a pending one, so the list never tells who answered.
     */
    static List<FeedbackViews.Invited> invitedList(FeedbackAssessment a, Map<PersonId, String> names,
                                                           PageTexts t) {
        List<FeedbackViews.Invited> invited = new ArrayList<>();
        for (Invitation invitation : a.invitations()) {
            if (invitation.status() == Invitation.Status.WITHDRAWN) {
                continue;
            }
            String group = FeedbackMessages.raterGroup(invitation.group(), t.language());
            String label = invitation.invitee() instanceof Invitee.Roster r
                    ? names.getOrDefault(r.person(), t.t("home.unnamed")) + " – " + group
                    : t.t("home.invited.link", group, When.format(invitation.expiresAt(), t.language()));
            invited.add(new FeedbackViews.Invited(label, invitation.id()));
        }
        invited.sort(Comparator.comparing(FeedbackViews.Invited::label));
        return invited;
    }

    static Map<PersonId, String> names(List<ClassRoster.Member> members, PageTexts t) {
        Map<PersonId, String> names = new LinkedHashMap<>();
        int unnamed = 1;
        for (ClassRoster.Member member : members) {
            names.put(member.person(), member.name().isBlank() ? t.t("home.unnamedNumber", unnamed++) : member.name());
        }
        return names;
    }

    static List<Views.Choice> groupChoices(String selected, PageTexts t) {
        List<Views.Choice> choices = new ArrayList<>();
        for (RaterGroup g : INVITED_GROUPS) {
            choices.add(new Views.Choice(g.name(), FeedbackMessages.raterGroup(g, t.language()), g.name().equals(selected), ""));
        }
        return choices;
    }

    private static Optional<Invitation> openInvitationOf(FeedbackAssessment a, PersonId person, Instant now) {
        return a.invitations().stream().filter(i -> i.invitee() instanceof Invitee.Roster r
                && r.person().equals(person) && i.open(now)).findFirst();
    }

    static Optional<RaterGroup> group(String value) {
        return INVITED_GROUPS.stream().filter(g -> g.name().equals(value)).findFirst();
    }

    private Answer consent(Call call, FeedbackAssessment own) {
        boolean given = "on".equals(call.param("consent"));
        var result = service.supervisorShownApart(call.session().tenant(), own.id(), call.session().person(), given);
        return result.isAccepted() ? Answer.redirect(call.base() + "/feedback?done=consent")
                : home(call, own, problems(result.problems(), "#f-consent", call.texts()), "", "", null);
    }

    private Answer invite(Call call, FeedbackAssessment own) {
        PageTexts t = call.texts();
        Map<String, String> form = Map.of("rater", call.param("rater"), "group", call.param("group"));
        List<Views.Message> errors = new ArrayList<>();
        Optional<ClassRoster.Member> member = roster.learners(call.session()).stream()
                .filter(m -> m.subject().equals(call.param("rater"))).findFirst();
        if (member.isEmpty()) {
            errors.add(new Views.Message("#f-rater", t.t("home.error.rater")));
        }
        Optional<RaterGroup> group = group(call.param("group"));
        if (group.isEmpty()) {
            errors.add(new Views.Message("#f-group", t.t("home.error.group")));
        }
        if (!errors.isEmpty()) {
            return home(call, own, errors, "", "", form);
        }
        var result = service.invite(call.session().tenant(), own.id(), Requester.person(call.session().person()),
                member.get().person(), group.get(), clock.instant().plus(openFor(call.session())));
        return result.isAccepted() ? Answer.redirect(call.base() + "/feedback?done=invited")
                : home(call, own, problems(result.problems(), "#f-rater", t), "", "", form);
    }

    private Answer link(Call call, FeedbackAssessment own) {
        PageTexts t = call.texts();
        Optional<RaterGroup> group = group(call.param("linkgroup"));
        if (group.isEmpty()) {
            return home(call, own, List.of(new Views.Message("#f-linkgroup", t.t("home.error.group"))), "", "",
                    Map.of("linkgroup", call.param("linkgroup")));
        }
        Instant expires = clock.instant().plus(openFor(call.session()));
        Result<IssuedLink, FeedbackProblem> result = service.issueLink(call.session().tenant(), own.id(),
                Requester.person(call.session().person()), group.get(), expires);
        if (!result.isAccepted()) {
            return home(call, own, problems(result.problems(), "#f-linkgroup", t), "", "", null);
        }
        IssuedLink issued = result.orElseThrow();
        links.remember(LinkTokens.hash(issued.token()), new RaterLinks.Target(call.session().tenant(), own.id()),
                expires.plus(KEEP_AFTER_EXPIRY));
        String url = publicBase.resolve("pages/r/" + KIND + "/" + issued.token()).toString();
        return home(call, issued.assessment(), List.of(), t.t("notice.link"), url, null);
    }

    /** Withdraws one of the subject's own live invitations (a stale tab's second try is told it is no longer pending). */
    private Answer withdraw(Call call, FeedbackAssessment own) {
        String id = call.param("invitation");
        if (!id.matches("[A-Za-z0-9._:-]{1,200}")) {
            return home(call, own, List.of(new Views.Message("#invited", call.texts().t("home.error.invitation"))), "",
                    "", null);
        }
        var result = service.withdraw(call.session().tenant(), own.id(), Requester.person(call.session().person()), id);
        return result.isAccepted() ? Answer.redirect(call.base() + "/feedback?done=withdrawn")
                : home(call, own, problems(result.problems(), "#invited", call.texts()), "", "", null);
    }

    private Answer close(Call call, FeedbackAssessment own) {
        var result = service.close(call.session().tenant(), own.id(), Requester.person(call.session().person()));
        return result.isAccepted() ? new Answer.Completed(Answer.redirect(call.base() + "/feedback/report?done=closed"))
                : home(call, own, problems(result.problems(), "#close", call.texts()), "", "", null);
    }

    private Answer share(Call call, FeedbackAssessment own) {
        boolean shared = "yes".equals(call.param("share"));
        var result = service.shareReport(call.session().tenant(), own.id(), call.session().person(), shared);
        return result.isAccepted() ? Answer.redirect(call.base() + "/feedback/report?done=" + (shared ? "shared" : "unshared"))
                : report(call, own, problems(result.problems(), "#share", call.texts()), "");
    }

    private Answer plan(Call call, FeedbackAssessment own) {
        PageTexts t = call.texts();
        Result<Feedback360Report, FeedbackProblem> report = own.reportFor(Requester.person(call.session().person()),
                AnonymityThreshold.standard());
        if (!report.isAccepted()) {
            return report(call, own, problems(report.problems(), "#plan", t), "");
        }
        List<String> picked = new ArrayList<>();
        call.all().getOrDefault("goal", new String[0]);
        for (String id : call.all().getOrDefault("goal", new String[0])) {
            if (own.set().statement(id).isPresent() && !picked.contains(id)) {
                picked.add(id);
            }
        }
        var made = plans.fromFeedback360(call.session().tenant(), report.orElseThrow(), call.session().person(),
                t.t("plan.title", When.format(own.created(), t.language())), picked, t.language(),
                call.session().contextId());
        if (!made.isAccepted()) {
            List<Views.Message> errors = new ArrayList<>();
            for (PlanProblem problem : made.problems()) {
                errors.add(new Views.Message("#plan", fi.kasvu.i18n.PracticeMessages.message(problem, t.language())));
            }
            return report(call, own, errors, "");
        }
        return Answer.redirect(call.base() + "/feedback/report?done=plan");
    }

    static List<Views.Message> problems(List<? extends Problem> problems, String target, PageTexts t) {
        List<Views.Message> messages = new ArrayList<>();
        for (Problem problem : problems) {
            messages.add(new Views.Message(target, FeedbackMessages.message(problem, t.language())));
        }
        return messages;
    }

    // ---- answering ----

    private Answer self(Call call, FeedbackAssessment own) {
        PageTexts t = call.texts();
        if (own.closed()) {
            return Answer.redirect(call.base() + "/feedback/report");
        }
        if (!call.post()) {
            return answerPage(call.frame(t.t("self.title"), "feedback/self"), t, t.t("self.title"), t.t("self.intro"),
                    call.base() + "/feedback/self", call.session().csrf(),
                    AnswerForm.values(own.self() == null ? null : new fi.kasvu.feedback.Answers(own.self().ratings(),
                            own.self().strengths(), own.self().developmentAreas())), Map.of(), List.of(),
                    call.base() + "/feedback", own);
        }
        AnswerForm.Read read = AnswerForm.read(own.set(), call.parameters(), t);
        Map<String, String> errors = new LinkedHashMap<>(read.errors());
        if (read.answers() != null) {
            var result = service.answerAsSelf(call.session().tenant(), own.id(), call.session().person(), read.answers());
            if (result.isAccepted()) {
                return Answer.redirect(call.base() + "/feedback?done=self");
            }
            result.problems().forEach(p -> errors.put("form", FeedbackMessages.message(p, t.language())));
        }
        return answerPage(call.frame(t.t("self.title"), "feedback/self"), t, t.t("self.title"), t.t("self.intro"),
                call.base() + "/feedback/self", call.session().csrf(), read.values(), errors, List.of(),
                call.base() + "/feedback", own);
    }

    /** A roster rater's page for another learner's assessment they were invited to. */
    private Answer rate(Call call, String assessmentId) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        if (!assessmentId.matches("[A-Za-z0-9._:-]{1,200}")) {
            return Answer.notFound();
        }
        Optional<Versioned<FeedbackAssessment>> found = assessments.find(session.tenant(), assessmentId)
                .filter(v -> session.contextId().equals(v.value().context()))
                .filter(v -> !v.value().subject().equals(session.person()));
        if (found.isEmpty() || found.get().value().invitations().stream().noneMatch(i ->
                i.invitee() instanceof Invitee.Roster r && r.person().equals(session.person()))) {
            return Answer.notFound();
        }
        FeedbackAssessment a = found.get().value();
        String name = names(roster.learners(session), t).getOrDefault(a.subject(), t.t("home.unnamed"));
        String heading = t.t("rate.title", name);
        String action = call.base() + "/feedback/rate/" + a.id();
        if (!call.post()) {
            Instant now = clock.instant();
            if (openInvitationOf(a, session.person(), now).isEmpty()) {
                var refused = a.answerAsInvited(session.person(), "check", fi.kasvu.feedback.Answers.of(
                        Map.of(a.set().statements().get(0).id(), 3)), now);
                String why = refused.isAccepted() ? t.t("rate.closed")
                        : FeedbackMessages.message(refused.problems().get(0), t.language());
                return home(call, own(session).orElseThrow().value(),
                        List.of(new Views.Message("#to-rate", why)), "", "", null);
            }
            return answerPage(call.frame(heading, "feedback"), t, heading, t.t("rate.intro", name), action,
                    session.csrf(), Map.of(), Map.of(), List.of(), call.base() + "/feedback", a);
        }
        AnswerForm.Read read = AnswerForm.read(a.set(), call.parameters(), t);
        Map<String, String> errors = new LinkedHashMap<>(read.errors());
        if (read.answers() != null) {
            var result = service.answerAsInvited(session.tenant(), a.id(), session.person(), read.answers());
            if (result.isAccepted()) {
                return Answer.redirect(call.base() + "/feedback?done=rated");
            }
            result.problems().forEach(p -> errors.put("form", FeedbackMessages.message(p, t.language())));
        }
        return answerPage(call.frame(heading, "feedback"), t, heading, t.t("rate.intro", name), action, session.csrf(),
                read.values(), errors, List.of(), call.base() + "/feedback", a);
    }

    private static Answer answerPage(Views.Frame frame, PageTexts t, String heading, String intro, String action,
                                     String csrf, Map<String, String> values, Map<String, String> errors,
                                     List<FeedbackViews.LanguageLink> languages, String back, FeedbackAssessment a) {
        List<Views.Message> messages = AnswerForm.messages(errors);
        return Answer.page(errors.isEmpty() ? 200 : 422, "feedback/answer.jte", new FeedbackViews.AnswerView(frame,
                messages, heading, intro, action, csrf, AnswerForm.themes(a.set(), values, errors, t),
                AnswerForm.comment(AnswerForm.STRENGTHS, values, errors, t),
                AnswerForm.comment(AnswerForm.DEVELOPMENT, values, errors, t), t.t("answer.send"), languages, back));
    }

    // ---- the public page of link raters ----

    @Override
    public Answer handlePublic(PublicCall call) {
        PageTexts t = call.texts();
        String token = call.path();
        List<FeedbackViews.LanguageLink> languages = languageLinks(call, token);
        if (!token.matches("[A-Za-z0-9_-]{22,200}")) {
            return refusal(call, 404, new FeedbackProblem.LinkUnknown(), languages);
        }
        String hash = LinkTokens.hash(token);
        Instant now = clock.instant();
        Optional<RaterLinks.Target> target = links.find(hash, now);
        Optional<Versioned<FeedbackAssessment>> found = target.flatMap(tg -> assessments.find(tg.tenant(),
                tg.assessmentId()));
        Optional<Invitation> invitation = found.flatMap(v -> v.value().invitations().stream()
                .filter(i -> i.invitee() instanceof Invitee.Link l && l.tokenHash().equals(hash)).findFirst());
        if (invitation.isEmpty()) {
            return refusal(call, 404, new FeedbackProblem.LinkUnknown(), languages);
        }
        FeedbackAssessment a = found.get().value();
        String action = call.base() + "/" + token + "?lang=" + t.language().code();
        if (!call.post()) {
            Optional<FeedbackProblem> why = linkProblem(a, invitation.get(), now);
            if (why.isPresent()) {
                return refusal(call, 410, why.get(), languages);
            }
            return answerPage(call.frame(t.t("link.title")), t, t.t("link.title"), t.t("link.intro",
                    When.format(invitation.get().expiresAt(), t.language())), action, "", Map.of(), Map.of(), languages,
                    "", a);
        }
        AnswerForm.Read read = AnswerForm.read(a.set(), call.parameters(), t);
        if (read.answers() == null) {
            return answerPage(call.frame(t.t("link.title")), t, t.t("link.title"), t.t("link.intro",
                    When.format(invitation.get().expiresAt(), t.language())), action, "", read.values(), read.errors(),
                    languages, "", a);
        }
        var result = service.answerByLink(target.get().tenant(), a.id(), token, read.answers());
        if (!result.isAccepted()) {
            return refusal(call, 410, result.problems().get(0), languages);
        }
        return Answer.page("feedback/message.jte", new FeedbackViews.MessageView(call.frame(t.t("link.thanks.title")),
                t.t("link.thanks.title"), t.t("link.thanks.text"), languages));
    }

    private static Optional<FeedbackProblem> linkProblem(FeedbackAssessment a, Invitation invitation, Instant now) {
        if (a.closed()) {
            return Optional.of(new FeedbackProblem.AssessmentClosed());
        }
        return switch (invitation.status()) {
            case ANSWERED -> Optional.of(new FeedbackProblem.InvitationUsed());
            case WITHDRAWN -> Optional.of(new FeedbackProblem.InvitationWithdrawn());
            case PENDING -> invitation.open(now) ? Optional.empty()
                    : Optional.of(new FeedbackProblem.InvitationExpired(invitation.expiresAt()));
        };
    }

    private static Answer refusal(PublicCall call, int status, FeedbackProblem problem,
                                  List<FeedbackViews.LanguageLink> languages) {
        PageTexts t = call.texts();
        String heading = t.t(status == 404 ? "link.unknown.title" : "link.closed.title");
        return Answer.page(status, "feedback/message.jte", new FeedbackViews.MessageView(call.frame(heading), heading,
                FeedbackMessages.message(problem, t.language()), languages));
    }

    private static List<FeedbackViews.LanguageLink> languageLinks(PublicCall call, String token) {
        String path = token.matches("[A-Za-z0-9_-]{1,200}") ? call.base() + "/" + token : call.base() + "/";
        List<FeedbackViews.LanguageLink> links = new ArrayList<>();
        for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
            links.add(new FeedbackViews.LanguageLink(language.code(), switch (language) {
                case FI -> "Suomi";
                case SV -> "Svenska";
                case EN -> "English";
            }, path + "?lang=" + language.code(), language == call.texts().language()));
        }
        return links;
    }

    // ---- the report ----

    private Answer report(Call call, FeedbackAssessment own, List<Views.Message> errors, String notice) {
        PageTexts t = call.texts();
        Result<Feedback360Report, FeedbackProblem> result = own.reportFor(Requester.person(call.session().person()),
                AnonymityThreshold.standard());
        if (!result.isAccepted()) {
            return home(call, own, problems(result.problems(), "#report", t), "", "", null);
        }
        return Answer.page(errors.isEmpty() ? 200 : 422, "feedback/report.jte",
                ReportPage.view(call.frame(t.t("report.title"), "feedback/report"), result.orElseThrow(), errors,
                        notice, own.reportShared(), t));
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return ManagePage.PATH;
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        Map<String, String> names = new LinkedHashMap<>(people);
        Map<String, FeedbackAssessment> bySubject = new LinkedHashMap<>();
        for (Versioned<FeedbackAssessment> stored : assessments.listByContext(session.tenant(), session.contextId())
                .documents()) {
            FeedbackAssessment a = stored.value();
            names.putIfAbsent(a.subject().value(), "");
            FeedbackAssessment current = bySubject.get(a.subject().value());
            if (current == null || current.created().isBefore(a.created())) {
                bySubject.put(a.subject().value(), a);
            }
        }
        names.remove(session.person().value());
        int notStarted = 0, collecting = 0, closed = 0;
        List<Row> rows = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue().isBlank() ? t.t("progress.unnamed", unnamed++) : entry.getValue();
            FeedbackAssessment a = bySubject.get(entry.getKey());
            if (a == null) {
                notStarted++;
                rows.add(new Row(entry.getKey(), name, List.of("–", "–", t.t("progress.no"), t.t("progress.no")),
                        List.of(), false));
                continue;
            }
            ResponseCounts counts = a.progress();
            if (a.closed()) {
                closed++;
            } else {
                collecting++;
            }
            List<Views.SharedPart> shared = new ArrayList<>();
            if (a.closed() && a.reportShared()) {
                a.reportFor(Requester.teacher(session.person()), AnonymityThreshold.standard())
                        .map(report -> ReportPage.sharedPart(report, t)).orElse(Optional.empty()).ifPresent(shared::add);
            }
            rows.add(new Row(entry.getKey(), name, List.of(Integer.toString(counts.totalInvited()),
                    Integer.toString(counts.totalAnswered()), counts.selfAnswered() ? t.t("progress.yes") : t.t("progress.no"),
                    a.closed() ? t.t("progress.yes") : t.t("progress.no")), shared, a.closed()));
        }
        rows.sort(Comparator.comparing(Row::name));
        int[] counts = {notStarted, collecting, closed};
        List<String> labels = List.of(t.t("progress.notStarted"), t.t("progress.collecting"), t.t("progress.closed"));
        int max = Math.max(1, Math.max(notStarted, Math.max(collecting, closed)));
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 168, 210 - height, height));
        }
        return new Progress(List.of(t.t("progress.invited"), t.t("progress.answered"), t.t("progress.self"),
                t.t("progress.isClosed")), rows, bars, t.t("progress.chart"), t.t("progress.intro"));
    }

    // ---- completion ----

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        if (documentId == null || documentId.isEmpty()) {
            return Completion.notYet();
        }
        return assessments.find(tenant, documentId).filter(v -> v.value().closed())
                .map(v -> Completion.full()).orElse(Completion.notYet());
    }

    static String format(double value, Language language) {
        return String.format(language.locale(), "%.1f", value);
    }

    static String groupName(ReportGroup group, Language language) {
        return FeedbackMessages.reportGroup(group, language);
    }

    static Locale locale(Language language) {
        return language.locale();
    }
}
