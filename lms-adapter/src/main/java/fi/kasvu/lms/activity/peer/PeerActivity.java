package fi.kasvu.lms.activity.peer;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.lms.peer.Forming;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.peer.Formations;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.PeerEvents;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerGroupService;
import fi.kasvu.peer.PeerGroups;
import fi.kasvu.peer.PeerRoster;
import fi.kasvu.peer.PeerRosters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Peer groups as an LMS activity: learners give the attributes formation needs on a short intake
 * form (or an organiser uploads them), the organiser forms groups with core's optimiser, previews
 * them with each group's explanation, moves people by hand and publishes; members then keep their
 * group's charter, meetings, notes and private reflections on their group's page, and the
 * organiser follows counts only, never notes or reflections.
 */
public final class PeerActivity implements Activity {

    /** The kind's id. */
    public static final String KIND = "peer-groups";

    /** The base name of the peer-group activity's text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.peer.messages";

    private static final LocalizedText NAME = LocalizedText.of("Vertaisryhmät", "Kamratgrupper", "Peer groups");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Oppijat muodostavat vertaistriadeja, käänteisen mentoroinnin ryhmiä, valmennusryhmiä tai perehdytyspoolin. "
                    + "Ryhmä sopii tapaamisistaan ja teemoistaan; muistiinpanot ovat vain jäsenille ja pohdinnat vain "
                    + "kirjoittajalle.",
            "De studerande bildar kamrattriader, grupper för omvänd mentorskap, coachinggrupper eller en "
                    + "introduktionspool. Gruppen kommer överens om sina möten och teman; anteckningarna är bara för "
                    + "medlemmarna och reflektionerna bara för skribenten.",
            "Learners form peer triads, reverse-mentoring groups, coaching groups or an onboarding pool. Each group "
                    + "agrees its meetings and themes; its notes are for members only and reflections for their author only.");

    final PeerRosters rosters;
    final Formations formations;
    final PeerGroups groups;
    final PeerGroupService service;
    final ClassRoster classRoster;
    final CourseServices course;
    final GrowConversations grow;
    final Clock clock;
    final IdGenerator ids;

    private PeerActivity(PeerRosters rosters, Formations formations, PeerGroups groups, ClassRoster classRoster,
                         CourseServices course, GrowConversations grow, Clock clock, IdGenerator ids) {
        this.rosters = rosters;
        this.formations = formations;
        this.groups = groups;
        this.service = PeerGroupService.of(groups, PeerEvents.none(), clock, ids);
        this.classRoster = classRoster;
        this.course = course;
        this.grow = grow;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The peer-group activity on core's ports.
     *
     * @param classRoster the course's learners (the roster an upload is checked against)
     * @param course      the course's groups and calendar on the platform, where published groups are
     *                    created too ({@link CourseServices#none()} where the platform has none)
     * @throws NullPointerException if an argument is null
     */
    public static PeerActivity of(PeerRosters rosters, Formations formations, PeerGroups groups, ClassRoster classRoster,
                                  CourseServices course, GrowConversations grow, Clock clock, IdGenerator ids) {
        return new PeerActivity(Require.nonNull("rosters", rosters), Require.nonNull("formations", formations),
                Require.nonNull("groups", groups), Require.nonNull("classRoster", classRoster),
                Require.nonNull("course", course), Require.nonNull("grow", grow),
                Require.nonNull("clock", clock), Require.nonNull("ids", ids));
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
        String chosen = form.getOrDefault("groupKind", Forming.word(PeerSettings.defaults().kind()));
        List<Views.Choice> kinds = new ArrayList<>();
        for (GroupKind kind : PeerSettings.KINDS) {
            String word = Forming.word(kind);
            kinds.add(new Views.Choice(word, PeerTexts.kindName(kind, t.language()), word.equals(chosen),
                    PeerTexts.kindHint(kind, t.language())));
        }
        return List.of(new Views.Field("groupKind", t.t("peer.picker.kind"), "", chosen, "radio", 0,
                errors.get("groupKind"), kinds, false, false));
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts t) {
        Optional<GroupKind> kind = Forming.kind(form.getOrDefault("groupKind", ""));
        if (kind.isEmpty()) {
            return Settings.refused(Map.of("groupKind", t.t("peer.picker.error.kind")));
        }
        return Settings.accepted(new PeerSettings(kind.get()).toCustom());
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        Map<String, String> settings = new LinkedHashMap<>(PeerSettings.fromCustom(custom).toCustom());
        // What the platform says of the person (when it sends it) prefills the intake form.
        for (String claim : List.of(Intake.ORGANISATION_CLAIM, Intake.SITE_CLAIM)) {
            String value = custom.getOrDefault(claim, "").strip();
            if (!value.isEmpty() && !value.startsWith("$") && value.length() <= Require.MAX_ID
                    && value.codePoints().noneMatch(Character::isISOControl)) {
                settings.put(claim, value);
            }
        }
        return settings;
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return PeerSettings.fromCustom(settings).defaultTitle(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return KIND + ":" + Forming.word(PeerSettings.fromCustom(settings).kind());
    }

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        String rosterId = rosterId(session.contextId());
        PersonId me = session.person();
        Optional<Versioned<PeerGroup>> group = groupsOf(session, me).stream().findFirst();
        if (group.isPresent()) {
            return new Entry(rosterId, session.language(), "peer/group/" + group.get().value().id());
        }
        boolean known = rosters.find(session.tenant(), rosterId).map(r -> r.value().find(me).isPresent()).orElse(false);
        return new Entry(rosterId, session.language(), known ? "peer/waiting" : "peer/intake");
    }

