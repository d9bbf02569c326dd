package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.Versioned;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeProblem;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.programme.ReflectionStage;
import fi.kasvu.programme.ReflectionView;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The reflection assignment's pages, shared by the programme's timeline and the graded reflection
 * placement: the learner writes, saves and submits; their coach reads it and gives feedback.
 * Anyone else gets "not found": the text and the feedback never reach an organiser's or another
 * teacher's page, and nothing here logs them.
 */
public final class ReflectionPages {

    private final ProgrammeService service;
    private final ReflectionAssignments reflections;
    private final Clock clock;

    /**
     * Pages over core's service.
     *
     * @throws NullPointerException if a part is null
     */
    public ReflectionPages(ProgrammeService service, ReflectionAssignments reflections, Clock clock) {
        this.service = Require.nonNull("service", service);
        this.reflections = Require.nonNull("reflections", reflections);
        this.clock = Require.nonNull("clock", clock);
    }

    /** The learner's own reflection for an assignment of the programme, if they have started one. */
    public Optional<Versioned<ReflectionAssignment>> find(PageSession session, String programmeId, String assignmentId) {
        return reflections.listByOwner(session.tenant(), session.person()).documents().stream()
                .filter(r -> r.value().programmeId().equals(programmeId) && r.value().assignmentId().equals(assignmentId))
                .findFirst();
    }

    /**
     * The learner's page of an assignment: started on the first visit (with the programme's coach
     * when it has one), written, saved and submitted.
     *
     * @param path      the page's own path under the session's base ({@code reflection/final-reflection})
     * @param completes whether a submission completes this placement for the gradebook
     * @param back      the way back to the timeline (null for none)
     */
    public Answer learner(Call call, Programme programme, String assignmentId, String path, boolean completes,
                          String back) {
        PageTexts t = texts(call);
        PageSession session = call.session();
        Optional<Assignment> assignment = programme.assignment(assignmentId);
        if (assignment.isEmpty() || !programme.has(session.person(), ProgrammeRole.PARTICIPANT)) {
            return notice(call, t, t.t("reflection.notParticipant.title"), t.t("reflection.notParticipant.text"),
                    back, 404);
        }
        Versioned<ReflectionAssignment> stored;
        Optional<Versioned<ReflectionAssignment>> existing = find(session, programme.id(), assignmentId);
        if (existing.isPresent()) {
            stored = existing.get();
        } else {
            // Her own coach (or the programme's only coach); none while the organiser has yet to pair her.
            PersonId coach = programme.coachFor(session.person()).orElse(null);
            Result<Versioned<ReflectionAssignment>, ProgrammeProblem> started = service.startReflection(
                    session.tenant(), programme.id(), assignmentId, session.person(), coach);
            if (!started.isAccepted()) {
                return notice(call, t, t.t("reflection.cannotStart"), messages(started.problems(), t), back, 404);
            }
            stored = started.orElseThrow();
        }
        stored = withCoach(session, programme, stored);
        String action = call.base() + "/" + path;
        if (!call.post()) {
            String notice = switch (call.param("done")) {
                case "saved" -> t.t("reflection.notice.saved");
                case "submitted" -> t.t("reflection.notice.submitted");
                default -> "";
            };
            Answer page = page(call, t, programme, assignment.get(), stored.value(), notice, List.of(), null, action,
                    back, 200);
            return completes && stored.value().submitted() ? new Answer.Completed(page) : page;
        }
        String text = call.param("text");
        if (text.length() > Require.MAX_TEXT) {
            return page(call, t, programme, assignment.get(), stored.value(), "", List.of(new Views.Message("#f-text",
                    t.t("reflection.error.tooLong", Require.MAX_TEXT, text.length()))), text, action, back, 422);
        }
        if (call.param("do").equals("submit") && text.isBlank()) {
            return page(call, t, programme, assignment.get(), stored.value(), "", List.of(new Views.Message("#f-text",
                    messages(List.of(new ProgrammeProblem.EmptyText("text")), t))), text, action, back, 422);
        }
        Result<Versioned<ReflectionAssignment>, ProgrammeProblem> written = service.write(session.tenant(),
                stored.value().id(), session.person(), text);
        if (!written.isAccepted()) {
            return page(call, t, programme, assignment.get(), stored.value(), "", List.of(new Views.Message("#f-text",
                    messages(written.problems(), t))), text, action, back, 409);
        }
        if (!call.param("do").equals("submit")) {
            return Answer.redirect(action + "?done=saved");
        }
        Result<Versioned<ReflectionAssignment>, ProgrammeProblem> submitted = service.submit(session.tenant(),
                stored.value().id(), session.person());
        if (!submitted.isAccepted()) {
            return page(call, t, programme, assignment.get(), written.orElseThrow().value(), "",
                    List.of(new Views.Message("#f-text", messages(submitted.problems(), t))), text, action, back, 422);
        }
        Answer next = Answer.redirect(action + "?done=submitted");
        // On the graded placement's own page the placement is complete; on the programme's timeline the
        // web layer scores it on the graded placement where the learner launched with this reflection.
        return completes ? new Answer.Completed(next)
                : new Answer.CompletedElsewhere(ReflectionActivity.KIND, stored.value().id(), next);
    }

