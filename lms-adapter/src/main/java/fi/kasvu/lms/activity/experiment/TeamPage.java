package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.CriterionResult;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Evaluation;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.experiment.ExperimentStage.Step;
import fi.kasvu.experiment.PictureEntry;
import fi.kasvu.experiment.RunLog;
import fi.kasvu.experiment.RunObservation;
import fi.kasvu.experiment.SituationalPicture;
import fi.kasvu.experiment.SuccessCriterion;
import fi.kasvu.i18n.PracticeMessages;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.lms.activity.experiment.ExperimentViews.CriterionRow;
import fi.kasvu.lms.activity.experiment.ExperimentViews.TeamField;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Item;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.When;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One learner request on their team's pages. The team is looked up from the membership on
 * every request (never from an id in the address), so a learner reaches only their own team's
 * work, and a member removed from the team mid-edit is told so with their text kept.
 */
final class TeamPage {

    /** The document id of a learner without a team. */
    static final String NO_TEAM = "no-team";

    /** The step pages, in order. */
    static final List<String> PAGES = List.of("picture", "phenomenon", "change", "plan", "run", "evaluation",
            "decision", "sharing");

    private static final int MAX_TAGS = 10;

    private final Call call;
    private final ExperimentSettings settings;
    private final Teams teams;
    private final LibraryEntries library;
    private final Clock clock;
    private final IdGenerator ids;
    private final PageTexts t;

    TeamPage(Call call, ExperimentSettings settings, Teams teams, LibraryEntries library, Clock clock,
             IdGenerator ids) {
        this.call = call;
        this.settings = settings;
        this.teams = teams;
        this.library = library;
        this.clock = clock;
        this.ids = ids;
        this.t = call.texts();
    }

    // ---- steps and pages ----

    /** The core step a page edits. */
    static Step editsAt(String page) {
        return switch (page) {
            case "picture" -> Step.SITUATIONAL_PICTURE;
            case "phenomenon" -> Step.PHENOMENON_MAPPING;
            case "change" -> Step.CHANGE_MAPPING;
            case "plan" -> Step.PLAN;
            case "run", "evaluation" -> Step.RUN;
            case "decision" -> Step.EVALUATION;
            default -> Step.DECISION;
        };
    }

    /** The page the team is at. */
    static String current(Experiment e) {
        return switch (e.step()) {
            case SITUATIONAL_PICTURE -> "picture";
            case PHENOMENON_MAPPING -> "phenomenon";
            case CHANGE_MAPPING -> "change";
            case PLAN -> "plan";
            case RUN -> "run";
            case EVALUATION -> "decision";
            case DECISION, SHARE -> "sharing";
        };
    }

    /** The last page the team may open (while running, the evaluation page too). */
    static int reach(Experiment e) {
        return e.step() == Step.RUN ? PAGES.indexOf("evaluation") : PAGES.indexOf(current(e));
    }

    // ---- routing ----

    Answer handle() {
        String path = call.path();
        if (path.equals("language")) {
            return Answer.redirect(call.base() + "/start");
        }
        Optional<Versioned<Experiment>> found = teams.of(call.session());
        if (LibraryPages.handles(path)) {
            java.util.Set<String> readerTeams = new java.util.LinkedHashSet<>();
            readerTeams.add(Teams.activityKey(call.session().contextId()));
            found.ifPresent(team -> readerTeams.add(team.value().team()));
            return new LibraryPages(call, library, clock, ids, readerTeams, call.base() + "/start").handle();
        }
        if (path.equals("no-team")) {
            if (found.isPresent()) {
                return Answer.redirect(call.base() + "/start");
            }
            return Answer.page("experiment/no-team.jte", new ExperimentViews.NoTeamView(
                    call.frame(t.t("noTeam.title"), "no-team"), settings.personal(), call.base() + "/personal",
                    call.base() + "/library"));
        }
        if (path.equals("personal") && call.post()) {
            if (found.isEmpty() && settings.personal()) {
                teams.startPersonal(call.session(), call.session().placement().title().isBlank()
                        ? settings.defaultTitle(t.language()) : call.session().placement().title());
            }
            return Answer.redirect(call.base() + "/start");
        }
        boolean known = path.equals("autosave") || (path.startsWith("step/") && PAGES.contains(path.substring(5)));
        if (!known) {
            return Answer.notFound();
        }
        if (found.isEmpty() || !found.get().value().id().equals(call.session().documentId())) {
            if (!call.post()) {
                return Answer.redirect(call.base() + "/start");
            }
            if (path.equals("autosave")) {
                return Answer.json(403, false, call.param("name"), t.t("removed.autosave"));
            }
            return notAMember();
        }
        Versioned<Experiment> team = found.get();
        if (path.equals("autosave")) {
            return call.post() ? autosave(team) : Answer.notFound();
        }
        String page = path.substring(5);
        if (PAGES.indexOf(page) > reach(team.value())) {
            return Answer.redirect(call.base() + "/step/" + current(team.value()));
        }
        if (!call.post()) {
            return show(team.value(), page, Form.empty(), 200);
        }
        if (editsAt(page) != team.value().step()) {
            return stale(team.value());
        }
        return post(team, page);
    }

