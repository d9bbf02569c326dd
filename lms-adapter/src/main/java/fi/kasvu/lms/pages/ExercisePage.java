package fi.kasvu.lms.pages;

import fi.kasvu.common.Result;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.Action;
import fi.kasvu.grow.ActionStatus;
import fi.kasvu.grow.CheckIn;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.grow.GrowRules;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Phase;
import fi.kasvu.grow.ProgressNote;
import fi.kasvu.lms.pages.Views.Choice;
import fi.kasvu.lms.pages.Views.Field;
import fi.kasvu.lms.pages.Views.Group;
import fi.kasvu.lms.pages.Views.Message;
import fi.kasvu.lms.pages.Views.Section;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The learner's pages: the four phases, autosave, the summary with sharing, completion and check-ins. */
final class ExercisePage {

    private final PagesServlet.Call call;
    private final Exercise exercise;
    private final GrowConversation stored;
    private final ScorePublisher scores;
    private final Clock clock;
    private final PageSession session;
    private final PageTexts t;

    ExercisePage(PagesServlet.Call call, Exercise exercise, Versioned<GrowConversation> stored, ScorePublisher scores,
                 Clock clock) {
        this.call = call;
        this.exercise = exercise;
        this.stored = stored.value();
        this.scores = scores;
        this.clock = clock;
        this.session = call.session();
        this.t = PageTexts.in(session.language());
    }

    /** Sends the learner to where they left off: their current phase, or the summary once complete. */
    void resume() {
        PagesServlet.redirect(call, call.base() + (stored.complete() ? "/summary" : "/grow/" + stored.currentPhase().key()));
    }

    /** Shows a phase, with its rule problems after a refused "continue". */
    void show(Phase phase) throws IOException {
        if (!stored.canVisit(phase)) {
            PagesServlet.redirect(call, call.base() + "/grow/" + stored.currentPhase().key());
            return;
        }
        List<GrowProblem> problems = call.request().getParameter("check") != null
                ? GrowRules.check(stored, phase) : List.of();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (GrowProblem problem : problems) {
            String field = PagesServlet.fieldOf(problem);
            if (field != null) {
                fieldErrors.merge(field, GrowTexts.problem(problem, t.language()), (a, b) -> a + " " + b);
            }
        }
        render(phase, stored, PagesServlet.messages(problems, t.language()), fieldErrors, Map.of(),
                HttpServletResponse.SC_OK);
    }