    /**
     * The coach's page of a reflection: its text and the feedback form. Anyone but the reflection's
     * coach (and its learner, who reads it on their own page) gets "not found".
     */
    public Answer coach(Call call, Programme programme, String reflectionId, String path, String back) {
        PageTexts t = texts(call);
        PageSession session = call.session();
        Optional<Versioned<ReflectionAssignment>> stored = reflections.find(session.tenant(), reflectionId)
                .filter(r -> r.value().programmeId().equals(programme.id()));
        if (stored.isEmpty() || !session.person().equals(stored.get().value().coach())
                || !(stored.get().value().viewFor(session.person()) instanceof ReflectionView.Full)) {
            return Answer.notFound();
        }
        ReflectionAssignment reflection = stored.get().value();
        Optional<Assignment> assignment = programme.assignment(reflection.assignmentId());
        if (assignment.isEmpty()) {
            return Answer.notFound();
        }
        String action = call.base() + "/" + path;
        if (!call.post()) {
            String notice = call.param("done").equals("feedback") ? t.t("reflection.notice.feedback") : "";
            return page(call, t, programme, assignment.get(), reflection, notice, List.of(), null, action, back, 200);
        }
        String feedback = call.param("feedback");
        if (feedback.length() > Require.MAX_TEXT) {
            return page(call, t, programme, assignment.get(), reflection, "", List.of(new Views.Message("#f-feedback",
                    t.t("reflection.error.tooLong", Require.MAX_TEXT, feedback.length()))), feedback, action, back, 422);
        }
        Result<Versioned<ReflectionAssignment>, ProgrammeProblem> given = service.giveFeedback(session.tenant(),
                reflectionId, session.person(), feedback);
        if (!given.isAccepted()) {
            return page(call, t, programme, assignment.get(), reflection, "", List.of(new Views.Message("#f-feedback",
                    messages(given.problems(), t))), feedback, action, back, 422);
        }
        return Answer.redirect(action + "?done=feedback");
    }

    /**
     * A reflection without a coach gets the participant's coach once there is one: the coach an
     * organiser paired her with, or the programme's only coach (the programme's first organiser
     * makes the change). A reflection that has a coach keeps it until an organiser pairs the
     * participant with another ({@code ProgrammeService.assignCoach} hands it over then).
     */
    private Versioned<ReflectionAssignment> withCoach(PageSession session, Programme programme,
                                                      Versioned<ReflectionAssignment> stored) {
        ReflectionAssignment reflection = stored.value();
        if (reflection.coach() != null || reflection.complete()) {
            return stored;
        }
        Optional<PersonId> coach = programme.coachFor(reflection.learner());
        if (coach.isEmpty()) {
            return stored;
        }
        Result<ReflectionAssignment, ProgrammeProblem> paired = reflection.assignCoach(programme,
                programme.withRole(ProgrammeRole.ORGANISER).get(0), coach.get(), clock.instant());
        if (!paired.isAccepted()) {
            return stored;
        }
        var saved = reflections.save(session.tenant(), stored.with(paired.orElseThrow()));
        return saved.isSaved() ? saved.orElseThrow()
                : reflections.find(session.tenant(), reflection.id()).orElse(stored);
    }

