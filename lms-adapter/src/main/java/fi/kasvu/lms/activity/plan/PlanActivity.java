package fi.kasvu.lms.activity.plan;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.i18n.PracticeMessages;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.When;
import fi.kasvu.plan.DevelopmentGoal;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.PlanAction;
import fi.kasvu.plan.PlanEvents;
import fi.kasvu.plan.PlanProblem;
import fi.kasvu.plan.PlanService;
import fi.kasvu.plan.PlanSource;
import fi.kasvu.plan.PlanTeam;
import fi.kasvu.plan.PlanTeams;
import fi.kasvu.plan.Review;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The development plan as an LMS activity (seed 003): goals, actions per goal, how progress is
 * followed up, and reviews with dates and notes (core's {@link DevelopmentPlan}). A learner's
 * plans are theirs wherever they were made (written here, from a 360 report or from a completed
 * GROW exercise). The owner may share a plan with members of their own team picked from the
 * roster, who read it and comment; the owner can stop sharing at any time. The teacher sees only
 * whether a plan exists and is complete, never its content.
 */
public final class PlanActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "development-plan";

    /** The base name of the kind's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.plan.messages";

    /** How many days ahead a review shows as a reminder. */
    static final int REMIND_DAYS = 7;

    static final int MAX_TEXT = 2000;

    private static final LocalizedText NAME = LocalizedText.of("Kehittymissuunnitelma", "Utvecklingsplan",
            "Development plan");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Oppijat kirjaavat tavoitteet, toimenpiteet, seurannan ja seurantakerrat, ja voivat jakaa suunnitelman "
                    + "omalle tiimilleen. Näet, onko suunnitelma tehty, et sen sisältöä.",
            "De studerande skriver mål, åtgärder, uppföljning och uppföljningstillfällen och kan dela planen med sitt "
                    + "eget team. Du ser om planen är gjord, inte dess innehåll.",
            "Learners write goals, actions, follow-up and reviews, and may share the plan with their own team. "
                    + "You see whether a plan is done, not its content.");

    private final DevelopmentPlans plans;
    private final PlanTeams teams;
    private final PlanService service;
    private final ClassRoster roster;
    private final CourseServices course;
    private final Clock clock;
    private final IdGenerator ids;

    private PlanActivity(DevelopmentPlans plans, PlanTeams teams, ClassRoster roster, CourseServices course,
                         Clock clock, IdGenerator ids) {
        this.plans = plans;
        this.teams = teams;
        this.service = PlanService.of(plans, PlanEvents.none(), clock, ids);
        this.roster = roster;
        this.course = course;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The development plan activity.
     *
     * @throws NullPointerException if an argument is null
     */
    public static PlanActivity of(DevelopmentPlans plans, PlanTeams teams, ClassRoster roster, Clock clock,
                                  IdGenerator ids) {
        return of(plans, teams, roster, CourseServices.none(), clock, ids);
    }

    /**
     * The development plan activity, whose owners may also share a plan with a group of the course
     * (the platform's groups, through {@code course}).
     *
     * @throws NullPointerException if an argument is null
     */
    public static PlanActivity of(DevelopmentPlans plans, PlanTeams teams, ClassRoster roster, CourseServices course,
                                  Clock clock, IdGenerator ids) {
        return new PlanActivity(Require.nonNull("plans", plans), Require.nonNull("teams", teams),
                Require.nonNull("roster", roster), Require.nonNull("course", course), Require.nonNull("clock", clock),
                Require.nonNull("ids", ids));
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

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        Versioned<DevelopmentPlan> plan = ownPlans(session).stream().findFirst().orElseGet(() ->
                service.create(session.tenant(), session.person(), session.contextId(),
                        PageTexts.in(session.language()).with(TEXTS).t("plan.defaultTitle")));
        return new Entry(plan.value().id(), session.language(), "plan");
    }

    /** The learner's plans, wherever made, most recently changed first. */
    private List<Versioned<DevelopmentPlan>> ownPlans(PageSession session) {
        return plans.listByOwner(session.tenant(), session.person()).documents().stream()
                .sorted(Comparator.comparing((Versioned<DevelopmentPlan> v) -> v.value().updated()).reversed())
                .toList();
    }

    @Override
    public Answer handle(Call call) {
        if (call.session().role() != PageSession.Role.LEARNER) {
            return Answer.notFound();
        }
        String rest = call.path();
        if (rest.equals("language")) {
            return Answer.redirect(call.base() + "/start");
        }
        if (rest.equals("plan") && !call.post()) {
            return Answer.redirect(call.base() + "/plan/" + call.session().documentId());
        }
        if (rest.equals("plan/new") && call.post()) {
            Versioned<DevelopmentPlan> made = service.create(call.session().tenant(), call.session().person(),
                    call.session().contextId(), call.texts().t("plan.defaultTitle"));
            return Answer.redirect(call.base() + "/plan/" + made.value().id() + "?done=new");
        }
        if (!rest.startsWith("plan/")) {
            return Answer.notFound();
        }
        String[] parts = rest.substring("plan/".length()).split("/", 2);
        if (!parts[0].matches("[A-Za-z0-9._:-]{1,200}")) {
            return Answer.notFound();
        }
        Versioned<DevelopmentPlan> stored = plans.find(call.session().tenant(), parts[0])
                .orElseThrow(() -> new NoSuchElementException("no such plan"));
        DevelopmentPlan plan = stored.value();
        Optional<PlanTeam> team = teams.find(call.session().tenant(), plan.id()).map(Versioned::value);
        boolean owner = plan.owner().equals(call.session().person());
        boolean member = !owner && plan.teamSharing() != null && team.filter(tm -> tm.member(call.session().person())
                && plan.teamSharing().team().equals(tm.teamId())).isPresent();
        if (!owner && !member) {
            return Answer.notFound();
        }
        String action = parts.length > 1 ? parts[1] : "";
        if (!call.post()) {
            return action.isEmpty() ? page(call, plan, team, owner, Map.of(), Map.of(), notice(call)) : Answer.notFound();
        }
        if (action.equals("comment")) {
            return comment(call, plan, team, owner);
        }
        if (!owner) {
            return Answer.notFound();
        }
        return switch (action) {
            case "goal" -> goal(call, plan, team);
            case "action" -> addAction(call, plan, team);
            case "followup" -> followUp(call, plan, team);
            case "review" -> review(call, plan, team);
            case "held" -> held(call, plan, team);
            case "team" -> share(call, plan, team);
            case "status" -> status(call, plan, team);
            case "editgoal" -> editGoal(call, plan, team);
            case "editaction" -> editAction(call, plan, team);
            default -> Answer.notFound();
        };
    }

    private static final Set<String> NOTICES = Set.of("new", "goal", "action", "followup", "review", "held", "shared",
            "unshared", "comment", "status", "goalEdited", "actionEdited");

    private static String notice(Call call) {
        String done = call.param("done");
        return NOTICES.contains(done) ? call.texts().t("notice." + done) : "";
    }

    private Answer done(Call call, DevelopmentPlan plan, String what, boolean completedNow) {
        Answer redirect = Answer.redirect(call.base() + "/plan/" + plan.id() + "?done=" + what);
        return completedNow ? new Answer.Completed(redirect) : redirect;
    }

    /** The answer after a saved change: a completion when the learner's own plan just became complete. */
    private Answer saved(Call call, DevelopmentPlan before, Result<Versioned<DevelopmentPlan>, PlanProblem> result,
                         String what, Optional<PlanTeam> team, Map<String, String> form, String field) {
        if (!result.isAccepted()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (PlanProblem problem : result.problems()) {
                errors.put(field, PracticeMessages.message(problem, call.texts().language()));
            }
            return page(call, before, team, true, errors, form, "");
        }
        DevelopmentPlan after = result.orElseThrow().value();
        boolean completedNow = before.problems().size() > 0 && after.problems().isEmpty()
                && after.id().equals(call.session().documentId());
        return done(call, after, what, completedNow);
    }

    private Answer goal(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        Map<String, String> form = Map.of("goal.what", call.param("goal.what"), "goal.measures",
                call.param("goal.measures"), "goal.target", call.param("goal.target"));
        Map<String, String> errors = new LinkedHashMap<>();
        String what = call.param("goal.what").strip();
        if (what.isEmpty()) {
            errors.put("goal.what", t.t("error.goal.what"));
        }
        text(errors, "goal.what", what, t);
        text(errors, "goal.measures", call.param("goal.measures"), t);
        LocalDate target = date(errors, "goal.target", call.param("goal.target"), false, t);
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, form, "");
        }
        String goalId = "goal-" + ids.next();
        return saved(call, plan, service.addGoal(call.session().tenant(), plan.id(), call.session().person(),
                new DevelopmentGoal(goalId, what, call.param("goal.measures").strip(), target, List.of())), "goal", team,
                form, "goal.what");
    }

    private Answer addAction(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        String goalId = call.param("goal");
        if (plan.goals().stream().noneMatch(g -> g.id().equals(goalId))) {
            return Answer.notFound();
        }
        String whatName = "action." + goalId + ".what", dueName = "action." + goalId + ".due";
        Map<String, String> form = Map.of(whatName, call.param("what"), dueName, call.param("due"));
        Map<String, String> errors = new LinkedHashMap<>();
        String what = call.param("what").strip();
        if (what.isEmpty()) {
            errors.put(whatName, t.t("error.action.what"));
        }
        text(errors, whatName, what, t);
        LocalDate due = date(errors, dueName, call.param("due"), false, t);
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, form, "");
        }
        return saved(call, plan, service.addAction(call.session().tenant(), plan.id(), call.session().person(), goalId,
                PlanAction.open("action-" + ids.next(), what, due)), "action", team, form, whatName);
    }

    private Answer followUp(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        String method = call.param("followup").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (method.isEmpty()) {
            errors.put("followup", t.t("error.followup"));
        }
        text(errors, "followup", method, t);
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, Map.of("followup", call.param("followup")), "");
        }
        return saved(call, plan, service.followUpBy(call.session().tenant(), plan.id(), call.session().person(), method),
                "followup", team, Map.of("followup", method), "followup");
    }

    private Answer review(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = date(errors, "review.date", call.param("review.date"), true, t);
        if (on == null && errors.isEmpty()) {
            errors.put("review.date", t.t("error.review.date"));
        }
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, Map.of("review.date", call.param("review.date")), "");
        }
        return saved(call, plan, service.scheduleReview(call.session().tenant(), plan.id(), call.session().person(), on),
                "review", team, Map.of("review.date", call.param("review.date")), "review.date");
    }

    private Answer held(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        String reviewId = call.param("review");
        Optional<Review> review = plan.reviews().stream().filter(r -> r.id().equals(reviewId)).findFirst();
        if (review.isEmpty()) {
            return Answer.notFound();
        }
        String notesName = "held." + reviewId + ".notes", progressName = "held." + reviewId + ".progress";
        Map<String, String> form = Map.of(notesName, call.param("notes"), progressName, call.param("progress"));
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, notesName, call.param("notes"), t);
        Review.Progress progress = null;
        for (Review.Progress p : Review.Progress.values()) {
            if (p != Review.Progress.NOT_RATED && p.name().equals(call.param("progress"))) {
                progress = p;
            }
        }
        if (progress == null) {
            errors.put(progressName, t.t("error.progress"));
        }
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, form, "");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return saved(call, plan, service.holdReview(call.session().tenant(), plan.id(), call.session().person(), reviewId,
                new Review.Outcome(today, call.param("notes").strip(), progress)), "held", team, form, notesName);
    }

    private static Optional<PlanAction> action(DevelopmentPlan plan, String actionId) {
        return plan.goals().stream().flatMap(g -> g.actions().stream()).filter(a -> a.id().equals(actionId))
                .findFirst();
    }

    /** Marks an action open, done or dropped (a dropped action says why). */
    private Answer status(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        String actionId = call.param("action");
        if (action(plan, actionId).isEmpty()) {
            return Answer.notFound();
        }
        String statusName = "status." + actionId, noteName = "note." + actionId;
        Map<String, String> form = Map.of(statusName, call.param(statusName), noteName, call.param(noteName));
        Map<String, String> errors = new LinkedHashMap<>();
        PlanAction.Status status = null;
        for (PlanAction.Status s : PlanAction.Status.values()) {
            if (s.name().equals(call.param(statusName))) {
                status = s;
            }
        }
        if (status == null) {
            errors.put(statusName, t.t("error.status"));
        }
        String note = call.param(noteName).strip();
        text(errors, noteName, note, t);
        if (status == PlanAction.Status.DROPPED && note.isEmpty()) {
            errors.put(noteName, t.t("error.note.dropped"));
        }
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, form, "");
        }
        return saved(call, plan, service.updateAction(call.session().tenant(), plan.id(), call.session().person(),
                actionId, status, note), "status", team, form, noteName);
    }

    /** Rewrites a goal's text, measures and target day. */
    private Answer editGoal(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        String goalId = call.param("goal");
        if (plan.goals().stream().noneMatch(g -> g.id().equals(goalId))) {
            return Answer.notFound();
        }
        String prefix = "edit." + goalId + ".";
        Map<String, String> form = Map.of(prefix + "what", call.param(prefix + "what"), prefix + "measures",
                call.param(prefix + "measures"), prefix + "target", call.param(prefix + "target"));
        Map<String, String> errors = new LinkedHashMap<>();
        String what = call.param(prefix + "what").strip();
        if (what.isEmpty()) {
            errors.put(prefix + "what", t.t("error.goal.what"));
        }
        text(errors, prefix + "what", what, t);
        text(errors, prefix + "measures", call.param(prefix + "measures"), t);
        LocalDate target = date(errors, prefix + "target", call.param(prefix + "target"), false, t);
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, form, "");
        }
        String measures = call.param(prefix + "measures").strip();
        return saved(call, plan, service.change(call.session().tenant(), plan.id(), (p, at) -> p.editGoal(
                call.session().person(), goalId, what, measures, target, at)), "goalEdited", team, form,
                prefix + "what");
    }

    /** Rewrites an action's text and due day; its status and note stay. */
    private Answer editAction(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        String actionId = call.param("action");
        if (action(plan, actionId).isEmpty()) {
            return Answer.notFound();
        }
        String prefix = "edit." + actionId + ".";
        Map<String, String> form = Map.of(prefix + "what", call.param(prefix + "what"), prefix + "due",
                call.param(prefix + "due"));
        Map<String, String> errors = new LinkedHashMap<>();
        String what = call.param(prefix + "what").strip();
        if (what.isEmpty()) {
            errors.put(prefix + "what", t.t("error.action.what"));
        }
        text(errors, prefix + "what", what, t);
        LocalDate due = date(errors, prefix + "due", call.param(prefix + "due"), false, t);
        if (!errors.isEmpty()) {
            return page(call, plan, team, true, errors, form, "");
        }
        return saved(call, plan, service.change(call.session().tenant(), plan.id(), (p, at) -> p.editAction(
                call.session().person(), actionId, what, due, at)), "actionEdited", team, form, prefix + "what");
    }

    /** The course's groups for the share form, or why they cannot be read. */
    private CourseServices.Reply<List<CourseServices.CourseGroup>> groups(PageSession session) {
        try {
            return course.groups(session);
        } catch (RuntimeException failed) {
            return CourseServices.Reply.failed(CourseServices.Failure.UNREACHABLE, "");
        }
    }

    private Answer share(Call call, DevelopmentPlan plan, Optional<PlanTeam> team) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        boolean stop = "stop".equals(call.param("do"));
        List<PersonId> members = new ArrayList<>();
        if (!stop) {
            Map<String, ClassRoster.Member> bySubject = new LinkedHashMap<>();
            roster.learners(session).forEach(m -> bySubject.put(m.subject(), m));
            for (String subject : call.all().getOrDefault("member", new String[0])) {
                ClassRoster.Member m = bySubject.get(subject);
                if (m == null) {
                    return page(call, plan, team, true, Map.of("member", t.t("error.member")), Map.of(), "");
                }
                if (!m.person().equals(plan.owner())) {
                    members.add(m.person());
                }
            }
            String groupId = call.param("group");
            if (!groupId.isEmpty()) {
                CourseServices.Reply<List<CourseServices.CourseGroup>> groups = groups(session);
                if (!(groups instanceof CourseServices.Reply.Done<List<CourseServices.CourseGroup>> done)) {
                    return page(call, plan, team, true, Map.of("group", groupsFailure(groups, t)),
                            Map.of("group", groupId), "");
                }
                Optional<CourseServices.CourseGroup> group = done.value().stream()
                        .filter(g -> g.id().equals(groupId)).findFirst();
                if (group.isEmpty()) {
                    return page(call, plan, team, true, Map.of("group", t.t("error.group")), Map.of(), "");
                }
                for (String subject : group.get().subjects()) {
                    PersonId person;
                    try {
                        person = new ClassRoster.Member(subject, "").person();
                    } catch (IllegalArgumentException | NullPointerException notAUserId) {
                        continue;
                    }
                    if (!person.equals(plan.owner()) && !members.contains(person)) {
                        members.add(person);
                    }
                }
                if (members.isEmpty()) {
                    return page(call, plan, team, true, Map.of("group", t.t("error.group.empty", group.get().name())),
                            Map.of("group", groupId), "");
                }
            }
            if (members.isEmpty()) {
                return page(call, plan, team, true, Map.of("member", t.t("error.members.none")), Map.of(), "");
            }
        }
        PlanTeam current = team.orElseGet(() -> new PlanTeam(plan.id(), plan.owner(), session.contextId(), List.of(),
                List.of(), clock.instant()));
        Result<PlanTeam, PlanProblem> changed = current.withMembers(session.person(), members, clock.instant());
        if (!changed.isAccepted()) {
            return page(call, plan, team, true, problems(changed.problems(), "member", t), Map.of(), "");
        }
        Versioned<PlanTeam> toSave = teams.find(session.tenant(), plan.id()).map(v -> v.with(changed.orElseThrow()))
                .orElse(Versioned.unsaved(changed.orElseThrow()));
        if (teams.save(session.tenant(), toSave) instanceof SaveResult.Conflict<PlanTeam>) {
            return page(call, plan, team, true, Map.of("member", t.t("error.conflict")), Map.of(), "");
        }
        var result = service.shareWithTeam(session.tenant(), plan.id(), session.person(),
                stop ? null : changed.orElseThrow().teamId());
        if (!result.isAccepted()) {
            return page(call, plan, team, true, problems(result.problems(), "member", t), Map.of(), "");
        }
        return done(call, plan, stop ? "unshared" : "shared", false);
    }

    private Answer comment(Call call, DevelopmentPlan plan, Optional<PlanTeam> team, boolean owner) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        String text = call.param("comment");
        if (team.isEmpty() || plan.teamSharing() == null) {
            return page(call, plan, team, owner, Map.of("comment", PracticeMessages.message(
                    new PlanProblem("plan.team.notShared", "teamSharing", Map.of()), t.language())),
                    Map.of("comment", text), "");
        }
        Result<PlanTeam, PlanProblem> changed = team.get().comment(session.person(), ids.next(), text, clock.instant());
        if (!changed.isAccepted()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (PlanProblem p : changed.problems()) {
                errors.put("comment", p.code().equals("plan.field.missing") ? t.t("error.comment.empty")
                        : PracticeMessages.message(p, t.language()));
            }
            return page(call, plan, team, owner, errors, Map.of("comment", text), "");
        }
        Versioned<PlanTeam> stored = teams.find(session.tenant(), plan.id()).orElseThrow();
        if (!stored.value().equals(team.get())
                || teams.save(session.tenant(), stored.with(changed.orElseThrow())) instanceof SaveResult.Conflict<PlanTeam>) {
            return page(call, plan, team, owner, Map.of("comment", t.t("error.conflict")), Map.of("comment", text), "");
        }
        return done(call, plan, "comment", false);
    }

    /** Why the course's groups cannot be used now, in the reader's language ("" when they can or are not configured). */
    private static String groupsFailure(CourseServices.Reply<?> reply, PageTexts t) {
        return reply instanceof CourseServices.Reply.Failed<?> failed
                ? t.t("error.groups." + failed.failure().name()) : reply instanceof CourseServices.Reply.NotConfigured<?>
                ? t.t("error.groups.NOT_CONFIGURED") : "";
    }

    private static List<Views.Message> messages(Map<String, String> errors) {
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((name, message) -> messages.add(new Views.Message("#f-" + name.replace('.', '-'), message)));
        return messages;
    }

    private static Map<String, String> problems(List<? extends Problem> problems, String field, PageTexts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.put(field, PracticeMessages.message(p, t.language())));
        return errors;
    }

    private static void text(Map<String, String> errors, String field, String value, PageTexts t) {
        if (value.length() > MAX_TEXT) {
            errors.put(field, t.t("error.tooLong", MAX_TEXT, value.length()));
        }
    }

    /**
     * A day typed as 31.12.2026 or 2026-12-31; empty gives null.
     */
    private LocalDate date(Map<String, String> errors, String field, String value, boolean future, PageTexts t) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        LocalDate day;
        try {
            day = text.matches("\\d{4}-\\d{1,2}-\\d{1,2}") ? LocalDate.parse(text, DateTimeFormatter.ofPattern("yyyy-M-d"))
                    : LocalDate.parse(text, DateTimeFormatter.ofPattern("d.M.yyyy"));
        } catch (DateTimeParseException notADay) {
            errors.put(field, t.t("error.date", text));
            return null;
        }
        // A review day in the past is core's to refuse (plan.review.past), in the reader's language.
        return day;
    }

    /** A day as the forms take it back (31.12.2026). */
    static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d.M.yyyy"));
    }

    static String day(LocalDate day, Language language) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale())
                .format(day);
    }

    // ---- the page ----

    private Answer page(Call call, DevelopmentPlan plan, Optional<PlanTeam> team, boolean owner,
                        Map<String, String> errors, Map<String, String> form, String notice) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        Language language = t.language();
        List<ClassRoster.Member> members = roster.learners(session);
        Map<PersonId, String> names = new LinkedHashMap<>();
        for (ClassRoster.Member m : members) {
            names.put(m.person(), m.name().isBlank() ? t.t("plan.unnamed") : m.name());
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<String> reminders = new ArrayList<>();
        for (Review r : plan.reviews()) {
            if (!r.held() && r.scheduledOn().isBefore(today)) {
                reminders.add(t.t("reminder.overdue", day(r.scheduledOn(), language)));
            } else if (!r.held() && !r.scheduledOn().isAfter(today.plusDays(REMIND_DAYS))) {
                reminders.add(t.t("reminder.soon", day(r.scheduledOn(), language)));
            }
        }
        List<String> missing = new ArrayList<>();
        for (PlanProblem p : plan.problems()) {
            missing.add(t.t("missing." + (p.field().startsWith("goals[") ? "actions" : p.field()),
                    p.field().startsWith("goals[") ? plan.goals().get(Integer.parseInt(
                            p.field().replaceAll("\\D+", ""))).what() : ""));
        }
        List<PlanViews.GoalView> goals = new ArrayList<>();
        for (DevelopmentGoal g : plan.goals()) {
            List<PlanViews.ActionView> actions = new ArrayList<>();
            for (PlanAction a : g.actions()) {
                String statusName = "status." + a.id(), noteName = "note." + a.id();
                String editWhat = "edit." + a.id() + ".what", editDue = "edit." + a.id() + ".due";
                Map<String, String> values = new LinkedHashMap<>(Map.of(statusName, a.status().name(), noteName,
                        a.note(), editWhat, a.what(), editDue, a.due() == null ? "" : day(a.due())));
                values.putAll(form);
                List<Views.Choice> statuses = new ArrayList<>();
                for (PlanAction.Status st : PlanAction.Status.values()) {
                    statuses.add(new Views.Choice(st.name(), t.t("status." + st.name().toLowerCase(java.util.Locale.ROOT)),
                            st.name().equals(values.get(statusName)), ""));
                }
                boolean open = form.keySet().stream().anyMatch(k -> k.equals(statusName) || k.equals(noteName)
                        || k.equals(editWhat) || k.equals(editDue));
                actions.add(new PlanViews.ActionView(a.id(), a.what(), day(a.due(), language),
                        t.t("status." + a.status().name().toLowerCase(java.util.Locale.ROOT))
                                + (a.note().isBlank() ? "" : " – " + a.note()), a.status() == PlanAction.Status.DONE,
                        owner ? new Views.Field(statusName, t.t("action.status"), "", "", "select", 0,
                                errors.get(statusName), statuses, false, false) : null,
                        owner ? field(noteName, t.t("action.note"), t.t("action.note.hint"), values, errors, "textarea")
                                : null,
                        owner ? field(editWhat, t.t("action.what"), "", values, errors, "text") : null,
                        owner ? field(editDue, t.t("action.due"), t.t("date.hint"), values, errors, "date") : null,
                        open));
            }
            String whatName = "action." + g.id() + ".what", dueName = "action." + g.id() + ".due";
            String prefix = "edit." + g.id() + ".";
            Map<String, String> goalValues = new LinkedHashMap<>(Map.of(prefix + "what", g.what(), prefix + "measures",
                    g.measures(), prefix + "target", g.targetDate() == null ? "" : day(g.targetDate())));
            goalValues.putAll(form);
            PlanViews.GoalEdit edit = owner ? new PlanViews.GoalEdit(
                    field(prefix + "what", t.t("goal.what"), "", goalValues, errors, "text"),
                    field(prefix + "measures", t.t("goal.measures"), "", goalValues, errors, "textarea"),
                    field(prefix + "target", t.t("goal.target"), t.t("date.hint"), goalValues, errors, "date"),
                    form.keySet().stream().anyMatch(k -> k.startsWith(prefix))) : null;
            goals.add(new PlanViews.GoalView(g.id(), g.what(), g.measures(), day(g.targetDate(), language), actions,
                    owner ? field(whatName, t.t("action.what"), "", form, errors, "text") : null,
                    owner ? field(dueName, t.t("action.due"), t.t("date.hint"), form, errors, "date") : null, edit));
        }
        List<PlanViews.ReviewView> reviews = new ArrayList<>();
        for (Review r : plan.reviews()) {
            String notesName = "held." + r.id() + ".notes", progressName = "held." + r.id() + ".progress";
            List<Views.Choice> progress = new ArrayList<>();
            progress.add(new Views.Choice("", t.t("progress.choose"), form.getOrDefault(progressName, "").isEmpty(), ""));
            for (Review.Progress p : Review.Progress.values()) {
                if (p != Review.Progress.NOT_RATED) {
                    progress.add(new Views.Choice(p.name(), t.t("progress." + p.name()),
                            p.name().equals(form.get(progressName)), ""));
                }
            }
            String outcome = r.held() ? t.t("review.heldOn", day(r.outcome().heldOn(), language),
                    t.t("progress." + r.outcome().progress().name()))
                    + (r.outcome().notes().isBlank() ? "" : ": " + r.outcome().notes()) : "";
            boolean form2 = owner && !r.held();
            reviews.add(new PlanViews.ReviewView(r.id(), day(r.scheduledOn(), language), r.held(), outcome,
                    form2 ? field(notesName, t.t("review.notes"), "", form, errors, "textarea") : null,
                    form2 ? new Views.Field(progressName, t.t("review.progress"), "", "", "select", 0,
                            errors.get(progressName), progress, false, false) : null));
        }
        boolean shared = plan.teamSharing() != null && team.isPresent();
        List<String> memberNames = shared ? team.get().members().stream()
                .map(p -> names.getOrDefault(p, t.t("plan.unnamed"))).sorted().toList() : List.of();
        List<Views.Choice> candidates = new ArrayList<>();
        if (owner) {
            for (ClassRoster.Member m : members) {
                if (!m.person().equals(plan.owner())) {
                    candidates.add(new Views.Choice(m.subject(), names.get(m.person()),
                            shared && team.get().member(m.person()), ""));
                }
            }
        }
        Views.Field group = null;
        String groupsNote = "";
        if (owner) {
            CourseServices.Reply<List<CourseServices.CourseGroup>> groups = groups(session);
            if (groups instanceof CourseServices.Reply.Done<List<CourseServices.CourseGroup>> done
                    && !done.value().isEmpty()) {
                List<Views.Choice> choices = new ArrayList<>();
                choices.add(new Views.Choice("", t.t("team.group.none"), form.getOrDefault("group", "").isEmpty(), ""));
                done.value().stream().sorted(Comparator.comparing(CourseServices.CourseGroup::name))
                        .forEach(g -> choices.add(new Views.Choice(g.id(), g.name().isBlank() ? g.id() : g.name(),
                                g.id().equals(form.get("group")), "")));
                group = new Views.Field("group", t.t("team.group"), t.t("team.group.hint"), "", "select", 0,
                        errors.get("group"), choices, false, false);
            } else if (groups instanceof CourseServices.Reply.Failed<?>) {
                groupsNote = errors.containsKey("group") ? "" : groupsFailure(groups, t);
            }
        }
        if (group == null && errors.containsKey("group") && groupsNote.isEmpty()) {
            groupsNote = errors.get("group");
        }
        List<PlanViews.CommentView> comments = new ArrayList<>();
        if (team.isPresent() && (owner || shared)) {
            for (PlanTeam.Comment c : team.get().comments()) {
                comments.add(new PlanViews.CommentView(c.author().equals(plan.owner()) && owner ? t.t("comment.you")
                        : names.getOrDefault(c.author(), t.t("plan.unnamed")), When.format(c.at(), language), c.text()));
            }
        }
        List<PlanViews.PlanLink> own = new ArrayList<>();
        for (Versioned<DevelopmentPlan> p : ownPlans(session)) {
            own.add(new PlanViews.PlanLink(p.value().title(), call.base() + "/plan/" + p.value().id(),
                    p.value().id().equals(plan.id())));
        }
        List<PlanViews.PlanLink> sharedWithMe = new ArrayList<>();
        for (Versioned<PlanTeam> tm : teams.listByContext(session.tenant(), session.contextId()).documents()) {
            if (tm.value().member(session.person())) {
                plans.find(session.tenant(), tm.value().id()).map(Versioned::value)
                        .filter(p -> p.teamSharing() != null && p.teamSharing().team().equals(tm.value().teamId()))
                        .ifPresent(p -> sharedWithMe.add(new PlanViews.PlanLink(t.t("plan.sharedBy", p.title(),
                                names.getOrDefault(p.owner(), t.t("plan.unnamed"))), call.base() + "/plan/" + p.id(),
                                p.id().equals(plan.id()))));
            }
        }
        String source = plan.source() instanceof PlanSource.FromGrow g
                ? t.t("source.grow", When.format(g.completedAt(), language))
                : plan.source() instanceof PlanSource.FromFeedback360 f
                        ? t.t("source.feedback", When.format(f.completedAt(), language)) : t.t("source.written");
        Views.Field followUp = owner ? field("followup", t.t("followup"), t.t("followup.hint"),
                form.isEmpty() || !form.containsKey("followup") ? Map.of("followup", plan.followUpMethod()) : form,
                errors, "textarea") : null;
        return Answer.page(errors.isEmpty() ? 200 : 422, "plan/plan.jte", new PlanViews.PlanView(
                call.frame(plan.title(), "plan/" + plan.id()), messages(errors), notice, owner,
                call.base() + "/plan/" + plan.id(), plan.title(), source, names.getOrDefault(plan.owner(), ""), reminders,
                owner ? missing : List.of(), goals,
                field("goal.what", t.t("goal.what"), t.t("goal.what.hint"), form, errors, "text"),
                field("goal.measures", t.t("goal.measures"), t.t("goal.measures.hint"), form, errors, "textarea"),
                field("goal.target", t.t("goal.target"), t.t("date.hint"), form, errors, "date"),
                followUp, plan.followUpMethod(), reviews,
                field("review.date", t.t("review.date"), t.t("review.date.hint"), form, errors, "date"),
                shared, memberNames, candidates, group, groupsNote, comments,
                field("comment", t.t("comment"), t.t(owner ? "comment.hint.owner" : "comment.hint"), form, errors,
                        "textarea"), own, sharedWithMe));
    }

    private static Views.Field field(String name, String label, String hint, Map<String, String> form,
                                     Map<String, String> errors, String kind) {
        return new Views.Field(name, label, hint, form.getOrDefault(name, ""), kind,
                kind.equals("date") ? 10 : MAX_TEXT, errors.get(name), List.of(), false, false);
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return "progress";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        Map<String, String> names = new LinkedHashMap<>(people);
        names.remove(session.person().value());
        int none = 0, started = 0, complete = 0;
        List<Row> rows = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue().isBlank() ? t.t("progress.unnamed", unnamed++) : entry.getValue();
            PersonId person = new ClassRoster.Member(entry.getKey(), "").person();
            List<DevelopmentPlan> owned = plans.listByOwner(session.tenant(), person).documents().stream()
                    .map(Versioned::value).filter(p -> session.contextId().equals(p.context())).toList();
            boolean done = owned.stream().anyMatch(p -> p.problems().isEmpty());
            if (owned.isEmpty()) {
                none++;
            } else if (done) {
                complete++;
            } else {
                started++;
            }
            rows.add(new Row(entry.getKey(), name, List.of(owned.isEmpty() ? t.t("progress.no") : t.t("progress.yes"),
                    done ? t.t("progress.yes") : t.t("progress.no")), List.of(), done));
        }
        rows.sort(Comparator.comparing(Row::name));
        int[] counts = {none, started, complete};
        List<String> labels = List.of(t.t("progress.notStarted"), t.t("progress.started"), t.t("progress.completed"));
        int max = Math.max(1, Math.max(none, Math.max(started, complete)));
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 168, 210 - height, height));
        }
        return new Progress(List.of(t.t("progress.hasPlan"), t.t("progress.complete")), rows, bars,
                t.t("progress.chart"), t.t("progress.intro"));
    }

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        if (documentId == null || documentId.isEmpty()) {
            return Completion.notYet();
        }
        return plans.find(tenant, documentId).filter(v -> v.value().problems().isEmpty())
                .map(v -> Completion.full()).orElse(Completion.notYet());
    }
}