    private static Answer completed(Experiment e, Answer then) {
        // The web layer scores every member the activity names for the team (scoredSubjects).
        return new Answer.Completed(then);
    }

    private boolean done(Experiment e) {
        return ExperimentActivity.done(settings, e);
    }

    // ---- posts ----

    private Answer post(Versioned<Experiment> team, String page) {
        String action = call.param("do");
        Instant now = clock.instant();
        PersonId me = call.session().person();
        Experiment e = team.value();
        PersonId as = e.facilitator();
        switch (page) {
            case "picture" -> {
                if (action.equals("add")) {
                    return addToPicture(team);
                }
                if (action.startsWith("remove:")) {
                    String id = action.substring("remove:".length());
                    Result<Versioned<Experiment>, ExperimentProblem> removed = teams.change(call.session().tenant(),
                            e.id(), x -> x.removeFromPicture(me, id, now));
                    return removed.isAccepted() ? redirect(page, "removed")
                            : show(e, page, Form.problems(removed.problems(), e, t), 422);
                }
                if (action.equals("next")) {
                    return advance(team, page, x -> x.completePicture(as, now));
                }
            }
            case "phenomenon", "change", "plan" -> {
                Form form = saveFields(team, page);
                if (form.failed()) {
                    return show(form.experiment(), page, form, form.conflicts().isEmpty() ? 422 : 409);
                }
                if (action.equals("next")) {
                    Versioned<Experiment> saved = form.saved();
                    return advance(saved, page, x -> switch (page) {
                        case "phenomenon" -> x.completePhenomenon(as, now);
                        case "change" -> x.completeChange(as, now);
                        default -> x.start(as, startDay(x), now);
                    });
                }
                return redirect(page, "saved");
            }
            case "run" -> {
                if (action.equals("observe")) {
                    return observe(team);
                }
            }
            case "evaluation" -> {
                if (action.equals("evaluate")) {
                    return evaluate(team);
                }
            }
            case "decision" -> {
                if (action.equals("decide")) {
                    return decide(team);
                }
            }
            default -> {
                return new SharePage(call, settings, teams, library, clock, ids).post(team);
            }
        }
        return redirect(page, "");
    }

    private LocalDate startDay(Experiment e) {
        return TeamFields.plan(e).map(ExperimentPlan::start).orElse(LocalDate.ofInstant(clock.instant(), When.ZONE));
    }

    private Answer advance(Versioned<Experiment> team, String page,
                           java.util.function.Function<Experiment, Result<Experiment, ExperimentProblem>> command) {
        Result<Versioned<Experiment>, ExperimentProblem> moved = teams.change(call.session().tenant(),
                team.value().id(), command);
        if (!moved.isAccepted()) {
            Experiment now = teams.find(call.session().tenant(), team.value().id()).orElseThrow().value();
            return show(now, page, Form.problems(moved.problems(), now, t), 422);
        }
        return Answer.redirect(call.base() + "/step/" + current(moved.orElseThrow().value()));
    }

    private Answer redirect(String page, String notice) {
        return Answer.redirect(call.base() + "/step/" + page + (notice.isEmpty() ? "" : "?done=" + notice));
    }