    private Answer page(Call call, PageTexts t, Programme programme, Assignment assignment,
                        ReflectionAssignment reflection, String notice, List<Views.Message> errors, String typed,
                        String action, String back, int status) {
        var language = t.language();
        boolean learner = call.session().person().equals(reflection.learner());
        String deadline = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(programme.deadline(assignment).atZone(programme.zone()));
        String statusText = status(reflection, t, programme);
        String feedback = reflection.stage() instanceof ReflectionStage.FeedbackGiven given ? given.feedback() : "";
        Views.Field text = null;
        if (learner && !reflection.submitted()) {
            String error = errors.isEmpty() ? null : errors.get(0).message();
            text = new Views.Field("text", t.t("reflection.text"), t.t("reflection.text.hint"),
                    typed != null ? typed : reflection.text(), "textarea", Require.MAX_TEXT, error, List.of(), false,
                    false);
        }
        Views.Field feedbackField = null;
        if (!learner && reflection.submitted()) {
            String error = errors.isEmpty() ? null : errors.get(0).message();
            feedbackField = new Views.Field("feedback", t.t("reflection.feedback.field"), t.t("reflection.feedback.hint"),
                    typed != null ? typed : feedback, "textarea", Require.MAX_TEXT, error, List.of(), false, false);
        }
        Views.Frame frame = frame(call, t, assignment.title().in(language));
        return Answer.page(status, "reflection/page.jte", new ReflectionPageView(frame, errors, notice,
                assignment.title().in(language), assignment.instructions() == null ? ""
                : assignment.instructions().in(language), deadline, statusText, "", text != null, text,
                reflection.submitted() ? reflection.text() : "", feedback, feedbackField, action, back));
    }

    private static String status(ReflectionAssignment reflection, PageTexts t, Programme programme) {
        var language = t.language();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale());
        if (reflection.stage() instanceof ReflectionStage.Submitted submitted) {
            return t.t(submitted.late() ? "reflection.status.submittedLate" : "reflection.status.submitted",
                    format.format(submitted.at().atZone(programme.zone())));
        }
        if (reflection.stage() instanceof ReflectionStage.FeedbackGiven given) {
            return t.t("reflection.status.feedback", format.format(given.at().atZone(programme.zone())));
        }
        return t.t(reflection.coach() == null ? "reflection.status.draftNoCoach" : "reflection.status.draft");
    }

    private Answer notice(Call call, PageTexts t, String heading, String message, String back, int status) {
        return Answer.page(status, "reflection/notice.jte", new ReflectionNotice(frame(call, t, heading), heading,
                message, back));
    }

    private static String messages(List<ProgrammeProblem> problems, PageTexts t) {
        return String.join(" ", problems.stream().map(p -> ProgrammeMessages.message(p, t.language())).toList());
    }

    /** The page texts with this page's bundle, whichever placement shows it. */
    static PageTexts texts(Call call) {
        return call.texts().with(ReflectionActivity.TEXTS);
    }

    private static Views.Frame frame(Call call, PageTexts t, String title) {
        PageSession session = call.session();
        String context = session.placement().title() + (session.courseTitle().isEmpty() ? "" : " – "
                + session.courseTitle());
        String back = call.path().matches("[a-z0-9-]+(/[a-z0-9-]+)?") ? call.path() : "start";
        return call.withScore(new Views.Frame(t, title, context, call.base(), session.csrf(), call.staticBase(), true,
                back, session.role() == PageSession.Role.LEARNER));
    }

    /**
     * A page saying why the reflection cannot be opened.
     *
     * @param frame   the frame
     * @param heading what happened
     * @param message what to do
     * @param back    the way back (null for none)
     */
    public record ReflectionNotice(Views.Frame frame, String heading, String message, String back) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }
}
