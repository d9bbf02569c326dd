package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentStage.Step;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.survey.CultureElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team experiment (the VALOA flow) as an LMS activity: teams formed from the course roster
 * move together through the situational picture, phenomenon and change mapping, the plan, the
 * run with its observation log, the evaluation, the decision and sharing in the case library.
 * Members edit the same pages at once, field by field; a clash on one field shows both texts.
 * The organiser forms the teams and sees each team's step, decision and last activity, never
 * the team's own words.
 */
public final class ExperimentActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "experiment";

    /** The base name of the kind's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.experiment.messages";

    private static final LocalizedText NAME = LocalizedText.of("Tiimikokeilu", "Teamexperiment", "Team experiment");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Tiimit kulkevat VALOA-polun yhdessä: tilannekuva, ilmiö- ja muutoshahmotus, kokeilun suunnitelma, "
                    + "kokeilu, arviointi, päätös ja jakaminen. Näet tiimien vaiheet ja päätökset, et niiden tekstejä.",
            "Teamen går VALOA-vägen tillsammans: lägesbild, fenomen- och förändringskartläggning, plan, försök, "
                    + "utvärdering, beslut och delning. Du ser teamens skeden och beslut, inte deras texter.",
            "Teams walk the VALOA path together: situational picture, phenomenon and change mapping, the plan, "
                    + "the experiment, evaluation, decision and sharing. You see each team's step and decision, "
                    + "not their texts.");

    private final Teams teams;
    private final LibraryEntries library;
    private final ClassRoster roster;
    private final CourseServices course;
    private final Clock clock;
    private final IdGenerator ids;

    private ExperimentActivity(Experiments experiments, LibraryEntries library, ClassRoster roster,
                               CourseServices course, Clock clock, IdGenerator ids) {
        this.teams = new Teams(experiments, clock);
        this.library = library;
        this.roster = roster;
        this.course = course;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The team experiment on core's ports.
     *
     * @param roster the course's learners, for forming teams
     * @throws NullPointerException if an argument is null
     */
    public static ExperimentActivity of(Experiments experiments, LibraryEntries library, ClassRoster roster,
                                        Clock clock, IdGenerator ids) {
        return of(experiments, library, roster, CourseServices.none(), clock, ids);
    }

    /**
     * The team experiment on core's ports, with the course's groups.
     *
     * @param roster the course's learners, for forming teams
     * @param course the course's groups through the platform's web services, for splitting within
     *               groups and importing them as teams
     * @throws NullPointerException if an argument is null
     */
    public static ExperimentActivity of(Experiments experiments, LibraryEntries library, ClassRoster roster,
                                        CourseServices course, Clock clock, IdGenerator ids) {
        return new ExperimentActivity(Require.nonNull("experiments", experiments), Require.nonNull("library", library),
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

    // ---- placing ----

    @Override
    public List<Views.Field> settingsFields(PageTexts t, Map<String, String> form, Map<String, String> errors) {
        ExperimentSettings defaults = ExperimentSettings.defaults();
        List<Views.Field> fields = new ArrayList<>();
        boolean fresh = form.isEmpty();
        boolean first = true;
        for (CultureElement block : CultureElement.values()) {
            String name = "block-" + ExperimentSettings.code(block);
            boolean checked = fresh ? defaults.blocks().contains(block) : !form.getOrDefault(name, "").isEmpty();
            fields.add(new Views.Field(name, block.title().in(t.language()), first ? t.t("picker.blocks.hint") : "",
                    "on", "checkbox", 0, first ? errors.get("block-community-directed") : null, List.of(), checked,
                    false));
            first = false;
        }
        String done = form.getOrDefault("done", defaults.doneWhen().code());
        fields.add(new Views.Field("done", t.t("picker.done"), t.t("picker.done.hint"), done, "radio", 0,
                errors.get("done"), List.of(
                        new Views.Choice("decision", t.t("picker.done.decision"), done.equals("decision"),
                                t.t("picker.done.decision.hint")),
                        new Views.Choice("shared", t.t("picker.done.shared"), done.equals("shared"),
                                t.t("picker.done.shared.hint"))), false, false));
        boolean personal = fresh ? defaults.personal() : !form.getOrDefault("personal", "").isEmpty();
        fields.add(new Views.Field("personal", t.t("picker.personal"), t.t("picker.personal.hint"), "on", "checkbox",
                0, null, List.of(), personal, false));
        return fields;
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<CultureElement> blocks = EnumSet.noneOf(CultureElement.class);
        for (CultureElement block : CultureElement.values()) {
            if (!form.getOrDefault("block-" + ExperimentSettings.code(block), "").isEmpty()) {
                blocks.add(block);
            }
        }
        if (blocks.isEmpty()) {
            errors.put("block-community-directed", t.t("picker.error.blocks"));
        }
        String done = form.getOrDefault("done", "");
        ExperimentSettings.DoneWhen doneWhen = null;
        for (ExperimentSettings.DoneWhen candidate : ExperimentSettings.DoneWhen.values()) {
            if (candidate.code().equals(done)) {
                doneWhen = candidate;
            }
        }
        if (doneWhen == null) {
            errors.put("done", t.t("picker.error.done"));
        }
        if (!errors.isEmpty()) {
            return Settings.refused(errors);
        }
        boolean personal = !form.getOrDefault("personal", "").isEmpty();
        return Settings.accepted(new ExperimentSettings(blocks, doneWhen, personal).toCustom());
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        return ExperimentSettings.fromCustom(custom).toCustom();
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return ExperimentSettings.fromCustom(settings).defaultTitle(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return KIND + ":" + ExperimentSettings.fromCustom(settings).doneWhen().code();
    }

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        Optional<Versioned<Experiment>> team = teams.of(session);
        if (team.isEmpty()) {
            return new Entry(TeamPage.NO_TEAM, session.language(), "no-team");
        }
        return new Entry(team.get().value().id(), session.language(), "step/" + TeamPage.current(team.get().value()));
    }

    @Override
    public Answer handle(Call call) {
        ExperimentSettings settings = ExperimentSettings.fromCustom(call.session().placement().settings());
        if (call.session().role() == PageSession.Role.ORGANISER) {
            if (LibraryPages.handles(call.path())) {
                return new LibraryPages(call, library, clock, ids,
                        java.util.Set.of(Teams.activityKey(call.session().contextId())), call.base() + "/teams")
                        .handle();
            }
            return new OrganiserPages(call, teams, roster, course, clock).handle();
        }
        if (call.session().role() != PageSession.Role.LEARNER) {
            return Answer.notFound();
        }
        return new TeamPage(call, settings, teams, library, clock, ids).handle();
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return "teams";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        return OrganiserPages.progress(session, people, t, teams);
    }

    // ---- completion ----

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        if (documentId == null || documentId.isEmpty() || documentId.equals(TeamPage.NO_TEAM)) {
            return Completion.notYet();
        }
        return teams.find(tenant, documentId).map(e -> decided(e.value()) ? Completion.full() : Completion.notYet())
                .orElse(Completion.notYet());
    }

    /** Complete as the placement counts it: the team's decision, or its shared case. */
    @Override
    public Completion completion(PageSession session) {
        Completion decided = completion(session.tenant(), session.documentId());
        if (!decided.complete()) {
            return decided;
        }
        ExperimentSettings settings = ExperimentSettings.fromCustom(session.placement().settings());
        return teams.find(session.tenant(), session.documentId()).filter(e -> done(settings, e.value()))
                .map(e -> Completion.full()).orElse(Completion.notYet());
    }

    /**
     * Every current member of the team (or the person of a personal experiment): a team's
     * completion scores them all. A member whose platform user id was too long to be kept as it
     * is (stored as its hash) is not named; the sweeper scores them from their own session.
     */
    @Override
    public List<String> scoredSubjects(TenantId tenant, String documentId) {
        if (documentId == null || documentId.isEmpty() || documentId.equals(TeamPage.NO_TEAM)) {
            return List.of();
        }
        return teams.find(tenant, documentId).map(e -> e.value().members().stream().map(m -> m.value())
                .filter(m -> !m.startsWith(Teams.HASHED)).sorted().toList()).orElse(List.of());
    }

    /** Whether the experiment is done as the settings count it. */
    static boolean done(ExperimentSettings settings, Experiment e) {
        return settings.doneWhen() == ExperimentSettings.DoneWhen.SHARED ? e.step() == Step.SHARE : decided(e);
    }

    /** Whether the team has reached a final decision (adopted or dropped; sharing comes after). */
    static boolean decided(Experiment experiment) {
        return experiment.step() == Step.DECISION || experiment.step() == Step.SHARE;
    }
}