    @Override
    public Answer handle(Call call) {
        String rest = call.path();
        if (call.session().role() == PageSession.Role.ORGANISER) {
            return new OrganiserPages(this, call).handle(rest);
        }
        if (call.session().role() != PageSession.Role.LEARNER) {
            return Answer.notFound();
        }
        if (rest.equals("language") && call.post()) {
            return Answer.redirect(call.base() + "/start");
        }
        if (rest.equals("peer/intake") || rest.equals("peer/waiting")) {
            return new Intake(this, call).handle(rest);
        }
        if (rest.startsWith("peer/group/") || rest.startsWith("peer/save/") || rest.equals("autosave")) {
            return new GroupPage(this, call).handle(rest);
        }
        return Answer.notFound();
    }

    // ---- organisers ----

    @Override
    public String organiserHome() {
        return "peer/organiser";
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        Map<String, String> names = new LinkedHashMap<>(people);
        Map<String, String> groupOf = new LinkedHashMap<>();
        Map<String, int[]> attended = new LinkedHashMap<>();
        List<Versioned<PeerGroup>> published = service.inContext(session.tenant(), session.contextId());
        for (Versioned<PeerGroup> stored : published) {
            PeerGroup group = stored.value();
            for (var member : group.members()) {
                String id = member.participant().id().value();
                names.putIfAbsent(id, member.participant().name());
                groupOf.putIfAbsent(id, group.id());
                int[] counts = attended.computeIfAbsent(id, k -> new int[1]);
                for (Meeting meeting : group.meetings()) {
                    if (meeting instanceof Meeting.Held held && held.attendance().contains(member.participant().id())) {
                        counts[0]++;
                    }
                }
            }
        }
        names.remove(session.person().value());
        List<Row> rows = new ArrayList<>();
        int inGroups = 0;
        for (Map.Entry<String, String> entry : names.entrySet()) {
            boolean grouped = groupOf.containsKey(entry.getKey());
            inGroups += grouped ? 1 : 0;
            rows.add(new Row(entry.getKey(), entry.getValue().isBlank() ? t.t("progress.unnamed", rows.size() + 1)
                    : entry.getValue(), List.of(grouped ? t.t("progress.yes") : t.t("progress.no"),
                    Integer.toString(attended.getOrDefault(entry.getKey(), new int[1])[0])), List.of(), false));
        }
        rows.sort(Comparator.comparing(Row::name));
        int max = Math.max(1, Math.max(inGroups, rows.size() - inGroups));
        List<Views.Bar> bars = List.of(
                new Views.Bar(t.t("peer.progress.inGroup"), inGroups, 48, 210 - inGroups * 170 / max, inGroups * 170 / max),
                new Views.Bar(t.t("peer.progress.notInGroup"), rows.size() - inGroups, 132,
                        210 - (rows.size() - inGroups) * 170 / max, (rows.size() - inGroups) * 170 / max));
        return new Progress(List.of(t.t("peer.progress.inGroup"), t.t("peer.progress.attended")), rows, bars,
                t.t("peer.progress.chart"), t.t("peer.progress.intro"));
    }

    // ---- completion ----

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        // The activity's document is the shared roster; completion is not scored in this version.
        return Completion.notYet();
    }

    /**
     * Peer groups are never graded in this version: nothing completes the shared roster (see
     * {@link #completion}), so the picker offers no grading for them (before, it offered one that
     * no completion could ever fill).
     */
    @Override
    public boolean gradable() {
        return false;
    }

    // ---- shared helpers ----

    /** The roster's id for an activity context: a hash, so every launch of the activity finds the same one. */
    static String rosterId(String context) {
        return "peer-roster-" + Hashes.sha256Hex(context, 16);
    }

    /** The activity's roster, or an empty one (not yet saved). */
    Versioned<PeerRoster> roster(PageSession session) {
        String id = rosterId(session.contextId());
        return rosters.find(session.tenant(), id)
                .orElseGet(() -> Versioned.unsaved(PeerRoster.empty(id, session.contextId())));
    }

    /** The person's published groups in the activity, newest round first. */
    List<Versioned<PeerGroup>> groupsOf(PageSession session, PersonId person) {
        return service.inContext(session.tenant(), session.contextId()).stream()
                .filter(g -> g.value().isMember(person))
                .sorted(Comparator.comparingInt((Versioned<PeerGroup> g) -> roundOf(g.value().formationId())).reversed())
                .toList();
    }

    /** The round a formation id of this activity names ({@code round-02-…} → 2), or 0. */
    static int roundOf(String formationId) {
        if (formationId == null || !formationId.matches("round-\\d{1,4}-.*")) {
            return 0;
        }
        return Integer.parseInt(formationId.substring("round-".length(), formationId.indexOf('-', "round-".length())));
    }
}
