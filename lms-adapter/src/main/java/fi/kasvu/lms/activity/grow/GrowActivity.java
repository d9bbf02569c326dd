package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.Answer;
import fi.kasvu.grow.ConversationView;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowCoachNotes;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.grow.GrowEvents;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Phase;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Item;
import fi.kasvu.lms.web.When;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GROW exercise as an LMS activity: each learner works through Goal, Reality, Options and
 * Will alone (the questions act as coach), shares what they choose with the teacher, completes
 * the exercise for a full score, and records check-ins on their actions afterwards.
 *
 * <p>The development-discussion and onboarding templates are held by two people (core's SUPERVISOR
 * mode): the employee or newcomer is the coachee and owns the conversation; the supervisor or
 * onboarder, invited by the coachee from the roster or paired by the teacher, coaches. The coach
 * sees the coachee's progress and the phases the coachee shares, and keeps private notes of their
 * own. The score is the coachee's; coaching earns the coach none.
 */
public final class GrowActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "grow";

    /** The base name of the GROW activity's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.grow.messages";

    private static final LocalizedText NAME = LocalizedText.of("GROW-harjoitus", "GROW-övning", "GROW exercise");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Oppijat käyvät GROW-keskustelun vaiheittain yksin. He työskentelevät yksityisesti ja päättävät itse, "
                    + "mitä jakavat sinulle.",
            "De studerande går igenom ett GROW-samtal fas för fas på egen hand. De arbetar privat och bestämmer "
                    + "själva vad de delar med dig.",
            "Learners work through a GROW conversation phase by phase on their own. They work privately and decide "
                    + "themselves what to share with you.");

    /**
     * The documentId of a session that only coaches (the person has no conversation of their own
     * here): it names no conversation, so no completion, score or sweep ever reaches the coach
     * through someone else's conversation.
     */
    static final String COACHING = "coaching";

    private final GrowConversations conversations;
    private final Exercise exercise;
    private final Clock clock;
    private final Coaching coaching;
    private final CoachPages coachPages;
    private final PairsPage pairs;

    private GrowActivity(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids,
                         fi.kasvu.plan.DevelopmentPlans plans, GrowCoachNotes notes, ClassRoster roster) {
        this.conversations = conversations;
        this.exercise = new Exercise(conversations, events, clock, ids, plans);
        this.clock = clock;
        this.coaching = new Coaching(roster);
        this.coachPages = new CoachPages(exercise, notes, coaching, clock);
        this.pairs = new PairsPage(exercise, coaching);
    }

    /**
     * The GROW activity on core's port.
     *
     * @param events hears of every change's events (completion for the gradebook, due actions for reminders)
     * @throws NullPointerException if an argument is null
     */
    public static GrowActivity of(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids) {
        return new GrowActivity(Require.nonNull("conversations", conversations), Require.nonNull("events", events),
                Require.nonNull("clock", clock), Require.nonNull("ids", ids), null, GrowCoachNotes.inMemory(clock),
                ClassRoster.none());
    }

    /**
     * The GROW activity whose summary offers "Make a development plan" once the exercise is complete
     * (core's {@code PlanFromGrow}: the plan is the coachee's and starts private).
     *
     * @throws NullPointerException if an argument is null
     */
    public static GrowActivity of(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids,
                                  fi.kasvu.plan.DevelopmentPlans plans) {
        return new GrowActivity(Require.nonNull("conversations", conversations), Require.nonNull("events", events),
                Require.nonNull("clock", clock), Require.nonNull("ids", ids), Require.nonNull("plans", plans),
                GrowCoachNotes.inMemory(clock), ClassRoster.none());
    }

    /**
     * The GROW activity with two-party conversations: the development-discussion and onboarding
     * templates are held by a coachee with a coach from the course's roster (invited by the coachee
     * or paired by the teacher), the coach's private notes kept in {@code notes}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static GrowActivity of(GrowConversations conversations, GrowEvents events, Clock clock, IdGenerator ids,
                                  fi.kasvu.plan.DevelopmentPlans plans, GrowCoachNotes notes, ClassRoster roster) {
        return new GrowActivity(Require.nonNull("conversations", conversations), Require.nonNull("events", events),
                Require.nonNull("clock", clock), Require.nonNull("ids", ids), Require.nonNull("plans", plans),
                Require.nonNull("notes", notes), Require.nonNull("roster", roster));
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
        GrowSettings defaults = GrowSettings.defaults();
        String templateId = form.getOrDefault("template", defaults.templateId());
        String minimum = form.getOrDefault("minimum", Integer.toString(defaults.minimumOptions()));
        List<Views.Choice> templates = new ArrayList<>();
        for (GrowTemplate template : GrowTemplates.all()) {
            templates.add(new Views.Choice(template.id(), template.title().in(t.language()),
                    template.id().equals(templateId), template.description().in(t.language())));
        }
        return List.of(
                new Views.Field("template", t.t("picker.kind"), "", templateId, "radio", 0, errors.get("template"),
                        templates, false, false),
                new Views.Field("minimum", t.t("picker.minimum"), t.t("picker.minimum.hint"), minimum, "number", 2,
                        errors.get("minimum"), List.of(), false, false));
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        String templateId = form.getOrDefault("template", "");
        if (GrowTemplates.byId(templateId).isEmpty()) {
            errors.put("template", t.t("picker.error.kind"));
        }
        int minimum;
        try {
            minimum = Integer.parseInt(form.getOrDefault("minimum", "").strip());
        } catch (NumberFormatException notANumber) {
            minimum = 0;
        }
        if (minimum < 1 || minimum > GrowConversation.MAX_MINIMUM_OPTIONS) {
            errors.put("minimum", t.t("picker.error.minimum", GrowConversation.MAX_MINIMUM_OPTIONS));
        }
        return errors.isEmpty() ? Settings.accepted(new GrowSettings(templateId, minimum).toCustom())
                : Settings.refused(errors);
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        return GrowSettings.fromCustom(custom).toCustom();
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return GrowSettings.fromCustom(settings).defaultTitle(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return KIND + ":" + GrowSettings.fromCustom(settings).templateId();
    }

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        GrowSettings settings = GrowSettings.fromCustom(session.placement().settings());
        if (Coaching.twoParty(settings.template())
                && exercise.own(session.tenant(), session.person(), session.contextId()).isEmpty()
                && !exercise.coachedBy(session.tenant(), session.person(), session.contextId()).isEmpty()) {
            // Invited as a coach and nothing of their own here: the conversations they coach.
            return new Entry(COACHING, session.language(), "coaching");
        }
        GrowConversation conversation = exercise.findOrStart(session).value();
        return new Entry(conversation.id(), conversation.language(),
                conversation.complete() ? "summary" : "grow/" + conversation.currentPhase().key());
    }

    @Override
    public fi.kasvu.lms.web.Answer handle(Call call) {
        String rest = call.path();
        if (call.session().role() == PageSession.Role.ORGANISER && rest.equals("pairs")) {
            return pairs.handle(call);
        }
        if (call.session().role() != PageSession.Role.LEARNER) {
            return fi.kasvu.lms.web.Answer.notFound();
        }
        if (rest.equals("coaching") || rest.startsWith("coaching/")) {
            return coachPages.handle(call);
        }
        if (call.session().documentId().equals(COACHING)) {
            return rest.equals("language") ? fi.kasvu.lms.web.Answer.redirect(call.base() + "/coaching")
                    : fi.kasvu.lms.web.Answer.redirect(call.base() + "/start");
        }
        Versioned<GrowConversation> stored = exercise.find(call.session())
                .orElseThrow(() -> new java.util.NoSuchElementException("no conversation in this session"));
        ExercisePage page = new ExercisePage(call, exercise, stored, clock, coaching);
        if (rest.equals("language") && call.post()) {
            exercise.change(call.session(), stored, c -> new Exercise.Outcome(c.withLanguage(call.texts().language()),
                    null));
            return fi.kasvu.lms.web.Answer.redirect(call.base() + "/start");
        } else if (rest.equals("grow") && !call.post()) {
            return page.resume();
        } else if (rest.startsWith("grow/")) {
            Phase phase = Phase.ofKey(rest.substring("grow/".length()));
            return call.post() ? page.post(phase) : page.show(phase);
        } else if (rest.equals("autosave") && call.post()) {
            return page.autosave();
        } else if (rest.equals("summary")) {
            return call.post() ? page.postSummary() : page.summary();
        } else if (rest.equals("coach")) {
            return call.post() ? page.postCoach() : page.coach();
        } else if (rest.equals("summary.json") && !call.post()) {
            return new fi.kasvu.lms.web.Answer.Download("application/json; charset=utf-8",
                    "kasvu-grow-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json",
                    exercise.json(stored.value()).getBytes(StandardCharsets.UTF_8));
        }
        return fi.kasvu.lms.web.Answer.notFound();
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return "progress";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        Map<String, String> names = new LinkedHashMap<>(people);
        boolean twoParty = Coaching.twoParty(GrowSettings.fromCustom(session.placement().settings()).template());
        Map<String, String> coaches = new LinkedHashMap<>();
        Map<String, ConversationView.SharedView> views = new LinkedHashMap<>();
        for (Versioned<GrowConversation> stored : conversations.listByContext(session.tenant(), session.contextId())
                .documents()) {
            GrowConversation c = stored.value();
            names.putIfAbsent(c.coachee().value(), "");
            ConversationView.SharedView current = views.get(c.coachee().value());
            if (current == null || current.progress().lastActivity().isBefore(c.updated())) {
                views.put(c.coachee().value(), ConversationView.SharedView.of(c));
                if (c.participants().coach() != null) {
                    coaches.put(c.coachee().value(), c.participants().coach().value());
                } else {
                    coaches.remove(c.coachee().value());
                }
            }
        }
        names.remove(session.person().value());
        int[] counts = new int[6];
        List<Row> rows = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue().isBlank() ? t.t("progress.unnamed", unnamed++) : entry.getValue();
            ConversationView.SharedView view = views.get(entry.getKey());
            if (view == null) {
                counts[0]++;
                List<String> cells = new ArrayList<>(List.of(t.t("progress.notStarted"), t.t("progress.no"), ""));
                if (twoParty) {
                    cells.add(coachName(coaches.get(entry.getKey()), people, t));
                }
                rows.add(new Row(entry.getKey(), name, cells, List.of(), false));
                continue;
            }
            ConversationView.Progress progress = view.progress();
            counts[progress.complete() ? 5 : progress.phaseReached().ordinal() + 1]++;
            List<String> cells = new ArrayList<>(progressValues(progress,
                    progress.complete() ? t.t("progress.yes") : t.t("progress.no"), t));
            if (twoParty) {
                cells.add(coachName(coaches.get(entry.getKey()), people, t));
            }
            rows.add(new Row(entry.getKey(), name, cells, shared(view, t), progress.complete()));
        }
        rows.sort(Comparator.comparing(Row::name));
        List<String> labels = List.of(t.t("progress.notStarted"), GrowTexts.phase(Phase.GOAL, t.language()),
                GrowTexts.phase(Phase.REALITY, t.language()), GrowTexts.phase(Phase.OPTIONS, t.language()),
                GrowTexts.phase(Phase.WILL, t.language()), t.t("progress.completed"));
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 84, 210 - height, height));
        }
        List<String> columns = new ArrayList<>(progressLabels(t));
        if (twoParty) {
            columns.add(t.t("progress.coach"));
        }
        return new Progress(columns, rows, bars, t.t("progress.chart"),
                t.t(twoParty ? "progress.intro.coach" : "progress.intro"));
    }

    /** What a conversation's progress is told by: the teacher's table heads and the coach's page labels. */
    static List<String> progressLabels(PageTexts t) {
        return List.of(t.t("progress.phase"), t.t("progress.complete"), t.t("progress.last"));
    }

    /**
     * A conversation's progress under {@link #progressLabels}: the phase reached, whether it is
     * complete (as the page words it), its last activity.
     */
    static List<String> progressValues(ConversationView.Progress progress, String complete, PageTexts t) {
        return List.of(GrowTexts.phase(progress.phaseReached(), t.language()), complete,
                When.format(progress.lastActivity(), t.language()));
    }

    /** A coach's name in the teacher's table ("–" for none; a stand-in when the name is not known). */
    private static String coachName(String coach, Map<String, String> people, PageTexts t) {
        if (coach == null) {
            return "–";
        }
        String name = people.getOrDefault(coach, "");
        return name.isBlank() ? t.t("coach.unnamed") : name;
    }

    @Override
    public List<Item> organiserLinks(PageSession session, PageTexts t) {
        GrowSettings settings = GrowSettings.fromCustom(session.placement().settings());
        return Coaching.twoParty(settings.template()) ? List.of(new Item(t.t("pairs.link"), "pairs")) : List.of();
    }

    /** What the learner shared, phase by phase; nothing of an unshared phase is read. */
    static List<Views.SharedPart> shared(ConversationView.SharedView view, PageTexts t) {
        List<Views.SharedPart> parts = new ArrayList<>();
        view.goal().ifPresent(goal -> {
            List<Item> items = new ArrayList<>();
            view.topic().filter(s -> !s.isBlank()).ifPresent(topic -> items.add(new Item(t.t("goal.topic"), topic)));
            items.add(new Item(t.t("goal.sessionGoal"), goal.sessionGoal()));
            items.add(new Item(t.t("goal.measures"), goal.measures()));
            if (!goal.longTermGoal().isBlank()) {
                items.add(new Item(t.t("goal.longTermGoal"), goal.longTermGoal()));
            }
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.GOAL, t.language()), withAnswers(items, view, Phase.GOAL, t)));
        });
        view.reality().ifPresent(reality -> {
            List<Item> items = new ArrayList<>();
            items.add(new Item(t.t("reality.tried"), reality.tried()));
            items.add(new Item(t.t("reality.essentialInsight"), reality.essentialInsight()));
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.REALITY, t.language()),
                    withAnswers(items, view, Phase.REALITY, t)));
        });
        view.options().ifPresent(options -> {
            List<Item> items = new ArrayList<>();
            for (Option option : options) {
                items.add(new Item(option.chosen() ? t.t("progress.chosenOption") : t.t("progress.option"), option.text()));
                if (!option.notes().isBlank()) {
                    items.add(new Item(t.t("options.notes"), option.notes()));
                }
                if (!option.pros().isEmpty()) {
                    items.add(new Item(t.t("options.pros"), String.join("\n", option.pros())));
                }
                if (!option.cons().isEmpty()) {
                    items.add(new Item(t.t("options.cons"), String.join("\n", option.cons())));
                }
                if (option.impact() != null) {
                    items.add(new Item(t.t("options.impact"), t.t("summary.rating.value", option.impact())));
                }
                if (option.feasibility() != null) {
                    items.add(new Item(t.t("options.feasibility"), t.t("summary.rating.value", option.feasibility())));
                }
            }
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.OPTIONS, t.language()),
                    withAnswers(items, view, Phase.OPTIONS, t)));
        });
        view.will().ifPresent(will -> {
            List<Item> items = new ArrayList<>();
            will.actions().forEach(a -> items.add(new Item(t.t("will.what"),
                    a.what() + (a.dueDate() == null ? "" : " (" + a.dueDate() + ")") + " – "
                            + t.t("status." + ExercisePage.statusKey(a.status())))));
            if (will.commitment() != null) {
                items.add(new Item(t.t("summary.commitment"), t.t("summary.commitment.value", will.commitment())));
            }
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.WILL, t.language()), withAnswers(items, view, Phase.WILL, t)));
        });
        return parts;
    }

    private static List<Item> withAnswers(List<Item> items, ConversationView.SharedView view, Phase phase, PageTexts t) {
        List<Item> all = new ArrayList<>(items.stream().filter(i -> !i.value().isBlank()).toList());
        for (Answer answer : view.answers()) {
            if (answer.phase() == phase) {
                String question = GrowTexts.question(answer.questionKey(), t.language()).orElse(answer.questionKey());
                all.add(new Item(question, answer.text()));
            }
        }
        return all;
    }

    // ---- completion ----

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        if (documentId == null || documentId.isEmpty() || documentId.equals(COACHING)) {
            return Completion.notYet();
        }
        return conversations.find(tenant, documentId).filter(v -> v.value().complete())
                .map(v -> Completion.full()).orElse(Completion.notYet());
    }
}
