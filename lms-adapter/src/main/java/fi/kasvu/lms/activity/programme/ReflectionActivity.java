package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeEvents;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeService;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.programme.ReflectionView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A programme's intermediate or final reflection as a graded LMS activity: placed with the code
 * the programme's page shows for the assignment, the learner writes and submits (the submission
 * completes the activity for the gradebook: Kasvu does not grade what a person wrote), and their
 * coach gives feedback. Organisers and other teachers see how far each learner is, never the text.
 */
public final class ReflectionActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "reflection";

    /** The base name of the reflection activity's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.reflection.messages";

    /** The custom parameter naming the programme and assignment: {@code <programme id>/<assignment id>}. */
    public static final String CODE = "kasvu_reflection";

    private static final String CODE_PATTERN = "programme-[0-9a-f]{40}/[A-Za-z0-9._-]{1,100}";
    private static final String NOT_STARTED = "not-started";

    private static final LocalizedText NAME = LocalizedText.of("Reflektiotehtävä", "Reflektionsuppgift",
            "Reflection assignment");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Valmennusohjelman väli- tai lopputehtävä: osallistuja kirjoittaa ja palauttaa reflektion, valmentaja "
                    + "antaa palautetta. Teksti näkyy vain osallistujalle ja hänen valmentajalleen.",
            "En mellan- eller slutuppgift i ett coachningsprogram: deltagaren skriver och lämnar in en reflektion, "
                    + "coachen ger respons. Texten syns bara för deltagaren och hens coach.",
            "An intermediate or final assignment of a coaching programme: the participant writes and submits a "
                    + "reflection, the coach gives feedback. Only the participant and their coach see the text.");

    private final Programmes programmes;
    private final ReflectionAssignments reflections;
    private final ProgrammeService service;
    private final ReflectionPages pages;

    private ReflectionActivity(Programmes programmes, ReflectionAssignments reflections, Clock clock, IdGenerator ids) {
        this.programmes = programmes;
        this.reflections = reflections;
        this.service = ProgrammeService.of(programmes, reflections, ProgrammeEvents.none(), clock, ids);
        this.pages = new ReflectionPages(service, reflections, clock);
    }

    /**
     * The reflection activity on core's ports.
     *
     * @throws NullPointerException if an argument is null
     */
    public static ReflectionActivity of(Programmes programmes, ReflectionAssignments reflections, Clock clock,
                                        IdGenerator ids) {
        return new ReflectionActivity(Require.nonNull("programmes", programmes),
                Require.nonNull("reflections", reflections), Require.nonNull("clock", clock),
                Require.nonNull("ids", ids));
    }

    /** The code a programme's page shows for placing a reflection assignment. */
    public static String code(String programmeId, String assignmentId) {
        return programmeId + "/" + assignmentId;
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
    public List<Views.Field> settingsFields(PageTexts texts, Map<String, String> form, Map<String, String> errors) {
        PageTexts t = texts.with(TEXTS);
        return List.of(new Views.Field("code", t.t("picker.code"), t.t("picker.code.hint"),
                form.getOrDefault("code", ""), "text", 160, errors.get("code"), List.of(), false, false));
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts texts) {
        String code = form.getOrDefault("code", "").strip();
        if (!code.matches(CODE_PATTERN)) {
            return Settings.refused(Map.of("code", texts.with(TEXTS).t("picker.error.code")));
        }
        return Settings.accepted(Map.of(CODE, code));
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        String code = custom.getOrDefault(CODE, "").strip();
        return code.matches(CODE_PATTERN) ? Map.of(CODE, code) : Map.of();
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return NAME.in(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        String code = settings.getOrDefault(CODE, "");
        return KIND + ":" + (code.contains("/") ? code.substring(code.indexOf('/') + 1) : "unlinked");
    }

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        Optional<Linked> linked = linked(session);
        if (linked.isPresent() && linked.get().programme().has(session.person(), ProgrammeRole.PARTICIPANT)) {
            var started = pages.find(session, linked.get().programme().id(), linked.get().assignmentId());
            if (started.isEmpty()) {
                var made = service.startReflection(session.tenant(), linked.get().programme().id(),
                        linked.get().assignmentId(), session.person(), null);
                started = made.isAccepted() ? Optional.of(made.orElseThrow()) : Optional.empty();
            }
            if (started.isPresent()) {
                return new Entry(started.get().value().id(), session.language(), "reflection");
            }
        }
        return new Entry(NOT_STARTED, session.language(), "reflection");
    }

    @Override
    public Answer handle(Call call) {
        PageSession session = call.session();
        String path = call.path();
        if (path.equals("language") && call.post()) {
            return Answer.redirect(call.base() + "/start");
        }
        Optional<Linked> linked = linked(session);
        PageTexts t = ReflectionPages.texts(call);
        if (linked.isEmpty()) {
            return Answer.page(404, "reflection/notice.jte", new ReflectionPages.ReflectionNotice(
                    call.frame(t.t("reflection.unlinked.title"), "start"), t.t("reflection.unlinked.title"),
                    t.t("reflection.unlinked.text"), null));
        }
        Programme programme = linked.get().programme();
        if (path.startsWith("feedback/")) {
            return pages.coach(call, programme, path.substring("feedback/".length()), path, null);
        }
        if (session.role() != PageSession.Role.LEARNER || !path.equals("reflection")) {
            return Answer.notFound();
        }
        Optional<Versioned<ReflectionAssignment>> mine = pages.find(session, programme.id(), linked.get().assignmentId());
        if (mine.isPresent() && !mine.get().value().id().equals(session.documentId())) {
            return Answer.redirect(call.base() + "/start");
        }
        return pages.learner(call, programme, linked.get().assignmentId(), "reflection", true, null);
    }

    private Optional<Linked> linked(PageSession session) {
        String code = session.placement().settings().getOrDefault(CODE, "");
        if (!code.matches(CODE_PATTERN)) {
            return Optional.empty();
        }
        String programmeId = code.substring(0, code.indexOf('/'));
        String assignmentId = code.substring(code.indexOf('/') + 1);
        return programmes.find(session.tenant(), programmeId).map(Versioned::value)
                .filter(p -> p.assignment(assignmentId).filter(a -> a.fulfilledBy() instanceof Fulfilment.Reflection)
                        .isPresent())
                .map(p -> new Linked(p, assignmentId));
    }

    private record Linked(Programme programme, String assignmentId) {
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return "progress";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts texts) {
        PageTexts t = texts.with(TEXTS);
        Optional<Linked> linked = linked(session);
        Map<String, ReflectionView.Progress> byLearner = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>(people);
        if (linked.isPresent()) {
            for (ReflectionView.Progress p : service.reflectionProgress(session.tenant(), linked.get().programme().id())) {
                if (p.assignmentId().equals(linked.get().assignmentId())) {
                    byLearner.put(p.learner().value(), p);
                    names.putIfAbsent(p.learner().value(), "");
                }
            }
            linked.get().programme().withRole(ProgrammeRole.PARTICIPANT).forEach(p -> names.putIfAbsent(p.value(), ""));
        }
        names.remove(session.person().value());
        int[] counts = new int[4];
        List<Row> rows = new ArrayList<>();
        int unnamed = 1;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue().isBlank() ? t.t("progress.unnamed", unnamed++) : entry.getValue();
            ReflectionView.Progress p = byLearner.get(entry.getKey());
            int column = p == null ? 0 : p.status().ordinal() + 1;
            counts[column]++;
            String status = t.t("progress.status." + column);
            String late = p != null && p.late() ? t.t("progress.yes") : t.t("progress.no");
            rows.add(new Row(entry.getKey(), name, List.of(status, p == null || p.submittedAt() == null ? ""
                    : fi.kasvu.lms.web.When.format(p.submittedAt(), t.language()), late), List.of(),
                    p != null && p.status() != ReflectionView.Status.DRAFT));
        }
        rows.sort(java.util.Comparator.comparing(Row::name));
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(t.t("progress.status." + i), counts[i], 48 + i * 84, 210 - height, height));
        }
        return new Progress(List.of(t.t("progress.status"), t.t("progress.submittedAt"), t.t("progress.late")), rows,
                bars, t.t("progress.chart"), linked.isPresent() ? t.t("progress.intro") : t.t("reflection.unlinked.text"));
    }

    // ---- completion ----

    /** A submitted reflection is complete with full points: Kasvu records that it was done, not how well it was written. */
    @Override
    public Completion completion(TenantId tenant, String documentId) {
        if (documentId == null || documentId.isEmpty() || documentId.equals(NOT_STARTED)) {
            return Completion.notYet();
        }
        return reflections.find(tenant, documentId).filter(r -> r.value().submitted())
                .map(r -> Completion.full()).orElse(Completion.notYet());
    }
}
