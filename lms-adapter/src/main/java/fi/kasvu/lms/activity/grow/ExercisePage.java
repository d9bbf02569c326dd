package fi.kasvu.lms.activity.grow;

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
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.ScoreState;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Group;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.Views.Section;
import fi.kasvu.lms.web.When;
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

    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;

    private final Call call;
    private final Exercise exercise;
    private final Versioned<GrowConversation> read;
    private final GrowConversation stored;
    private final Clock clock;
    private final PageSession session;
    private final PageTexts t;

    private final Coaching coaching;
    private Coaching.Roster roster;

    ExercisePage(Call call, Exercise exercise, Versioned<GrowConversation> stored, Clock clock) {
        this(call, exercise, stored, clock, new Coaching(fi.kasvu.lms.web.ClassRoster.none()));
    }

    ExercisePage(Call call, Exercise exercise, Versioned<GrowConversation> stored, Clock clock, Coaching coaching) {
        this.coaching = coaching;
        this.call = call;
        this.exercise = exercise;
        this.read = stored;
        this.stored = stored.value();
        this.clock = clock;
        this.session = call.session();
        this.t = call.texts();
    }

    /** Sends the learner to where they left off: their current phase, or the summary once complete. */
    Answer resume() {
        return Answer.redirect(call.base() + (stored.complete() ? "/summary" : "/grow/" + stored.currentPhase().key()));
    }

    /** Shows a phase, with its rule problems after a refused "continue". */
    Answer show(Phase phase) {
        if (!stored.canVisit(phase)) {
            return Answer.redirect(call.base() + "/grow/" + stored.currentPhase().key());
        }
        List<GrowProblem> problems = call.has("check")
                ? GrowRules.check(stored, phase) : List.of();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (GrowProblem problem : problems) {
            String field = GrowProblems.fieldOf(problem);
            if (field != null) {
                fieldErrors.merge(field, GrowTexts.problem(problem, t.language()), (a, b) -> a + " " + b);
            }
        }
        List<Message> messages = new ArrayList<>(GrowProblems.messages(problems, t.language()));
        if (call.has("check") && phase == Phase.GOAL) {
            coachLeft(stored).ifPresent(messages::add);
        }
        return render(phase, stored, messages, fieldErrors, Map.of(), OK);
    }

    /** The learner's roster, read once per request and only for a conversation held with a coach. */
    private Coaching.Roster roster() {
        if (roster == null) {
            roster = coaching.roster(session);
        }
        return roster;
    }

    /** "Your coach has left the course" when the coach of a two-party conversation is off the roster. */
    private java.util.Optional<Message> coachLeft(GrowConversation c) {
        if (!Coaching.twoParty(c) || c.participants().coach() == null || !roster().left(c.participants().coach())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Message("#f-participants-coach",
                t.t("coach.error.left", roster().name(c.participants().coach(), t))));
    }

    /** A plain form post of a phase (works without JavaScript): saves every field, then moves as asked. */
    Answer post(Phase phase) {
        Map<String, String[]> params = call.all();
        String action = call.param("do");
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        Exercise.Changed changed = exercise.change(session, read, c -> {
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
            return render(phase, c, messages, fieldErrors, rejected, 422);
        }
        switch (action) {
            case "next" -> {
                if (phase == Phase.GOAL && coachLeft(c).isPresent()) {
                    return Answer.redirect(call.base() + "/grow/goal?check=1");
                }
                List<GrowProblem> problems = new ArrayList<>();
                GrowConversation moved = exercise.change(session, changed.saved(), x -> {
                    problems.clear();
                    GrowConversation at = x.goTo(phase).orElse(x);
                    Result<GrowConversation, GrowProblem> step = at.advance();
                    problems.addAll(step.problems());
                    return new Exercise.Outcome(step.isAccepted() ? step.orElseThrow() : x, null);
                }).saved().value();
                if (!problems.isEmpty()) {
                    return Answer.redirect(call.base() + "/grow/" + phase.key() + "?check=1");
                } else if (phase == Phase.WILL) {
                    return Answer.redirect(call.base() + "/summary");
                } else {
                    return Answer.redirect(call.base() + "/grow/" + moved.currentPhase().key());
                }
            }
            case "back" -> {
                Phase previous = phase.previous().orElse(phase);
                exercise.change(session, changed.saved(), x -> new Exercise.Outcome(x.goTo(previous).orElse(x), null));
                return Answer.redirect(call.base() + "/grow/" + previous.key());
            }
            case "add-option" -> { return Answer.redirect(call.base() + "/grow/options#f-option-new"); }
            case "add-action" -> { return Answer.redirect(call.base() + "/grow/will#f-action-new-what"); }
            default -> { return Answer.redirect(call.base() + "/grow/" + phase.key()); }
        }
    }

    /**
     * Where the page's fields autosave: the route, naming the conversation it changes so that the
     * session and the conversation are read in one statement (the web layer treats the name as a
     * hint only: the session's own conversation is changed, whatever the URL says).
     */
    private String autosaveUrl(GrowConversation c) {
        return call.base() + "/autosave?doc=" + java.net.URLEncoder.encode(
                fi.kasvu.grow.GrowConversations.KIND.name() + ":" + c.id(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One field saved as the learner types; answers JSON for the script. */
    Answer autosave() {
        String name = call.param("name");
        String value = call.param("value");
        if (!GrowForms.isSavable(name)) {
            return Answer.json(BAD_REQUEST, false, name, t.t("error.notFound.text"));
        }
        Phase phase;
        try {
            phase = Phase.ofKey(call.param("phase"));
        } catch (IllegalArgumentException noPhase) {
            phase = null;
        }
        Phase at = phase;
        FieldError[] error = new FieldError[1];
        exercise.change(session, read, c -> {
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
            return Answer.json(422, false, name, error[0].message(t));
        } else {
            return Answer.json(OK, true, name, "");
        }
    }

    /** The summary: what the learner decided, sharing, completion and (once complete) check-ins. */
    Answer summary() {
        List<Message> errors = new ArrayList<>();
        if (call.has("check")) {
            for (GrowProblem problem : GrowRules.check(stored)) {
                String field = GrowProblems.fieldOf(problem);
                errors.add(new Message(call.base() + "/grow/" + problem.phase().key()
                        + (field == null ? "" : "#f-" + field.replace('.', '-')), GrowTexts.problem(problem, t.language())));
            }
            coachLeft(stored).ifPresent(left -> errors.add(new Message(call.base() + "/coach", left.message())));
        }
        String notice = "";
        for (String key : List.of("shared", "checked", "completed", "planned")) {
            if (call.has(key)) {
                notice = t.t("notice." + key);
            }
        }
        return renderSummary(stored, errors, Map.of(), OK, notice);
    }

    /** Sharing, completion or check-ins posted from the summary. */
    Answer postSummary() {
        Map<String, String[]> params = call.all();
        switch (call.param("do")) {
            case "share" -> {
                exercise.change(session, read, c -> {
                    GrowConversation x = c;
                    for (Phase phase : Phase.values()) {
                        x = x.share(phase, params.containsKey("share." + phase.key()));
                    }
                    return new Exercise.Outcome(x, null);
                });
                return Answer.redirect(call.base() + "/summary?shared=1");
            }
            case "complete" -> {
                if (coachLeft(stored).isPresent()) {
                    return Answer.redirect(call.base() + "/summary?check=1");
                }
                boolean[] done = new boolean[1];
                GrowConversation completed = exercise.change(session, read, c -> {
                    Result<GrowConversation, GrowProblem> step = c.completeAt(clock.instant());
                    done[0] = step.isAccepted();
                    return new Exercise.Outcome(step.isAccepted() ? step.orElseThrow() : c, null);
                }).saved().value();
                if (!done[0]) {
                    return Answer.redirect(call.base() + "/summary?check=1");
                }
                return new Answer.Completed(Answer.redirect(call.base() + "/summary?completed=1"));
            }
            case "plan" -> {
                if (!exercise.offersPlans()) {
                    return Answer.notFound();
                }
                var made = exercise.plan(session, stored);
                if (!made.isAccepted()) {
                    List<Message> messages = new ArrayList<>();
                    made.problems().forEach(p -> messages.add(new Message("#s-plan",
                            fi.kasvu.i18n.PracticeMessages.message(p, t.language()))));
                    return renderSummary(stored, messages, Map.of(), 422, "");
                }
                return Answer.redirect(call.base() + "/summary?planned=1");
            }
            case "checkin" -> {
                List<FieldError> errors = new ArrayList<>();
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                GrowConversation c = exercise.change(session, read, x -> {
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
                    return Answer.redirect(call.base() + "/summary?checked=1");
                }
                Map<String, String> fieldErrors = new LinkedHashMap<>();
                List<Message> messages = new ArrayList<>();
                for (FieldError error : errors) {
                    fieldErrors.put(error.field(), error.message(t));
                    messages.add(new Message("#f-" + error.field().replace('.', '-'), error.message(t)));
                }
                return renderSummary(c, messages, fieldErrors, 422, "");
            }
            default -> { return Answer.redirect(call.base() + "/summary"); }
        }
    }

    // ---- rendering ----

    private Answer render(Phase phase, GrowConversation c, List<Message> errors, Map<String, String> fieldErrors,
                        Map<String, String> rejected, int status) {
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
                        form.field("goal.longTermGoal", optional("goal.longTermGoal"), "", c.goal().longTermGoal(), "textarea", GrowForms.MAX_LONG, true),
                        form.field("goal.targetDate", optional("goal.targetDate"), t.t("date.hint"), iso(c.goal().targetDate()), "date", 10, true)))),
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
                            form.field(prefix + ".who", optional("will.who"), t.t("will.who.hint"), action.who(), "text", GrowForms.MAX_WHO, true),
                            form.field(prefix + ".due", t.t("will.due"), t.t("date.hint"), iso(action.dueDate()), "date", 10, true))));
                }
                groups.add(new Group(t.t("will.new"), List.of(
                        form.field("action.new.what", t.t("will.what"), "", "", "text", GrowForms.MAX_SHORT, false),
                        form.field("action.new.who", optional("will.who"), t.t("will.who.hint"), "", "text", GrowForms.MAX_WHO, false),
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
        return Answer.page(status, "grow/phase.jte", new GrowViews.PhaseView(frame, phase.key(),
                t.t("phase.heading", GrowTexts.phase(phase, t.language()), phase.ordinal() + 1),
                t.t("intro." + phase.key()), steps(c, phase), errors, call.base() + "/grow/" + phase.key(),
                autosaveUrl(c), c.id(), sections, phase.previous().isPresent(), nextLabel, coachBox(c),
                coachingLink()));
    }

    private Answer renderSummary(GrowConversation c, List<Message> errors, Map<String, String> fieldErrors, int status,
                               String notice) {
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
        List<GrowViews.ActionSummary> actions = new ArrayList<>();
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
            actions.add(new GrowViews.ActionSummary(action.what(), action.who(), action.dueDate() == null ? "" : date(action.dueDate()),
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
            ScoreState score = call.score();
            if (score instanceof ScoreState.NotCompleted) {
                // Complete, but its score is not recorded yet: the background sweeper queues it.
                score = new ScoreState.Queued(java.time.Instant.EPOCH);
            }
            scoreNote = scoreNote(score);
            scoreState = score.code();
        }
        // The summary shows the score itself, where the learner reads the rest of her completion.
        Views.Frame frame = frame(t.t("summary.title"), "summary").withoutScore();
        return Answer.page(status, "grow/summary.jte", new GrowViews.SummaryView(frame, steps(c, null), errors,
                goal, c.reality().essentialInsight(), c.chosenOptions().stream().map(this::optionSummary).toList(), actions,
                c.will().commitment() == null ? "" : t.t("summary.commitment.value", c.will().commitment()),
                followUps, c.complete(), scoreNote, scoreState, sharing, call.base() + "/summary.json", notice,
                c.complete() && exercise.offersPlans(), coachBox(c), coachingLink()));
    }

    /** Who coaches the learner, on every page of a conversation held with a coach (null otherwise). */
    private GrowViews.CoachBox coachBox(GrowConversation c) {
        if (!Coaching.twoParty(c)) {
            return null;
        }
        fi.kasvu.common.PersonId coach = c.participants().coach();
        String href = call.base() + "/coach";
        if (coach == null) {
            return new GrowViews.CoachBox(t.t("coach.box.none"), t.t("coach.box.choose"), href, true);
        }
        String name = roster().name(coach, t);
        if (roster().left(coach)) {
            return new GrowViews.CoachBox(t.t("coach.box.left", name), t.t("coach.box.change"), href, true);
        }
        return new GrowViews.CoachBox(t.t("coach.box.is", name), t.t("coach.box.change"), href, false);
    }

    /** The link to the conversations the learner coaches here ("" if none). */
    private String coachingLink() {
        if (!Coaching.twoParty(stored)) {
            return "";
        }
        int coached = exercise.coachedBy(session.tenant(), session.person(), session.contextId()).size();
        return coached == 0 ? "" : t.t("coaching.link", coached);
    }

    /** The coachee's page for choosing their coach from the roster. */
    Answer coach() {
        if (!Coaching.twoParty(stored)) {
            return Answer.notFound();
        }
        String notice = switch (call.param("done")) {
            case "invited" -> t.t("notice.coach.invited", roster().name(stored.participants().coach(), t));
            case "already" -> t.t("notice.coach.already", roster().name(stored.participants().coach(), t));
            case "removed" -> t.t("notice.coach.removed");
            default -> "";
        };
        String current = stored.participants().coach() == null ? "" : roster().subjectOf(stored.participants().coach());
        return renderCoach(stored, List.of(), null, current, notice, OK);
    }

    /** The coachee's choice of coach: checked against the roster and the coach the page was drawn with. */
    Answer postCoach() {
        if (!Coaching.twoParty(stored)) {
            return Answer.notFound();
        }
        String chosen = call.param("coach");
        String was = call.param("was");
        Coaching.Choice choice = Coaching.choose(roster(), session.person(), chosen, was,
                stored.participants().coach(), t);
        if (choice instanceof Coaching.Choice.Refused refused) {
            String message = t.t(refused.key(), refused.arguments().toArray());
            String keep = roster().bySubject(chosen).isPresent() ? chosen : "";
            return renderCoach(stored, List.of(new Message("#f-coach", message)), message, keep, "", 422);
        }
        if (choice instanceof Coaching.Choice.Same same) {
            return Answer.redirect(call.base() + "/coach" + (same.alreadyChosen() ? "?done=already" : ""));
        }
        fi.kasvu.common.PersonId coach = ((Coaching.Choice.Set) choice).coach();
        exercise.change(session, read, c -> new Exercise.Outcome(c.withSetting(c.mode(),
                new fi.kasvu.grow.Participants(c.coachee(), coach, List.of())), null));
        return Answer.redirect(call.base() + "/coach?done=" + (coach == null ? "removed" : "invited"));
    }

    private Answer renderCoach(GrowConversation c, List<Message> errors, String error, String selected, String notice,
                               int status) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", t.t("coach.nobody"), selected.isEmpty(), ""));
        for (fi.kasvu.lms.web.ClassRoster.Member member : roster().members()) {
            if (!member.person().equals(session.person())) {
                choices.add(new Choice(member.subject(), member.name().isBlank() ? t.t("coach.unnamed") : member.name(),
                        member.subject().equals(selected), ""));
            }
        }
        List<Message> all = new ArrayList<>(errors);
        if (!roster().available() && errors.isEmpty()) {
            all.add(new Message("#f-coach", t.t("coach.error.noRoster")));
        }
        Field select = new Field("coach", t.t("coach.field"), t.t("coach.field.hint"), selected, "select", 0,
                error, choices, false, false);
        String was = c.participants().coach() == null ? "" : c.participants().coach().value();
        String back = call.base() + (c.complete() ? "/summary" : "/grow/" + c.currentPhase().key());
        return Answer.page(status, "grow/coach.jte", new GrowViews.CoachView(frame(t.t("coach.title"), "coach"),
                t.t("coach.intro"), all, notice, coachBox(c), select, was, back, roster().available()));
    }

    /** A form label marked optional; the summary shows the same label without the mark. */
    private String optional(String key) {
        return t.t(key) + " " + t.t("field.optional");
    }

    private Views.Frame frame(String title, String back) {
        return call.frame(title, back);
    }

    /** What the learner is told about their score. */
    private String scoreNote(ScoreState score) {
        return fi.kasvu.lms.web.ScoreNotes.learner(score, t);
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
    private GrowViews.OptionSummary optionSummary(Option option) {
        return new GrowViews.OptionSummary(option.text(), option.notes(), option.pros(), option.cons(),
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