    /** A plain form post of a phase (works without JavaScript): saves every field, then moves as asked. */
    void post(Phase phase) throws IOException {
        Map<String, String[]> params = call.request().getParameterMap();
        String action = call.param("do");
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        Exercise.Changed changed = exercise.change(session, stored.id(), c -> {
            errors.clear();
            rejected.clear();
            GrowConversation x = c.goTo(phase).orElse(c);
            for (Map.Entry<String, String[]> entry : params.entrySet()) {
                String name = entry.getKey();
                if (GrowForms.isSavable(name) && !name.endsWith(".chosen")) {
                    x = take(x, GrowForms.apply(x, name, entry.getValue()[0]), errors, rejected, entry.getValue()[0]);
                }
            }
            if (phase == Phase.OPTIONS) {
                for (Option option : List.copyOf(x.options())) {
                    String name = "option." + option.id() + ".chosen";
                    if (params.containsKey("option." + option.id() + ".text")) {
                        x = take(x, GrowForms.apply(x, name, params.containsKey(name) ? "on" : ""), errors, rejected, "");
                    }
                }
                String text = call.param("option.new");
                if (!text.isBlank()) {
                    x = take(x, GrowForms.addOption(x, text), errors, rejected, text);
                }
            }
            if (phase == Phase.WILL) {
                String what = call.param("action.new.what");
                String who = call.param("action.new.who");
                String due = call.param("action.new.due");
                if (!(what + who + due).isBlank()) {
                    GrowForms.Applied added = GrowForms.addAction(x, what, who, due);
                    if (added instanceof GrowForms.Applied.Rejected) {
                        rejected.put("action.new.what", what);
                        rejected.put("action.new.who", who);
                        rejected.put("action.new.due", due);
                    }
                    x = take(x, added, errors, rejected, null);
                }
                String followUp = call.param("will.followUp");
                x = take(x, GrowForms.planFollowUp(x, followUp), errors, rejected, followUp);
            }
            return new Exercise.Outcome(x, null);
        });
        GrowConversation c = changed.saved().value();
        if (!errors.isEmpty()) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            List<Message> messages = new ArrayList<>();
            for (FieldError error : errors) {
                String message = error.message(t);
                fieldErrors.put(error.field(), message);
                messages.add(new Message("#f-" + error.field().replace('.', '-'), message));
            }
            render(phase, c, messages, fieldErrors, rejected, 422);
            return;
        }
        switch (action) {
            case "next" -> {
                List<GrowProblem> problems = new ArrayList<>();
                GrowConversation moved = exercise.change(session, c.id(), x -> {
                    problems.clear();
                    GrowConversation at = x.goTo(phase).orElse(x);
                    Result<GrowConversation, GrowProblem> step = at.advance();
                    problems.addAll(step.problems());
                    return new Exercise.Outcome(step.isAccepted() ? step.orElseThrow() : x, null);
                }).saved().value();
                if (!problems.isEmpty()) {
                    PagesServlet.redirect(call, call.base() + "/grow/" + phase.key() + "?check=1");
                } else if (phase == Phase.WILL) {
                    PagesServlet.redirect(call, call.base() + "/summary");
                } else {
                    PagesServlet.redirect(call, call.base() + "/grow/" + moved.currentPhase().key());
                }
            }
            case "back" -> {
                Phase previous = phase.previous().orElse(phase);
                exercise.change(session, c.id(), x -> new Exercise.Outcome(
                        x.goTo(previous).orElse(x), null));
                PagesServlet.redirect(call, call.base() + "/grow/" + previous.key());
            }
            case "add-option" -> PagesServlet.redirect(call, call.base() + "/grow/options#f-option-new");
            case "add-action" -> PagesServlet.redirect(call, call.base() + "/grow/will#f-action-new-what");
            default -> PagesServlet.redirect(call, call.base() + "/grow/" + phase.key());
        }
    }

    /** One field saved as the learner types; answers JSON for the script. */
    void autosave() throws IOException {
        String name = call.param("name");
        String value = call.param("value");
        if (!GrowForms.isSavable(name)) {
            PagesServlet.json(call.response(), HttpServletResponse.SC_BAD_REQUEST, false, name, t.t("error.notFound.text"));
            return;
        }
        Phase phase;
        try {
            phase = Phase.ofKey(call.param("phase"));
        } catch (IllegalArgumentException noPhase) {
            phase = null;
        }
        Phase at = phase;
        FieldError[] error = new FieldError[1];
        exercise.change(session, stored.id(), c -> {
            error[0] = null;
            GrowConversation x = at != null ? c.goTo(at).orElse(c) : c;
            GrowForms.Applied applied = GrowForms.apply(x, name, value);
            if (applied instanceof GrowForms.Applied.Changed changedField) {
                return new Exercise.Outcome(changedField.conversation(), null);
            }
            error[0] = ((GrowForms.Applied.Rejected) applied).error();
            return new Exercise.Outcome(x, error[0]);
        });
        if (error[0] != null) {
            PagesServlet.json(call.response(), 422, false, name, error[0].message(t));
        } else {
            PagesServlet.json(call.response(), HttpServletResponse.SC_OK, true, name, "");
        }
    }

    /** The summary: what the learner decided, sharing, completion and (once complete) check-ins. */
    void summary() throws IOException {
        List<Message> errors = new ArrayList<>();
        if (call.request().getParameter("check") != null) {
            for (GrowProblem problem : GrowRules.check(stored)) {
                String field = PagesServlet.fieldOf(problem);
                errors.add(new Message(call.base() + "/grow/" + problem.phase().key()
                        + (field == null ? "" : "#f-" + field.replace('.', '-')), GrowTexts.problem(problem, t.language())));
            }
        }
        String notice = "";
        for (String key : List.of("shared", "checked", "completed")) {
            if (call.request().getParameter(key) != null) {
                notice = t.t("notice." + key);
            }
        }
        renderSummary(stored, errors, Map.of(), HttpServletResponse.SC_OK, notice);
    }

    /** Sharing, completion or check-ins posted from the summary. */
    void postSummary() throws IOException {
        Map<String, String[]> params = call.request().getParameterMap();
        switch (call.param("do")) {
            case "share" -> {
                exercise.change(session, stored.id(), c -> {
                    GrowConversation x = c;
                    for (Phase phase : Phase.values()) {
                        x = x.share(phase, params.containsKey("share." + phase.key()));
                    }
                    return new Exercise.Outcome(x, null);
                });
                PagesServlet.redirect(call, call.base() + "/summary?shared=1");
            }
            case "complete" -> {
                boolean[] done = new boolean[1];
                GrowConversation completed = exercise.change(session, stored.id(), c -> {
                    Result<GrowConversation, GrowProblem> step = c.completeAt(clock.instant());
                    done[0] = step.isAccepted();
                    return new Exercise.Outcome(step.isAccepted() ? step.orElseThrow() : c, null);
                }).saved().value();
                if (!done[0]) {
                    PagesServlet.redirect(call, call.base() + "/summary?check=1");
                    return;
                }
                scores.publishCompletion(session, completed, clock.instant());
                PagesServlet.redirect(call, call.base() + "/summary?completed=1");
            }
            case "checkin" -> {
                List<FieldError> errors = new ArrayList<>();
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                GrowConversation c = exercise.change(session, stored.id(), x -> {
                    errors.clear();
                    GrowConversation y = x;
                    for (Action action : x.will().actions()) {
                        String prefix = "checkin." + action.id() + ".";
                        String note = call.param(prefix + "note");
                        String status = call.param(prefix + "status");
                        if (note.isBlank() && (status.isBlank() || status.equals(statusKey(action.status())))) {
                            continue;
                        }
                        GrowForms.Applied applied = GrowForms.checkIn(y, action.id(), note, status,
                                call.param(prefix + "reason"), today);
                        if (applied instanceof GrowForms.Applied.Changed ok) {
                            y = ok.conversation();
                        } else {
                            errors.add(((GrowForms.Applied.Rejected) applied).error());
                        }
                    }
                    return new Exercise.Outcome(y, null);
                }).saved().value();
                if (errors.isEmpty()) {
                    PagesServlet.redirect(call, call.base() + "/summary?checked=1");
                    return;
                }
                Map<String, String> fieldErrors = new LinkedHashMap<>();
                List<Message> messages = new ArrayList<>();
                for (FieldError error : errors) {
                    fieldErrors.put(error.field(), error.message(t));
                    messages.add(new Message("#f-" + error.field().replace('.', '-'), error.message(t)));
                }
                renderSummary(c, messages, fieldErrors, 422, "");
            }
            default -> PagesServlet.redirect(call, call.base() + "/summary");
        }
    }

    // ---- rendering ----

    private void render(Phase phase, GrowConversation c, List<Message> errors, Map<String, String> fieldErrors,
                        Map<String, String> rejected, int status) throws IOException {
        Form form = new Form(fieldErrors, rejected);
        List<Section> sections = new ArrayList<>();
        List<Field> questions = new ArrayList<>();
        for (GrowTexts.QuestionText q : GrowTexts.questions(c.templateId(), phase, t.language())) {
            String name = "answer." + phase.key() + "." + q.key();
            questions.add(form.field(name, q.text(), "", c.answerTo(phase, q.key()).map(a -> a.text()).orElse(""),
                    "textarea", GrowForms.MAX_LONG, true));
        }
        Section questionSection = new Section("s-questions", t.t("questions.title"), t.t("questions.hint"),
                List.of(new Group(null, questions)), null, null);
        switch (phase) {
            case GOAL -> {
                sections.add(new Section("s-goal", t.t("goal.title"), "", List.of(new Group(null, List.of(
                        form.field("topic", t.t("goal.topic"), t.t("goal.topic.hint"), c.topic(), "text", GrowForms.MAX_SHORT, true),
                        form.field("goal.sessionGoal", t.t("goal.sessionGoal"), t.t("goal.sessionGoal.hint"), c.goal().sessionGoal(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("goal.measures", t.t("goal.measures"), t.t("goal.measures.hint"), c.goal().measures(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("goal.longTermGoal", t.t("goal.longTermGoal"), "", c.goal().longTermGoal(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("goal.targetDate", t.t("goal.targetDate"), t.t("date.hint"), iso(c.goal().targetDate()), "date", 10, true)))),
                        null, null));
                sections.add(questionSection);
            }
            case REALITY -> {
                sections.add(questionSection);
                sections.add(new Section("s-reality", t.t("reality.title"), "", List.of(new Group(null, List.of(
                        form.field("reality.tried", t.t("reality.tried"), t.t("reality.tried.hint"), c.reality().tried(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("reality.essentialInsight", t.t("reality.essentialInsight"), t.t("reality.essentialInsight.hint"), c.reality().essentialInsight(), "textarea", GrowForms.MAX_LONG, true)))),
                        null, null));
            }
            case OPTIONS -> {
                List<Group> groups = new ArrayList<>();
                int n = 1;
                for (Option option : c.options()) {
                    String prefix = "option." + option.id();
                    groups.add(new Group(t.t("options.legend", n++, option.text()), List.of(
                            form.field(prefix + ".text", t.t("options.text"), "", option.text(), "text", GrowForms.MAX_SHORT, true),
                            form.field(prefix + ".notes", t.t("options.notes"), "", option.notes(), "textarea", GrowForms.MAX_LONG, true),
                            form.field(prefix + ".pros", t.t("options.pros"), t.t("options.lines.hint"),
                                    String.join("\n", option.pros()), "textarea", GrowForms.MAX_LONG, true),
                            form.field(prefix + ".cons", t.t("options.cons"), t.t("options.lines.hint"),
                                    String.join("\n", option.cons()), "textarea", GrowForms.MAX_LONG, true),
                            form.select(prefix + ".impact", t.t("options.impact"), t.t("options.impact.hint"),
                                    ratings(option.impact()), option.impact() == null ? "" : option.impact().toString()),
                            form.select(prefix + ".feasibility", t.t("options.feasibility"), t.t("options.feasibility.hint"),
                                    ratings(option.feasibility()), option.feasibility() == null ? "" : option.feasibility().toString()),
                            form.checkbox(prefix + ".chosen", t.t("options.choose"), option.chosen(), true))));
                }
                groups.add(new Group(null, List.of(form.field("option.new", t.t("options.new"),
                        t.t("options.new.hint", c.minimumOptions()), "", "text", GrowForms.MAX_SHORT, false))));
                sections.add(new Section("s-options", t.t("options.title"), t.t("options.hint"), groups,
                        t.t("options.add"), "add-option"));
                sections.add(questionSection);
            }
            case WILL -> {
                List<Group> groups = new ArrayList<>();
                int n = 1;
                for (Action action : c.will().actions()) {
                    String prefix = "action." + action.id();
                    groups.add(new Group(t.t("will.legend", n++), List.of(
                            form.field(prefix + ".what", t.t("will.what"), "", action.what(), "text", GrowForms.MAX_SHORT, true),
                            form.field(prefix + ".who", t.t("will.who"), t.t("will.who.hint"), action.who(), "text", GrowForms.MAX_WHO, true),
                            form.field(prefix + ".due", t.t("will.due"), t.t("date.hint"), iso(action.dueDate()), "date", 10, true))));
                }
                groups.add(new Group(t.t("will.new"), List.of(
                        form.field("action.new.what", t.t("will.what"), "", "", "text", GrowForms.MAX_SHORT, false),
                        form.field("action.new.who", t.t("will.who"), t.t("will.who.hint"), "", "text", GrowForms.MAX_WHO, false),
                        form.field("action.new.due", t.t("will.due"), t.t("date.hint"), "", "date", 10, false))));
                sections.add(new Section("s-actions", t.t("will.title"), t.t("will.hint"), groups, t.t("will.add"), "add-action"));
                List<Choice> levels = new ArrayList<>();
                Integer commitment = c.will().commitment();
                levels.add(new Choice("", t.t("will.commitment.none"), commitment == null, ""));
                for (int i = 1; i <= 10; i++) {
                    levels.add(new Choice(Integer.toString(i), Integer.toString(i), commitment != null && commitment == i, ""));
                }
                String planned = String.join(", ", c.will().checkIns().stream().map(CheckIn::plannedOn).map(this::date).toList());
                sections.add(new Section("s-commitment", t.t("will.commitment.title"), "", List.of(new Group(null, List.of(
                        form.select("will.commitment", t.t("will.commitment"), t.t("will.commitment.hint"), levels, commitment == null ? "" : commitment.toString()),
                        form.field("will.obstacles", t.t("will.obstacles"), "", c.will().obstacles(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("will.support", t.t("will.support"), "", c.will().support(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("will.followUp", t.t("will.followUp"),
                                planned.isEmpty() ? t.t("will.followUp.hint") : t.t("will.followUp.planned", planned),
                                "", "date", 10, false)))), null, null));
                sections.add(questionSection);
            }
        }
        Views.Frame frame = frame(GrowTexts.phase(phase, t.language()), "grow/" + phase.key());
        String nextLabel = phase == Phase.WILL ? t.t("button.toSummary")
                : t.t("button.next", GrowTexts.phase(phase.next().orElseThrow(), t.language()));
        PagesServlet.html(call.response(), status, "phase.jte", new Views.PhaseView(frame, phase.key(),
                t.t("phase.heading", GrowTexts.phase(phase, t.language()), phase.ordinal() + 1),
                t.t("intro." + phase.key()), steps(c, phase), errors, call.base() + "/grow/" + phase.key(),
                call.base() + "/autosave", c.id(), sections, phase.previous().isPresent(), nextLabel));
    }

    private void renderSummary(GrowConversation c, List<Message> errors, Map<String, String> fieldErrors, int status,
                               String notice) throws IOException {
        Form form = new Form(fieldErrors, Map.of());
        List<Views.Item> goal = new ArrayList<>();
        if (!c.topic().isBlank()) {
            goal.add(new Views.Item(t.t("goal.topic"), c.topic()));
        }
        goal.add(new Views.Item(t.t("goal.sessionGoal"), orNone(c.goal().sessionGoal())));
        goal.add(new Views.Item(t.t("goal.measures"), orNone(c.goal().measures())));
        if (!c.goal().longTermGoal().isBlank()) {
            goal.add(new Views.Item(t.t("goal.longTermGoal"), c.goal().longTermGoal()));
        }
        if (c.goal().targetDate() != null) {
            goal.add(new Views.Item(t.t("goal.targetDate"), date(c.goal().targetDate())));
        }
        List<Views.ActionSummary> actions = new ArrayList<>();
        int n = 1;
        for (Action action : c.will().actions()) {
            List<String> notes = action.progressNotes().stream().map((ProgressNote p) -> date(p.on()) + ": " + p.text()).toList();
            Group checkIn = null;
            if (c.complete()) {
                String prefix = "checkin." + action.id();
                String current = statusKey(action.status());
                List<Choice> choices = List.of(
                        new Choice("OPEN", t.t("status.OPEN"), current.equals("OPEN"), ""),
                        new Choice("DONE", t.t("status.DONE"), current.equals("DONE"), ""),
                        new Choice("DROPPED", t.t("status.DROPPED"), current.equals("DROPPED"), ""));
                checkIn = new Group(t.t("checkin.legend", n), List.of(
                        form.field(prefix + ".note", t.t("checkin.note"), "", "", "textarea", GrowForms.MAX_LONG, false),
                        form.select(prefix + ".status", t.t("checkin.status"), "", choices, current),
                        form.field(prefix + ".reason", t.t("checkin.reason"), t.t("checkin.reason.hint"), "", "text", GrowForms.MAX_SHORT, false)));
            }
            actions.add(new Views.ActionSummary(action.what(), action.who(), action.dueDate() == null ? "" : date(action.dueDate()),
                    t.t("status." + statusKey(action.status())), notes, checkIn));
            n++;
        }
        List<String> followUps = c.will().checkIns().stream().map(ci -> ci.held()
                ? t.t("followUp.held", date(ci.heldOn()), ci.note()) : t.t("followUp.planned", date(ci.plannedOn()))).toList();
        List<Field> sharing = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            sharing.add(form.checkbox("share." + phase.key(), GrowTexts.phase(phase, t.language()), c.sharing().shares(phase), false));
        }
        String scoreNote = "";
        String scoreState = "";
        if (c.complete()) {
            ScorePublisher.Status score = scores.status(session, c);
            scoreNote = t.t("score." + score.name());
            scoreState = score.name().toLowerCase(java.util.Locale.ROOT);
        }
        Views.Frame frame = frame(t.t("summary.title"), "summary");
        PagesServlet.html(call.response(), status, "summary.jte", new Views.SummaryView(frame, steps(c, null), errors,
                goal, c.reality().essentialInsight(), c.chosenOptions().stream().map(this::optionSummary).toList(), actions,
                c.will().commitment() == null ? "" : t.t("summary.commitment.value", c.will().commitment()),
                followUps, c.complete(), scoreNote, scoreState, sharing, call.base() + "/summary.json", notice));
    }

    private Views.Frame frame(String title, String back) {
        String context = session.activity().title()
                + (session.courseTitle().isEmpty() ? "" : " – " + session.courseTitle());
        return new Views.Frame(t, title, context, call.base(), session.csrf(),
                call.request().getContextPath() + Pages.PREFIX + "/static", true, back);
    }

    private List<Views.Step> steps(GrowConversation c, Phase current) {
        List<Views.Step> steps = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            steps.add(new Views.Step(GrowTexts.phase(phase, t.language()),
                    c.canVisit(phase) ? call.base() + "/grow/" + phase.key() : null, phase == current,
                    c.completedPhases().contains(phase)));
        }
        boolean summaryOpen = c.complete() || c.phaseReached() == Phase.WILL;
        steps.add(new Views.Step(t.t("summary.title"), summaryOpen ? call.base() + "/summary" : null, current == null,
                c.complete()));
        return steps;
    }

    /** The choices of an option's rating: "not rated", then 1 to 5. */
    private List<Choice> ratings(Integer current) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", t.t("options.rating.none"), current == null, ""));
        for (int i = Option.MIN_RATING; i <= Option.MAX_RATING; i++) {
            choices.add(new Choice(Integer.toString(i), Integer.toString(i), current != null && current == i, ""));
        }
        return choices;
    }

    /** A chosen option as the summary shows it: its text, notes, pros, cons and ratings. */
    private Views.OptionSummary optionSummary(Option option) {
        return new Views.OptionSummary(option.text(), option.notes(), option.pros(), option.cons(),
                option.impact() == null ? "" : t.t("summary.rating.value", option.impact()),
                option.feasibility() == null ? "" : t.t("summary.rating.value", option.feasibility()));
    }

    static String statusKey(ActionStatus status) {
        if (status instanceof ActionStatus.Done) {
            return "DONE";
        }
        return status instanceof ActionStatus.Dropped ? "DROPPED" : "OPEN";
    }

    private String orNone(String text) {
        return text.isBlank() ? t.t("summary.none") : text;
    }

    private String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.language().locale()));
    }

    private static String iso(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** Builds fields with their error and (if rejected) the learner's own text. */
    private record Form(Map<String, String> errors, Map<String, String> rejected) {
        Field field(String name, String label, String hint, String value, String kind, int max, boolean autosave) {
            return new Field(name, label, hint, rejected.getOrDefault(name, value), kind, max, errors.get(name), List.of(),
                    false, autosave);
        }

        Field checkbox(String name, String label, boolean checked, boolean autosave) {
            return new Field(name, label, "", "on", "checkbox", 0, errors.get(name), List.of(), checked, autosave);
        }

        Field select(String name, String label, String hint, List<Choice> choices, String value) {
            return new Field(name, label, hint, value, "select", 0, errors.get(name), choices, false, true);
        }
    }

    private static GrowConversation take(GrowConversation x, GrowForms.Applied applied, List<FieldError> errors,
                                         Map<String, String> rejected, String value) {
        if (applied instanceof GrowForms.Applied.Changed changed) {
            return changed.conversation();
        }
        FieldError error = ((GrowForms.Applied.Rejected) applied).error();
        errors.add(error);
        if (value != null) {
            rejected.put(error.field(), value);
        }
        return x;
    }

}