    /**
     * Saves the posted fields of the step one by one over the stored experiment: a field the page
     * showed unchanged since (its base hash matches) takes the member's text; a field another
     * member changed meanwhile is not overwritten but comes back as a clash with both texts.
     */
    private Form saveFields(Versioned<Experiment> team, String page) {
        Step step = editsAt(page);
        Instant now = clock.instant();
        PersonId me = call.session().person();
        for (int attempt = 0; attempt < 8; attempt++) {
            Versioned<Experiment> stored = attempt == 0 ? team
                    : teams.find(call.session().tenant(), team.value().id()).orElseThrow();
            Experiment e = stored.value();
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, String> conflicts = new LinkedHashMap<>();
            boolean changed = false;
            for (TeamFields.Def def : TeamFields.of(step)) {
                if (!call.has(def.name())) {
                    continue;
                }
                String value = call.param(def.name());
                values.put(def.name(), value);
                String stored1 = TeamFields.get(e, def.name());
                if (value.equals(stored1)) {
                    continue;
                }
                if (!base(stored1).equals(call.param("base." + def.name()))) {
                    conflicts.put(def.name(), stored1);
                    continue;
                }
                try {
                    Result<Experiment, ExperimentProblem> set = TeamFields.set(e, me, def.name(), value, now);
                    if (set.isAccepted()) {
                        e = set.orElseThrow();
                        changed = true;
                    } else {
                        errors.put(def.name(), message(set.problems().get(0)));
                    }
                } catch (TeamFields.Refused refused) {
                    errors.put(def.name(), t.t(refused.key, refused.arguments));
                }
            }
            Versioned<Experiment> saved = stored;
            if (changed) {
                SaveResult<Experiment> result = teams.save(call.session().tenant(), stored.with(e));
                if (!(result instanceof SaveResult.Saved<Experiment> ok)) {
                    continue;
                }
                saved = ok.saved();
            }
            return new Form(values, errors, conflicts, List.of(), "", saved);
        }
        throw new java.util.ConcurrentModificationException("the team's experiment kept changing");
    }

    private Answer addToPicture(Versioned<Experiment> team) {
        String text = call.param("entry.text").strip();
        String kindValue = call.param("entry.kind");
        Map<String, String> errors = new LinkedHashMap<>();
        PictureEntry.Kind kind = null;
        for (PictureEntry.Kind k : PictureEntry.Kind.values()) {
            if (k.name().toLowerCase(java.util.Locale.ROOT).equals(kindValue)) {
                kind = k;
            }
        }
        if (kind == null) {
            errors.put("entry.kind", t.t("error.entryKind"));
        }
        if (text.isEmpty()) {
            errors.put("entry.text", t.t("error.required"));
        } else if (text.length() > TeamFields.MAX) {
            errors.put("entry.text", t.t("error.tooLong", TeamFields.MAX, text.length()));
        }
        if (!errors.isEmpty()) {
            return show(team.value(), "picture", Form.errors(errors, call.parameters()), 422);
        }
        PictureEntry.Kind chosen = kind;
        Result<Versioned<Experiment>, ExperimentProblem> added = teams.change(call.session().tenant(),
                team.value().id(), x -> x.addToPicture(call.session().person(), chosen, text, clock.instant()));
        if (!added.isAccepted()) {
            return show(team.value(), "picture", Form.problems(added.problems(), team.value(), t), 422);
        }
        return redirect("picture", "added");
    }

    private Answer observe(Versioned<Experiment> team) {
        String text = call.param("observation.text").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = null;
        try {
            on = TeamFields.date(call.param("observation.on"));
            if (on == null) {
                errors.put("observation.on", t.t("error.required"));
            }
        } catch (TeamFields.Refused refused) {
            errors.put("observation.on", t.t(refused.key, refused.arguments));
        }
        if (text.isEmpty()) {
            errors.put("observation.text", t.t("error.required"));
        } else if (text.length() > TeamFields.MAX) {
            errors.put("observation.text", t.t("error.tooLong", TeamFields.MAX, text.length()));
        }
        // Kept for the team unless the member chose to let it out: a missing choice stays inside.
        String visibility = call.param("observation.visibility");
        if (!visibility.matches("|team|case")) {
            errors.put("observation.visibility", t.t("error.observationVisibility"));
        }
        if (!errors.isEmpty()) {
            return show(team.value(), "run", Form.errors(errors, call.parameters()), 422);
        }
        LocalDate day = on;
        boolean teamOnly = !visibility.equals("case");
        Result<Versioned<Experiment>, ExperimentProblem> added = teams.change(call.session().tenant(),
                team.value().id(), x -> x.observe(call.session().person(), day, text, teamOnly, clock.instant()));
        if (!added.isAccepted()) {
            Form form = Form.problems(added.problems(), team.value(), t).withValues(call.parameters());
            return show(team.value(), "run", form, 422);
        }
        return redirect("run", "added");
    }

