package fi.kasvu.lms.pages;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.Answer;
import fi.kasvu.grow.ConversationView;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Phase;
import fi.kasvu.lms.pages.Views.Item;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's progress view: every learner with phase reached, completion and last activity,
 * and only what each learner shared, read through core's {@link ConversationView.SharedView}.
 */
final class ProgressPage {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final PagesServlet.Call call;
    private final GrowConversations conversations;
    private final DocumentRepository<SeenLearner> seen;
    private final ClassRoster roster;
    private final PageTexts t;

    ProgressPage(PagesServlet.Call call, GrowConversations conversations, DocumentRepository<SeenLearner> seen,
                 ClassRoster roster) {
        this.call = call;
        this.conversations = conversations;
        this.seen = seen;
        this.roster = roster;
        this.t = PageTexts.in(call.session().language());
    }

    void handle() throws IOException {
        PageSession session = call.session();
        Map<String, String> names = new LinkedHashMap<>();
        for (ClassRoster.Member member : roster.learners(session)) {
            names.put(member.subject(), member.name());
        }
        for (Versioned<SeenLearner> learner : seen.listByContext(session.tenant(), session.contextId()).documents()) {
            if (!learner.value().name().isBlank() || !names.containsKey(learner.value().subject())) {
                names.put(learner.value().subject(), learner.value().name());
            }
        }
        Map<String, ConversationView.SharedView> views = new LinkedHashMap<>();
        for (Versioned<GrowConversation> stored : conversations.listByContext(session.tenant(), session.contextId()).documents()) {
            GrowConversation c = stored.value();
            names.putIfAbsent(c.coachee().value(), "");
            ConversationView.SharedView current = views.get(c.coachee().value());
            if (current == null || current.progress().lastActivity().isBefore(c.updated())) {
                views.put(c.coachee().value(), ConversationView.SharedView.of(c));
            }
        }
        names.remove(session.subject());
        int[] counts = new int[6];
        List<Views.LearnerRow> rows = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue().isBlank() ? t.t("progress.unnamed", unnamed++) : entry.getValue();
            ConversationView.SharedView view = views.get(entry.getKey());
            if (view == null) {
                counts[0]++;
                rows.add(new Views.LearnerRow(name, t.t("progress.notStarted"), t.t("progress.no"), "", List.of()));
                continue;
            }
            ConversationView.Progress progress = view.progress();
            counts[progress.complete() ? 5 : progress.phaseReached().ordinal() + 1]++;
            rows.add(new Views.LearnerRow(name, GrowTexts.phase(progress.phaseReached(), t.language()),
                    progress.complete() ? t.t("progress.yes") : t.t("progress.no"),
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(t.language().locale()).format(progress.lastActivity().atZone(HELSINKI)),
                    shared(view)));
        }
        rows.sort(Comparator.comparing(Views.LearnerRow::name));
        List<String> labels = List.of(t.t("progress.notStarted"), GrowTexts.phase(Phase.GOAL, t.language()),
                GrowTexts.phase(Phase.REALITY, t.language()), GrowTexts.phase(Phase.OPTIONS, t.language()),
                GrowTexts.phase(Phase.WILL, t.language()), t.t("progress.completed"));
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        List<Views.Bar> bars = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 84, 210 - height, height));
            text.add(labels.get(i) + ": " + counts[i]);
        }
        String chartText = t.t("progress.chart.text", rows.size(), String.join(", ", text));
        Views.Frame frame = new Views.Frame(t, t.t("progress.title"),
                session.activity().title() + (session.courseTitle().isEmpty() ? "" : " – " + session.courseTitle()),
                call.base(), session.csrf(), call.request().getContextPath() + Pages.PREFIX + "/static", true, "progress");
        PagesServlet.html(call.response(), HttpServletResponse.SC_OK, "progress.jte",
                new Views.ProgressView(frame, rows, bars, chartText, max));
    }

    /** What the learner shared, phase by phase; nothing of an unshared phase is read. */
    private List<Views.SharedPart> shared(ConversationView.SharedView view) {
        List<Views.SharedPart> parts = new ArrayList<>();
        view.goal().ifPresent(goal -> {
            List<Item> items = new ArrayList<>();
            view.topic().filter(s -> !s.isBlank()).ifPresent(topic -> items.add(new Item(t.t("goal.topic"), topic)));
            items.add(new Item(t.t("goal.sessionGoal"), goal.sessionGoal()));
            items.add(new Item(t.t("goal.measures"), goal.measures()));
            if (!goal.longTermGoal().isBlank()) {
                items.add(new Item(t.t("goal.longTermGoal"), goal.longTermGoal()));
            }
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.GOAL, t.language()), withAnswers(items, view, Phase.GOAL)));
        });
        view.reality().ifPresent(reality -> {
            List<Item> items = new ArrayList<>();
            items.add(new Item(t.t("reality.tried"), reality.tried()));
            items.add(new Item(t.t("reality.essentialInsight"), reality.essentialInsight()));
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.REALITY, t.language()), withAnswers(items, view, Phase.REALITY)));
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
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.OPTIONS, t.language()), withAnswers(items, view, Phase.OPTIONS)));
        });
        view.will().ifPresent(will -> {
            List<Item> items = new ArrayList<>();
            will.actions().forEach(a -> items.add(new Item(t.t("will.what"),
                    a.what() + (a.dueDate() == null ? "" : " (" + a.dueDate() + ")") + " – " + t.t("status." + ExercisePage.statusKey(a.status())))));
            if (will.commitment() != null) {
                items.add(new Item(t.t("summary.commitment"), t.t("summary.commitment.value", will.commitment())));
            }
            parts.add(new Views.SharedPart(GrowTexts.phase(Phase.WILL, t.language()), withAnswers(items, view, Phase.WILL)));
        });
        return parts;
    }

    private List<Item> withAnswers(List<Item> items, ConversationView.SharedView view, Phase phase) {
        List<Item> all = new ArrayList<>(items.stream().filter(i -> !i.value().isBlank()).toList());
        for (Answer answer : view.answers()) {
            if (answer.phase() == phase) {
                String question = GrowTexts.question(answer.questionKey(), t.language()).orElse(answer.questionKey());
                all.add(new Item(question, answer.text()));
            }
        }
        return all;
    }
}
