package fi.kasvu.lms.activity.feedback;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Versioned;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackAssessments;
import fi.kasvu.feedback.FeedbackService;
import fi.kasvu.feedback.Invitee;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.feedback.ResponseCounts;
import fi.kasvu.i18n.CompetenceSets;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The teacher's 360 page (issue 16: "the subject, or the teacher, invites raters from the course
 * roster"): per learner the counts and state, never an answer; invite a rater from the roster for a
 * learner, withdraw a learner's invitation, close a learner's round. Core decides what a teacher may
 * do ({@link Requester#teacher}); the page only names learners of this course.
 */
final class ManagePage {

    /** The page, relative to the session's base. */
    static final String PATH = "feedback/manage";

    private static final Set<String> NOTICES = Set.of("invited", "closed", "withdrawn");

    private final FeedbackService service;
    private final FeedbackAssessments assessments;
    private final ClassRoster roster;
    private final Clock clock;
    private final Duration openFor;

    ManagePage(FeedbackService service, FeedbackAssessments assessments, ClassRoster roster, Clock clock,
               Duration openFor) {
        this.service = service;
        this.assessments = assessments;
        this.roster = roster;
        this.clock = clock;
        this.openFor = openFor;
    }

    Answer handle(Call call) {
        String rest = call.path();
        if (rest.equals(PATH) && !call.post()) {
            String done = call.param("done");
            return page(call, List.of(), NOTICES.contains(done) ? call.texts().t("manage.notice." + done) : "",
                    Map.of());
        }
        if (!call.post()) {
            return Answer.notFound();
        }
        return switch (rest) {
            case PATH + "/invite" -> invite(call);
            case PATH + "/close" -> close(call);
            case PATH + "/withdraw" -> withdraw(call);
            default -> Answer.notFound();
        };
    }

    /** The learners of the course and of the activity, by platform user id, with their names. */
    private Map<String, String> learners(Call call, PageTexts t) {
        PageSession session = call.session();
        Map<String, String> learners = new LinkedHashMap<>();
        int unnamed = 1;
        for (ClassRoster.Member m : roster.learners(session)) {
            learners.put(m.subject(), m.name().isBlank() ? t.t("home.unnamedNumber", unnamed++) : m.name());
        }
        learners.remove(session.subject());
        return learners;
    }

    /** Each learner's latest assessment in this activity, by person. */
    private Map<PersonId, Versioned<FeedbackAssessment>> latest(PageSession session) {
        Map<PersonId, Versioned<FeedbackAssessment>> latest = new LinkedHashMap<>();
        for (Versioned<FeedbackAssessment> v : assessments.listByContext(session.tenant(), session.contextId())
                .documents()) {
            latest.merge(v.value().subject(), v, (a, b) -> a.value().created().isBefore(b.value().created()) ? b : a);
        }
        return latest;
    }

    private Answer page(Call call, List<Views.Message> errors, String notice, Map<String, String> form) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        Map<String, String> learners = learners(call, t);
        Map<PersonId, String> names = new LinkedHashMap<>();
        learners.forEach((subject, name) -> names.put(new ClassRoster.Member(subject, name).person(), name));
        Map<PersonId, Versioned<FeedbackAssessment>> latest = latest(session);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(m -> fieldErrors.putIfAbsent(m.target().substring(1), m.message()));
        List<FeedbackViews.SubjectRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> learner : learners.entrySet()) {
            PersonId person = new ClassRoster.Member(learner.getKey(), "").person();
            Optional<FeedbackAssessment> a = Optional.ofNullable(latest.get(person)).map(Versioned::value);
            ResponseCounts counts = a.map(FeedbackAssessment::progress).orElse(null);
            List<FeedbackViews.Invited> invitations = a.map(x -> FeedbackActivity.invitedList(x, names, t).stream()
                    .filter(i -> x.invitation(i.id()).filter(inv -> inv.invitee() instanceof Invitee.Roster)
                            .isPresent()).toList()).orElse(List.of());
            rows.add(new FeedbackViews.SubjectRow(learner.getValue(), learner.getKey(), a.isPresent(),
                    counts == null ? 0 : counts.totalInvited(), counts == null ? 0 : counts.totalAnswered(),
                    a.map(FeedbackAssessment::closed).orElse(false), invitations));
        }
        rows.sort(Comparator.comparing(FeedbackViews.SubjectRow::name));
        List<Views.Choice> subjects = new ArrayList<>();
        List<Views.Choice> raters = new ArrayList<>();
        subjects.add(new Views.Choice("", t.t("manage.subject.choose"), form.getOrDefault("subject", "").isEmpty(), ""));
        raters.add(new Views.Choice("", t.t("home.rater.choose"), form.getOrDefault("rater", "").isEmpty(), ""));
        for (FeedbackViews.SubjectRow row : rows) {
            if (!row.closed()) {
                subjects.add(new Views.Choice(row.subject(), row.name(), row.subject().equals(form.get("subject")), ""));
            }
            raters.add(new Views.Choice(row.subject(), row.name(), row.subject().equals(form.get("rater")), ""));
        }
        Views.Field subject = new Views.Field("subject", t.t("manage.subject"), "", "", "select", 0,
                fieldErrors.get("f-subject"), subjects, false, false);
        Views.Field rater = new Views.Field("rater", t.t("home.rater"),
                learners.isEmpty() ? t.t("manage.noRoster") : "", "", "select", 0, fieldErrors.get("f-rater"), raters,
                false, false);
        Views.Field group = new Views.Field("group", t.t("home.group"), "", "", "select", 0, fieldErrors.get("f-group"),
                FeedbackActivity.groupChoices(form.getOrDefault("group", "PEERS"), t), false, false);
        return Answer.page(errors.isEmpty() ? 200 : 422, "feedback/manage.jte", new FeedbackViews.ManageView(
                call.frame(t.t("manage.title"), PATH), errors, notice, rows, subject, rater, group,
                call.base() + "/progress"));
    }

    private Answer invite(Call call) {
        PageTexts t = call.texts();
        PageSession session = call.session();
        Map<String, String> form = Map.of("subject", call.param("subject"), "rater", call.param("rater"),
                "group", call.param("group"));
        Map<String, String> learners = learners(call, t);
        List<Views.Message> errors = new ArrayList<>();
        if (!learners.containsKey(call.param("subject"))) {
            errors.add(new Views.Message("#f-subject", t.t("manage.error.subject")));
        }
        if (!learners.containsKey(call.param("rater"))) {
            errors.add(new Views.Message("#f-rater", t.t("home.error.rater")));
        }
        Optional<RaterGroup> group = FeedbackActivity.group(call.param("group"));
        if (group.isEmpty()) {
            errors.add(new Views.Message("#f-group", t.t("home.error.group")));
        }
        if (!errors.isEmpty()) {
            return page(call, errors, "", form);
        }
        PersonId subject = new ClassRoster.Member(call.param("subject"), "").person();
        Versioned<FeedbackAssessment> a = Optional.ofNullable(latest(session).get(subject)).orElseGet(() ->
                service.open(session.tenant(), subject, session.contextId(), CompetenceSets.coachingLeadership(),
                        false));
        var result = service.invite(session.tenant(), a.value().id(), Requester.teacher(session.person()),
                new ClassRoster.Member(call.param("rater"), "").person(), group.get(), clock.instant().plus(openFor));
        return result.isAccepted() ? Answer.redirect(call.base() + "/" + PATH + "?done=invited")
                : page(call, FeedbackActivity.problems(result.problems(), "#f-rater", t), "", form);
    }

    /** The learner's assessment named by the form, only if the learner belongs to this course and activity. */
    private Optional<Versioned<FeedbackAssessment>> named(Call call) {
        String subject = call.param("subject");
        if (!learners(call, call.texts()).containsKey(subject)) {
            return Optional.empty();
        }
        return Optional.ofNullable(latest(call.session()).get(new ClassRoster.Member(subject, "").person()));
    }

    private Answer close(Call call) {
        PageTexts t = call.texts();
        Optional<Versioned<FeedbackAssessment>> a = named(call);
        if (a.isEmpty()) {
            return page(call, List.of(new Views.Message("#learners", t.t("manage.error.notStarted"))), "", Map.of());
        }
        var result = service.close(call.session().tenant(), a.get().value().id(),
                Requester.teacher(call.session().person()));
        return result.isAccepted() ? Answer.redirect(call.base() + "/" + PATH + "?done=closed")
                : page(call, FeedbackActivity.problems(result.problems(), "#learners", t), "", Map.of());
    }

    private Answer withdraw(Call call) {
        PageTexts t = call.texts();
        Optional<Versioned<FeedbackAssessment>> a = named(call);
        String id = call.param("invitation");
        if (a.isEmpty() || !id.matches("[A-Za-z0-9._:-]{1,200}")) {
            return page(call, List.of(new Views.Message("#learners", t.t("home.error.invitation"))), "", Map.of());
        }
        var result = service.withdraw(call.session().tenant(), a.get().value().id(),
                Requester.teacher(call.session().person()), id);
        return result.isAccepted() ? Answer.redirect(call.base() + "/" + PATH + "?done=withdrawn")
                : page(call, FeedbackActivity.problems(result.problems(), "#learners", t), "", Map.of());
    }
}