    private Answer evaluate(Versioned<Experiment> team) {
        Experiment e = team.value();
        List<SuccessCriterion> criteria = TeamFields.plan(e).map(ExperimentPlan::criteria).orElse(List.of());
        Map<String, String> errors = new LinkedHashMap<>();
        List<CriterionResult> results = new ArrayList<>();
        for (SuccessCriterion criterion : criteria) {
            String verdict = call.param("verdict." + criterion.id());
            String evidence = call.param("evidence." + criterion.id());
            CriterionResult.Verdict chosen = switch (verdict) {
                case "met" -> CriterionResult.Verdict.MET;
                case "partly" -> CriterionResult.Verdict.PARTLY_MET;
                case "not" -> CriterionResult.Verdict.NOT_MET;
                default -> null;
            };
            if (chosen == null) {
                errors.put("verdict." + criterion.id(), t.t("error.verdict"));
            }
            if (evidence.length() > TeamFields.MAX) {
                errors.put("evidence." + criterion.id(), t.t("error.tooLong", TeamFields.MAX, evidence.length()));
            }
            if (chosen != null && evidence.length() <= TeamFields.MAX) {
                results.add(new CriterionResult(criterion.id(), chosen, evidence));
            }
        }
        String learned = call.param("evaluation.learned");
        if (learned.length() > TeamFields.MAX) {
            errors.put("evaluation.learned", t.t("error.tooLong", TeamFields.MAX, learned.length()));
        } else if (learned.isBlank()) {
            errors.put("evaluation.learned", t.t("error.required"));
        }
        if (!errors.isEmpty()) {
            return show(e, "evaluation", Form.errors(errors, call.parameters()), 422);
        }
        Evaluation evaluation = new Evaluation(results, learned, call.session().person(), clock.instant());
        Result<Versioned<Experiment>, ExperimentProblem> done = teams.change(call.session().tenant(), e.id(),
                x -> x.evaluate(x.facilitator(), evaluation, clock.instant()));
        if (!done.isAccepted()) {
            return show(e, "evaluation", Form.problems(done.problems(), e, t).withValues(call.parameters()), 422);
        }
        return Answer.redirect(call.base() + "/step/decision");
    }

    private Answer decide(Versioned<Experiment> team) {
        Experiment e = team.value();
        String choice = call.param("decision.choice");
        String reasons = call.param("decision.reasons");
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate newEnd = null;
        if (!List.of("adopt", "extend", "drop").contains(choice)) {
            errors.put("decision.choice", t.t("error.choice"));
        }
        if (reasons.length() > TeamFields.MAX) {
            errors.put("decision.reasons", t.t("error.tooLong", TeamFields.MAX, reasons.length()));
        } else if (reasons.isBlank()) {
            errors.put("decision.reasons", t.t("error.reasons"));
        }
        if (choice.equals("extend")) {
            try {
                newEnd = TeamFields.date(call.param("decision.newEnd"));
                if (newEnd == null) {
                    errors.put("decision.newEnd", t.t("error.newEnd"));
                }
            } catch (TeamFields.Refused refused) {
                errors.put("decision.newEnd", t.t(refused.key, refused.arguments));
            }
        }
        if (!errors.isEmpty()) {
            return show(e, "decision", Form.errors(errors, call.parameters()), 422);
        }
        Decision.Choice chosen = switch (choice) {
            case "adopt" -> new Decision.Adopt();
            case "drop" -> new Decision.Abandon();
            default -> new Decision.Extend(newEnd);
        };
        Decision decision = new Decision(chosen, reasons, call.session().person(), clock.instant());
        Result<Versioned<Experiment>, ExperimentProblem> decided = teams.change(call.session().tenant(), e.id(),
                x -> x.decide(x.facilitator(), decision, clock.instant()));
        if (!decided.isAccepted()) {
            Form form = Form.problems(decided.problems(), e, t).withValues(call.parameters());
            return show(e, "decision", form, 422);
        }
        Experiment now = decided.orElseThrow().value();
        Answer next = Answer.redirect(call.base() + "/step/" + current(now));
        return done(now) ? completed(now, next) : next;
    }

    // ---- autosave ----

    private Answer autosave(Versioned<Experiment> team) {
        String name = call.param("name");
        String value = call.param("value");
        Optional<TeamFields.Def> def = TeamFields.byName(name);
        if (def.isEmpty()) {
            return Answer.json(400, false, "", t.t("error.unknownField"));
        }
        if (def.get().step() != team.value().step()) {
            return new Answer.Json(409, Map.of("ok", false, "stale", true, "field", name, "message",
                    t.t("stale.text", PracticeMessages.step(team.value().step(), t.language()))));
        }
        String base = call.param("base");
        for (int attempt = 0; attempt < 8; attempt++) {
            Versioned<Experiment> stored = attempt == 0 ? team
                    : teams.find(call.session().tenant(), team.value().id()).orElseThrow();
            String current = TeamFields.get(stored.value(), name);
            if (value.equals(current)) {
                return new Answer.Json(200, Map.of("ok", true, "field", name, "base", base(current), "message", ""));
            }
            if (!base(current).equals(base)) {
                return new Answer.Json(409, Map.of("ok", false, "conflict", true, "field", name, "theirs", current,
                        "theirsBase", base(current), "message", t.t("conflict.text")));
            }
            Result<Experiment, ExperimentProblem> set;
            try {
                set = TeamFields.set(stored.value(), call.session().person(), name, value, clock.instant());
            } catch (TeamFields.Refused refused) {
                return Answer.json(422, false, name, t.t(refused.key, refused.arguments));
            }
            if (!set.isAccepted()) {
                return Answer.json(422, false, name, message(set.problems().get(0)));
            }
            SaveResult<Experiment> saved = teams.save(call.session().tenant(), stored.with(set.orElseThrow()));
            if (saved instanceof SaveResult.Saved<Experiment> ok) {
                return new Answer.Json(200, Map.of("ok", true, "field", name,
                        "base", base(TeamFields.get(ok.saved().value(), name)), "message", ""));
            }
        }
        return Answer.json(503, false, name, t.t("error.busy"));
    }

    /** The hash a page keeps of a field's stored text, to tell whether someone changed it since. */
    static String base(String text) {
        return Teams.hash(text).substring(0, 32);
    }

    // ---- refused posts that keep the text ----

    private Answer stale(Experiment e) {
        return Answer.page(409, "experiment/kept.jte", new ExperimentViews.KeptView(
                call.frame(t.t("stale.title"), "step/" + current(e)), t.t("stale.title"),
                t.t("stale.text", PracticeMessages.step(e.step(), t.language())), kept(),
                call.base() + "/step/" + current(e)));
    }

    private Answer notAMember() {
        return Answer.page(403, "experiment/kept.jte", new ExperimentViews.KeptView(
                call.frame(t.t("removed.title"), "no-team"), t.t("removed.title"), t.t("removed.text"), kept(),
                call.base() + "/start"));
    }

    /** The texts the refused post carried, labelled, so the member can copy them. */
    private List<Item> kept() {
        List<Item> kept = new ArrayList<>();
        call.parameters().forEach((name, value) -> {
            if (value.isBlank() || name.equals("csrf") || name.equals("do") || name.startsWith("base.")) {
                return;
            }
            String label = TeamFields.byName(name).map(d -> label(d)).orElse(
                    t.has("field." + name) ? t.t("field." + name) : name);
            kept.add(new Item(label, value));
        });
        return kept;
    }

    String label(TeamFields.Def def) {
        String[] part = def.name().split("\\.");
        return part.length > 3 ? t.t(def.labelKey(), part[2]) : t.t(def.labelKey());
    }

    private String message(Problem problem) {
        return PracticeMessages.covers(problem.code()) ? PracticeMessages.message(problem, t.language())
                : problem.code();
    }

    // ---- rendering ----

    /** What a page shows beyond the stored experiment: posted values, problems and clashes. */
    record Form(Map<String, String> values, Map<String, String> errors, Map<String, String> conflicts,
                List<String> general, String notice, Versioned<Experiment> saved) {

        static Form empty() {
            return new Form(Map.of(), Map.of(), Map.of(), List.of(), "", null);
        }

        static Form errors(Map<String, String> errors, Map<String, String> values) {
            return new Form(values, errors, Map.of(), List.of(), "", null);
        }

        static Form problems(List<ExperimentProblem> problems, Experiment e, PageTexts t) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (ExperimentProblem problem : problems) {
                String text = PracticeMessages.message(problem, t.language());
                String field = problem.field() == null ? "" : TeamFields.fieldOf(problem.field(), e);
                if (problem.field() != null && problem.field().startsWith("observation.")) {
                    field = problem.field();
                }
                if (problem instanceof ExperimentProblem.CriterionNotEvaluated missing) {
                    field = "verdict." + missing.criterionId();
                }
                if (problem.field() != null && problem.field().equals("decision.newEnd")) {
                    field = "decision.newEnd";
                }
                if (problem.field() != null && problem.field().equals("evaluation.learned")) {
                    field = "evaluation.learned";
                }
                if (field.isEmpty()) {
                    general.add(text);
                } else {
                    errors.merge(field, text, (a, b) -> a);
                }
            }
            return new Form(Map.of(), errors, Map.of(), general, "", null);
        }

        Form withValues(Map<String, String> posted) {
            return new Form(posted, errors, conflicts, general, notice, saved);
        }

        boolean failed() {
            return !errors.isEmpty() || !conflicts.isEmpty();
        }

        Experiment experiment() {
            return saved.value();
        }
    }

    Answer show(Experiment e, String page, Form form, int status) {
        boolean editable = editsAt(page) == e.step() && !page.equals("sharing");
        if (page.equals("sharing")) {
            return new SharePage(call, settings, teams, library, clock, ids).show(e, Map.of(), Map.of(), null, "", 200);
        }
        PersonId me = call.session().person();
        List<Message> messages = new ArrayList<>();
        form.general().forEach(g -> messages.add(new Message("#main", g)));
        List<TeamField> fields = new ArrayList<>();
        List<Item> done = new ArrayList<>();
        Step step = editsAt(page);
        for (TeamFields.Def def : TeamFields.of(step)) {
            String stored = TeamFields.get(e, def.name());
            String value = form.values().getOrDefault(def.name(), stored);
            String theirs = form.conflicts().get(def.name());
            String error = form.errors().get(def.name());
            if (theirs != null) {
                error = t.t("conflict.text");
            }
            if (!editable) {
                if (!stored.isBlank()) {
                    done.add(new Item(label(def), stored));
                }
                continue;
            }
            String kind = switch (def.kind()) {
                case "lines" -> "textarea";
                default -> def.kind();
            };
            String hint = switch (def.kind()) {
                case "lines" -> t.t("hint.lines");
                case "date" -> t.t("hint.date");
                default -> t.has("hint." + def.labelKey()) ? t.t("hint." + def.labelKey()) : "";
            };
            Field field = new Field(def.name(), label(def), hint, value, kind, TeamFields.MAX, error, List.of(), false,
                    true);
            fields.add(new TeamField(field, theirs != null ? base(theirs) : base(stored), theirs,
                    theirs != null ? base(theirs) : null));
            if (error != null) {
                messages.add(new Message("#" + field.id(), label(def) + ": " + error));
            }
        }
        List<ExperimentViews.Entry> entries = new ArrayList<>();
        List<Field> addFields = new ArrayList<>();
        String addLabel = null;
        List<CriterionRow> criteria = new ArrayList<>();
        List<Field> extra = new ArrayList<>();
        String nextLabel = null;
        switch (page) {
            case "picture" -> {
                for (PictureEntry entry : picture(e).entries()) {
                    entries.add(new ExperimentViews.Entry(entry.id(),
                            t.t("entry.kind." + entry.kind().name().toLowerCase(java.util.Locale.ROOT)), entry.text(),
                            author(entry.author()), editable && entry.author().equals(me), ""));
                }
                if (editable) {
                    String kind = form.values().getOrDefault("entry.kind", "works");
                    addFields.add(field("entry.kind", t.t("field.entry.kind"), "", kind, "radio", form, List.of(
                            new Views.Choice("works", t.t("entry.kind.works"), kind.equals("works"), ""),
                            new Views.Choice("hard", t.t("entry.kind.hard"), kind.equals("hard"), ""),
                            new Views.Choice("observation", t.t("entry.kind.observation"), kind.equals("observation"),
                                    ""))));
                    addFields.add(field("entry.text", t.t("field.entry.text"), "", form.values().getOrDefault(
                            "entry.text", ""), "textarea", form, List.of()));
                    addLabel = t.t("button.addEntry");
                    nextLabel = t.t("button.next.picture");
                }
            }
            case "phenomenon", "change", "plan" -> {
                if (editable) {
                    nextLabel = t.t("button.next." + page);
                }
            }
            case "run" -> {
                RunLog run = e.runLog().orElseThrow();
                done.add(new Item(t.t("run.period"), run.startedOn() + " – " + run.plan().end()));
                for (RunLog.ExtendedRound round : run.earlierRounds()) {
                    done.add(new Item(t.t("run.earlierRound"), round.evaluation().learned() + "\n"
                            + t.t("decision.extend") + ": " + round.decision().rationale()));
                }
                for (RunObservation o : run.observations()) {
                    entries.add(new ExperimentViews.Entry(o.id(), o.on().toString(), o.text(), author(o.author()),
                            false, o.teamOnly() ? t.t("observation.teamOnly") : t.t("observation.quotable")));
                }
                if (editable) {
                    addFields.add(field("observation.on", t.t("field.observation.on"), t.t("hint.date"),
                            form.values().getOrDefault("observation.on",
                                    LocalDate.ofInstant(clock.instant(), When.ZONE).toString()), "date", form, List.of()));
                    addFields.add(field("observation.text", t.t("field.observation.text"), "",
                            form.values().getOrDefault("observation.text", ""), "textarea", form, List.of()));
                    String visibility = form.values().getOrDefault("observation.visibility", "team");
                    addFields.add(field("observation.visibility", t.t("field.observation.visibility"), "",
                            visibility, "radio", form, List.of(
                                    new Views.Choice("team", t.t("observation.visibility.team"),
                                            !visibility.equals("case"), t.t("observation.visibility.team.hint")),
                                    new Views.Choice("case", t.t("observation.visibility.case"),
                                            visibility.equals("case"), t.t("observation.visibility.case.hint")))));
                    addLabel = t.t("button.observe");
                }
            }
            case "evaluation" -> {
                if (editable) {
                    for (SuccessCriterion c : TeamFields.plan(e).map(ExperimentPlan::criteria).orElse(List.of())) {
                        String verdict = form.values().getOrDefault("verdict." + c.id(), "");
                        Field v = field("verdict." + c.id(), t.t("field.verdict"), "", verdict, "radio", form, List.of(
                                new Views.Choice("met", t.t("verdict.met"), verdict.equals("met"), ""),
                                new Views.Choice("partly", t.t("verdict.partly"), verdict.equals("partly"), ""),
                                new Views.Choice("not", t.t("verdict.not"), verdict.equals("not"), "")));
                        Field ev = field("evidence." + c.id(), t.t("field.evidence"), "",
                                form.values().getOrDefault("evidence." + c.id(), ""), "textarea", form, List.of());
                        criteria.add(new CriterionRow(c.id(), c.criterion(), v, ev));
                    }
                    extra.add(field("evaluation.learned", t.t("field.evaluation.learned"), "",
                            form.values().getOrDefault("evaluation.learned", ""), "textarea", form, List.of()));
                    nextLabel = t.t("button.evaluate");
                } else {
                    e.evaluation().ifPresent(ev -> evaluationItems(e, ev, done));
                }
            }
            case "decision" -> {
                e.evaluation().ifPresent(ev -> evaluationItems(e, ev, done));
                if (editable) {
                    String choice = form.values().getOrDefault("decision.choice", "");
                    extra.add(field("decision.choice", t.t("field.decision.choice"), "", choice, "radio", form, List.of(
                            new Views.Choice("adopt", t.t("decision.adopt"), choice.equals("adopt"),
                                    t.t("decision.adopt.hint")),
                            new Views.Choice("extend", t.t("decision.extend"), choice.equals("extend"),
                                    t.t("decision.extend.hint")),
                            new Views.Choice("drop", t.t("decision.drop"), choice.equals("drop"),
                                    t.t("decision.drop.hint")))));
                    extra.add(field("decision.reasons", t.t("field.decision.reasons"), t.t("hint.decision.reasons"),
                            form.values().getOrDefault("decision.reasons", ""), "textarea", form, List.of()));
                    extra.add(field("decision.newEnd", t.t("field.decision.newEnd"), t.t("hint.decision.newEnd"),
                            form.values().getOrDefault("decision.newEnd", ""), "date", form, List.of()));
                    nextLabel = t.t("button.decide");
                } else {
                    e.decision().ifPresent(d -> {
                        done.add(new Item(t.t("field.decision.choice"), choiceLabel(d.choice().type())));
                        done.add(new Item(t.t("field.decision.reasons"), d.rationale()));
                    });
                }
            }
            default -> {
            }
        }
        for (Field f : addFields) {
            if (f.error() != null) {
                messages.add(new Message("#" + f.id(), f.label() + ": " + f.error()));
            }
        }
        for (CriterionRow row : criteria) {
            for (Field f : List.of(row.verdict(), row.evidence())) {
                if (f.error() != null) {
                    messages.add(new Message("#" + f.id(), row.criterion() + ": " + f.error()));
                }
            }
        }
        for (Field f : extra) {
            if (f.error() != null) {
                messages.add(new Message("#" + f.id(), f.label() + ": " + f.error()));
            }
        }
        String notice = form.notice();
        String doneParam = call.param("done");
        if (notice.isEmpty() && doneParam.matches("saved|added|removed")) {
            notice = t.t("notice." + doneParam);
        }
        if (!editable && notice.isEmpty()) {
            notice = t.t("notice.readOnly", PracticeMessages.step(e.step(), t.language()));
        }
        List<String> questions = new ArrayList<>();
        for (int i = 1; t.has("questions." + page + "." + i); i++) {
            questions.add(t.t("questions." + page + "." + i));
        }
        return Answer.page(status, "experiment/step.jte", new ExperimentViews.StepView(
                call.frame(t.t("step." + page), "step/" + page), steps(e, page), t.t("step." + page),
                t.t("intro." + page), questions, teamLine(e), notice, messages, editable,
                call.base() + "/step/" + page, call.base() + "/autosave", fields, entries, addFields, addLabel,
                criteria, extra, done, nextLabel, nextLabel == null ? "" : t.t("next.hint." + page),
                call.base() + "/library", switch (page) {
                    case "evaluation" -> "evaluate";
                    case "decision" -> "decide";
                    default -> "next";
                }, page.equals("run") ? "observe" : "add", t.t("entries.heading." + (page.equals("run") ? "run" : "picture"))));
    }

    private Field field(String name, String label, String hint, String value, String kind, Form form,
                        List<Views.Choice> choices) {
        return new Field(name, label, hint, value, kind, kind.equals("radio") ? 0 : TeamFields.MAX,
                form.errors().get(name), choices, false, false);
    }

    private void evaluationItems(Experiment e, Evaluation ev, List<Item> done) {
        List<SuccessCriterion> criteria = TeamFields.plan(e).map(ExperimentPlan::criteria).orElse(List.of());
        for (CriterionResult r : ev.results()) {
            String criterion = criteria.stream().filter(c -> c.id().equals(r.criterionId()))
                    .map(SuccessCriterion::criterion).findFirst().orElse(r.criterionId());
            String verdict = switch (r.verdict()) {
                case MET -> t.t("verdict.met");
                case PARTLY_MET -> t.t("verdict.partly");
                case NOT_MET -> t.t("verdict.not");
            };
            done.add(new Item(criterion, verdict + (r.evidence().isBlank() ? "" : " – " + r.evidence())));
        }
        done.add(new Item(t.t("field.evaluation.learned"), ev.learned()));
    }

    String choiceLabel(Decision.Type type) {
        return switch (type) {
            case ADOPT -> t.t("decision.adopt");
            case EXTEND -> t.t("decision.extend");
            case ABANDON -> t.t("decision.drop");
            case ADAPT -> t.t("decision.adapt");
        };
    }

    private String author(PersonId author) {
        return author.equals(call.session().person()) ? t.t("author.you") : t.t("author.member");
    }

    static SituationalPicture picture(Experiment e) {
        if (e.stage() instanceof ExperimentStage.Picturing p) {
            return p.picture();
        }
        if (e.stage() instanceof ExperimentStage.MappingPhenomenon m) {
            return m.picture();
        }
        return e.groundwork().map(g -> g.picture()).orElse(SituationalPicture.empty());
    }

    /** The team's line: its name and size. */
    String teamLine(Experiment e) {
        int number = Teams.number(e);
        return number == 0 ? t.t("team.personal") : t.t("team.line", number, e.members().size());
    }

    /** The step navigation. */
    List<Views.Step> steps(Experiment e, String page) {
        List<Views.Step> steps = new ArrayList<>();
        int reach = reach(e);
        int at = PAGES.indexOf(current(e));
        for (int i = 0; i < PAGES.size(); i++) {
            String p = PAGES.get(i);
            boolean done = i < at || (p.equals("sharing") && e.step() == Step.SHARE);
            steps.add(new Views.Step(t.t("step." + p), i <= reach ? call.base() + "/step/" + p : null, p.equals(page),
                    done));
        }
        return steps;
    }
}
