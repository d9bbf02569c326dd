package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.i18n.PeerMessages;
import fi.kasvu.lms.peer.Forming;
import fi.kasvu.lms.peer.ParticipantCsv;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationProgress;
import fi.kasvu.peer.FormedGroup;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.GroupingKey;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerRoster;
import fi.kasvu.peer.PreviousRounds;
import fi.kasvu.peer.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The organiser's pages of a peer-group activity: participants (intake answers and an uploaded
 * CSV, previewed and checked line by line before storing), forming with core's optimiser,
 * the preview with each group's explanation, moving a person by hand, publishing, and the
 * overview of published groups with counts only. No note and no reflection is ever read here.
 */
final class OrganiserPages {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrganiserPages.class);

    /** The default "not met for" limit in weeks. */
    static final int DEFAULT_WEEKS = 6;

    /** The longest CSV pasted. */
    static final int MAX_CSV = 1_000_000;

    private final PeerActivity activity;
    private final Call call;
    private final PageTexts t;
    private final GroupKind kind;

    OrganiserPages(PeerActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.t = call.texts();
        this.kind = PeerSettings.fromCustom(call.session().placement().settings()).kind();
    }

    Answer handle(String path) {
        return switch (path) {
            case "peer/organiser" -> call.post() ? Answer.notFound() : page(List.of(), "", null, 200);
            case "peer/upload" -> call.post() ? upload() : Answer.redirect(call.base() + "/peer/organiser");
            case "peer/form" -> call.post() ? form() : Answer.redirect(call.base() + "/peer/organiser");
            case "peer/move" -> call.post() ? move() : Answer.redirect(call.base() + "/peer/organiser");
            case "peer/publish" -> call.post() ? publish() : Answer.redirect(call.base() + "/peer/organiser");
            case "peer/export.csv" -> call.post() ? Answer.notFound() : export();
            default -> Answer.notFound();
        };
    }

    // ---- participants ----

    private Answer upload() {
        // A file chosen without scripts arrives as its text and wins over the box (with scripts,
        // the page puts the file's text in the box and sends the box only).
        boolean file = call.has("csvfile");
        String csv = file ? call.param("csvfile") : call.param("csv");
        if (file) {
            Optional<String> unreadable = unreadableFile(csv);
            if (unreadable.isPresent()) {
                return page(List.of(new Views.Message("#upload-problems", unreadable.get())), "",
                        new PeerViews.UploadView("", columns(), List.of(unreadable.get()), List.of(), false), 422);
            }
            csv = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        }
        if (csv.length() > MAX_CSV) {
            return page(List.of(new Views.Message("#f-csv", t.t("peer.upload.error.tooLarge", MAX_CSV))), "",
                    new PeerViews.UploadView("", columns(), List.of(t.t("peer.upload.error.tooLarge", MAX_CSV)),
                            List.of(), false), 413);
        }
        Checked checked = check(csv);
        if (!checked.problems.isEmpty() || !call.param("do").equals("store")) {
            List<Views.Message> errors = checked.problems.isEmpty() ? List.of()
                    : List.of(new Views.Message("#upload-problems", t.t("peer.upload.error.summary",
                    checked.problems.size())));
            return page(errors, "", new PeerViews.UploadView(csv, columns(), checked.problems,
                    checked.problems.isEmpty() ? rows(checked.rows) : List.of(), checked.problems.isEmpty()),
                    checked.problems.isEmpty() ? 200 : 422);
        }
        List<PeerRoster.Entry> entries = checked.rows.stream().map(r -> new PeerRoster.Entry(r.participant(),
                kind == GroupKind.ONBOARDING_POOL ? r.capacity() : 0, PeerRoster.Source.UPLOAD,
                activity.clock.instant())).toList();
        for (int attempt = 0; attempt < 5; attempt++) {
            Versioned<PeerRoster> current = activity.roster(call.session());
            if (activity.rosters.save(call.session().tenant(), current.with(current.value().withUpload(entries)))
                    instanceof SaveResult.Saved<PeerRoster>) {
                return page(List.of(), t.t("peer.upload.stored", entries.size()), null, 200);
            }
        }
        throw new java.util.ConcurrentModificationException("the roster kept changing");
    }

    /** Why a chosen file's text cannot be read (not UTF-8, or control characters), naming the line. */
    private Optional<String> unreadableFile(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\uFFFD') {
                return Optional.of(t.t("peer.csv.atLine", line) + t.t("peer.upload.error.encoding"));
            } else if (c != '\t' && c != '\r' && (Character.isISOControl(c))) {
                return Optional.of(t.t("peer.csv.atLine", line) + t.t("peer.upload.error.control"));
            }
        }
        return Optional.empty();
    }

    private record Checked(List<ParticipantCsv.Row> rows, List<String> problems) {
    }

    /** Reads and checks the CSV: the file's own rules, then everyone must be on the course's roster. */
    private Checked check(String csv) {
        ParticipantCsv.Result read = ParticipantCsv.read(csv, kind == GroupKind.ONBOARDING_POOL);
        List<String> problems = new ArrayList<>();
        for (ParticipantCsv.Problem problem : read.problems()) {
            problems.add(message(problem));
        }
        if (read.ok() && read.rows().isEmpty()) {
            problems.add(t.t("peer.csv.empty"));
        }
        if (read.ok()) {
            List<ClassRoster.Member> learners = learners();
            if (!learners.isEmpty()) {
                Set<PersonId> known = learners.stream().map(ClassRoster.Member::person).collect(Collectors.toSet());
                for (ParticipantCsv.Row row : read.rows()) {
                    if (!known.contains(row.participant().id())) {
                        problems.add(at(row.line(), "id") + t.t("peer.csv.notOnRoster",
                                excerpt(row.participant().id().value())));
                    }
                }
            }
        }
        return new Checked(problems.isEmpty() ? read.rows() : List.of(), problems);
    }

    private String message(ParticipantCsv.Problem problem) {
        Object[] args = problem.args().toArray();
        String text = t.t("peer.csv." + problem.code(), args);
        if (problem.line() == 0) {
            return text;
        }
        return at(problem.line(), problem.column()) + text;
    }

    private String at(int line, String column) {
        return column.isEmpty() ? t.t("peer.csv.atLine", line) : t.t("peer.csv.at", line, column);
    }

    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private String columns() {
        return String.join(",", ParticipantCsv.COLUMNS) + (kind == GroupKind.ONBOARDING_POOL ? ",capacity" : "");
    }

    private List<ClassRoster.Member> learners() {
        try {
            return activity.classRoster.learners(call.session());
        } catch (RuntimeException unavailable) {
            return List.of();
        }
    }

    // ---- forming ----

    private Answer form() {
        Map<String, String> errors = new LinkedHashMap<>();
        long seed = 1;
        try {
            seed = Long.parseLong(call.param("seed").strip().isEmpty() ? "1" : call.param("seed").strip());
        } catch (NumberFormatException notANumber) {
            errors.put("seed", t.t("peer.form.error.seed"));
        }
        GroupingKey groupBy = switch (call.param("groupBy")) {
            case "unit" -> GroupingKey.UNIT;
            case "site" -> GroupingKey.SITE;
            default -> GroupingKey.ORGANISATION;
        };
        MeetingPlan plan = null;
        if (!call.param("first").isBlank()) {
            try {
                int count = Integer.parseInt(call.param("meetings").strip());
                int every = Integer.parseInt(call.param("every").strip());
                plan = new MeetingPlan(LocalDate.parse(call.param("first").strip()), count, every);
            } catch (DateTimeParseException | IllegalArgumentException bad) {
                errors.put("first", t.t("peer.form.error.plan"));
            }
        }
        List<Forming.Person> people = activity.roster(call.session()).value().entries().stream()
                .map(e -> new Forming.Person(e.participant(), kind == GroupKind.ONBOARDING_POOL ? e.capacity() : 0))
                .toList();
        int fewest = Forming.fewestFor(kind);
        if (errors.isEmpty() && people.size() < fewest) {
            errors.put("seed", t.t("peer.form.error.tooFew", people.size(), fewest,
                    PeerTexts.kindName(kind, t.language())));
        }
        if (errors.isEmpty() && kind == GroupKind.ONBOARDING_POOL && people.stream().noneMatch(p -> p.capacity() > 0)) {
            errors.put("seed", t.t("peer.form.error.noOnboarder"));
        }
        if (!errors.isEmpty()) {
            List<Views.Message> messages = new ArrayList<>();
            errors.forEach((field, message) -> messages.add(new Views.Message("#f-" + field, message)));
            return page(messages, "", null, 422, errors);
        }
        List<Formation> published = published();
        int round = published.size() + 1;
        // The activity's own part keeps two activities with the same participants apart (their
        // formations, and the published groups' ids made from them, are stored per tenant).
        String id = String.format(java.util.Locale.ROOT, "round-%02d-", round)
                + PeerActivity.rosterId(call.session().contextId()).substring("peer-roster-".length(),
                "peer-roster-".length() + 8) + "-"
                + Forming.defaultId(kind, people.stream().map(Forming.Person::participant).toList());
        Forming.Spec spec = new Forming.Spec(id, kind, people, seed, groupBy, PreviousRounds.of(published), plan,
                call.session().contextId(), !"false".equals(call.param("preferOtherSite")));
        Formation formation = Forming.form(spec, FormationProgress.NONE);
        Optional<Versioned<Formation>> existing = activity.formations.find(call.session().tenant(), id);
        activity.formations.save(call.session().tenant(), existing.map(e -> e.with(formation))
                .orElseGet(() -> Versioned.unsaved(formation)));
        return Answer.redirect(call.base() + "/peer/organiser#formation");
    }

    private Answer move() {
        Optional<Versioned<Formation>> draft = draft();
        if (draft.isEmpty()) {
            return Answer.redirect(call.base() + "/peer/organiser");
        }
        Formation formation = draft.get().value();
        if (formation.kind() == GroupKind.ONBOARDING_POOL) {
            return movePool(draft.get());
        }
        String person = call.param("move");
        int to;
        try {
            to = Integer.parseInt(call.param("to-" + person).strip());
        } catch (NumberFormatException notANumber) {
            to = 0;
        }
        List<List<PersonId>> grouping = new ArrayList<>();
        boolean found = false;
        for (FormedGroup group : formation.groups()) {
            List<PersonId> ids = new ArrayList<>();
            for (GroupMember member : group.members()) {
                if (member.participant().id().value().equals(person)) {
                    found = true;
                } else {
                    ids.add(member.participant().id());
                }
            }
            grouping.add(ids);
        }
        if (!found || to < 1 || to > grouping.size()) {
            return page(List.of(new Views.Message("#formation", t.t("peer.move.error.target"))), "", null, 422);
        }
        grouping.get(to - 1).add(PersonId.of(person));
        Optional<Integer> tooSmall = java.util.stream.IntStream.range(0, grouping.size())
                .filter(i -> grouping.get(i).size() < 2).boxed().findFirst();
        if (tooSmall.isPresent()) {
            return page(List.of(new Views.Message("#formation", t.t("peer.move.error.alone", tooSmall.get() + 1))), "",
                    null, 422);
        }
        List<Forming.Person> people = activity.roster(call.session()).value().entries().stream()
                .map(e -> new Forming.Person(e.participant(), 0)).toList();
        Forming.Spec spec = new Forming.Spec(formation.id(), formation.kind(), people, formation.seed(),
                formation.groupingKey(), PreviousRounds.of(published()), planOf(formation), formation.context(), true);
        Formation moved;
        try {
            moved = GroupFormation.evaluate(Forming.request(spec), grouping);
        } catch (IllegalArgumentException notOnRoster) {
            return page(List.of(new Views.Message("#formation", t.t("peer.move.error.target"))), "", null, 422);
        }
        if (!(activity.formations.save(call.session().tenant(), draft.get().with(moved))
                instanceof SaveResult.Saved<Formation>)) {
            return page(List.of(new Views.Message("#formation", t.t("peer.publish.error.stale"))), "", null, 409);
        }
        long broken = moved.violations().size();
        return page(List.of(), broken == 0 ? t.t("peer.move.done", to) : t.t("peer.move.broken", to, broken), null, 200);
    }

    /**
     * Moves a newcomer of an onboarding pool to another onboarder's group: the pool is scored again
     * with core's {@code OnboardingPools.evaluate}, and a capacity exceeded or a language not shared
     * is listed at once with the people involved. Onboarders stay where they are.
     */
    private Answer movePool(Versioned<Formation> draft) {
        Formation formation = draft.value();
        String person = call.param("move");
        int to;
        try {
            to = Integer.parseInt(call.param("to-" + person).strip());
        } catch (NumberFormatException notANumber) {
            to = 0;
        }
        Map<PersonId, PersonId> assignment = new LinkedHashMap<>();
        boolean newcomer = false;
        for (FormedGroup group : formation.groups()) {
            PersonId onboarder = group.members().get(0).participant().id();
            for (GroupMember member : group.members()) {
                if (member.role() == fi.kasvu.peer.MemberRole.ONBOARDEE) {
                    assignment.put(member.participant().id(), onboarder);
                    newcomer |= member.participant().id().value().equals(person);
                }
            }
        }
        if (!newcomer || to < 1 || to > formation.groups().size()) {
            return page(List.of(new Views.Message("#formation", t.t("peer.move.error.newcomer"))), "", null, 422);
        }
        PersonId moving = PersonId.of(person);
        assignment.put(moving, formation.groups().get(to - 1).members().get(0).participant().id());
        List<Forming.Person> people = activity.roster(call.session()).value().entries().stream()
                .map(e -> new Forming.Person(e.participant(), e.capacity())).toList();
        Formation moved;
        try {
            Forming.Spec spec = new Forming.Spec(formation.id(), formation.kind(), people, formation.seed(),
                    formation.groupingKey(), PreviousRounds.none(), null, formation.context(), prefersOtherSite(formation));
            Formation scored = fi.kasvu.peer.OnboardingPools.evaluate(Forming.poolRequest(spec), assignment);
            // Newcomers nobody could take keep the reason the assignment gave.
            moved = new Formation(scored.id(), scored.kind(), scored.context(), scored.seed(), scored.groupingKey(),
                    scored.groups(), formation.unassigned(), scored.cohortScore(), scored.upperBound(), scored.findings(),
                    formation.iterations());
        } catch (IllegalArgumentException changedRoster) {
            // The roster changed since forming (a new upload): the preview no longer matches it.
            return page(List.of(new Views.Message("#formation", t.t("peer.move.error.roster"))), "", null, 409);
        }
        if (!(activity.formations.save(call.session().tenant(), draft.with(moved)) instanceof SaveResult.Saved<Formation>)) {
            return page(List.of(new Views.Message("#formation", t.t("peer.publish.error.stale"))), "", null, 409);
        }
        int now = moved.groups().stream().filter(g -> g.members().stream().anyMatch(m -> m.participant().id()
                .equals(moving))).mapToInt(FormedGroup::number).findFirst().orElse(to);
        long broken = moved.violations().size();
        return page(List.of(), broken == 0 ? t.t("peer.move.done", now) : t.t("peer.move.broken", now, broken), null, 200);
    }

    /** Whether the pool was formed preferring another site (read back from its groups' scores; yes when unknown). */
    private static boolean prefersOtherSite(Formation formation) {
        for (FormedGroup group : formation.groups()) {
            Double value = group.score().values().get(fi.kasvu.peer.Criterion.REGION_DIVERSITY);
            if (value != null && value > 0) {
                Double contribution = group.score().contributions().get(fi.kasvu.peer.Criterion.REGION_DIVERSITY);
                return contribution != null && contribution > 0;
            }
        }
        return true;
    }

    /** The meeting plan a formation was made with, read back from its first group's meetings. */
    private static MeetingPlan planOf(Formation formation) {
        if (formation.groups().isEmpty() || formation.groups().get(0).meetings().isEmpty()) {
            return null;
        }
        List<Meeting.Planned> meetings = formation.groups().get(0).meetings();
        int weeks = meetings.size() < 2 ? 1
                : (int) ChronoUnit.WEEKS.between(meetings.get(0).date(), meetings.get(1).date());
        return new MeetingPlan(meetings.get(0).date(), meetings.size(), Math.max(1, Math.min(52, weeks)));
    }

    /**
     * Publishes the preview the organiser saw: its groups start in Kasvu, and are created in the
     * course on the platform when it has course services. A group's id is the formation's id and
     * the group's number, so two organisers (or two tabs) publishing at once start each group once:
     * the second insert of an id is refused by the store. Publishing a round again (the overview's
     * button, or a stale tab) starts nothing twice and creates in the course only what is missing.
     */
    private Answer publish() {
        String seen = call.param("formation");
        Optional<Versioned<Formation>> draft = draft();
        List<Formation> published = published();
        Formation target;
        int round;
        if (draft.isPresent() && (seen.isEmpty() || seen.equals(draft.get().value().id()))) {
            String version = call.param("version");
            if (!version.isEmpty() && !version.equals(Long.toString(draft.get().version()))) {
                return page(List.of(new Views.Message("#formation", t.t("peer.publish.error.stale"))), "", null, 409);
            }
            target = draft.get().value();
            round = published.size() + 1;
        } else {
            int index = -1;
            for (int i = 0; i < published.size(); i++) {
                if (published.get(i).id().equals(seen)) {
                    index = i;
                }
            }
            if (index < 0) {
                return draft.isPresent()
                        ? page(List.of(new Views.Message("#formation", t.t("peer.publish.error.stale"))), "", null, 409)
                        : page(List.of(new Views.Message("#formation", t.t("peer.publish.error.none"))), "", null, 422);
            }
            target = published.get(index);
            round = index + 1;
        }
        List<FormedGroup> publishable = target.groups().stream().filter(g -> g.size() >= 2).toList();
        if (publishable.isEmpty()) {
            return page(List.of(new Views.Message("#formation", t.t("peer.publish.error.none"))), "", null, 422);
        }
        int created = 0;
        List<CoursePublishing.Numbered> numbered = new ArrayList<>();
        List<Versioned<PeerGroup>> existing = activity.service.inContext(call.session().tenant(),
                call.session().contextId()).stream().filter(g -> target.id().equals(g.value().formationId())).toList();
        for (FormedGroup formed : publishable) {
            String id = target.id() + "-g" + formed.number();
            Optional<PeerGroup> stored = existing.stream().map(Versioned::value)
                    .filter(g -> g.id().equals(id) || sameMembers(g, formed)).findFirst();
            if (stored.isEmpty()) {
                SaveResult<PeerGroup> saved = activity.groups.save(call.session().tenant(),
                        Versioned.unsaved(PeerGroup.start(id, target, formed)));
                if (saved instanceof SaveResult.Saved<PeerGroup> done) {
                    created++;
                    stored = Optional.of(done.orElseThrow().value());
                } else {
                    // Another organiser's publish started this group a moment ago.
                    stored = activity.service.find(call.session().tenant(), id).map(Versioned::value)
                            .filter(g -> call.session().contextId().equals(g.context()));
                }
            }
            stored.ifPresent(g -> numbered.add(new CoursePublishing.Numbered(formed.number(), g)));
        }
        if (created > 0) {
            LOG.info("Published {} peer groups of formation {}", created, target.id());
        }
        String notice = created > 0 ? t.t("peer.publish.done", created)
                : t.t("peer.publish.already", numbered.size());
        CoursePublishing.Outcome course = CoursePublishing.publish(activity.course, activity.classRoster,
                call.session(), t, round, numbered);
        List<Views.Message> errors = course.failed() ? List.of(new Views.Message("#overview", course.error()))
                : List.of();
        return page(errors, notice + (course.notice().isEmpty() ? "" : " " + course.notice()), null, 200);
    }

    private static boolean sameMembers(PeerGroup group, FormedGroup formed) {
        Set<PersonId> a = new HashSet<>();
        group.members().forEach(m -> a.add(m.participant().id()));
        Set<PersonId> b = new HashSet<>();
        formed.members().forEach(m -> b.add(m.participant().id()));
        return a.equals(b);
    }

    /** Formations of this activity whose groups were published, oldest round first. */
    private List<Formation> published() {
        Set<String> ids = new HashSet<>();
        activity.service.inContext(call.session().tenant(), call.session().contextId())
                .forEach(g -> ids.add(g.value().formationId()));
        return activity.formations.listByContext(call.session().tenant(), call.session().contextId()).documents().stream()
                .map(Versioned::value).filter(f -> ids.contains(f.id())).sorted(Comparator.comparing(Formation::id))
                .toList();
    }

    /** The newest formation not yet published. */
    private Optional<Versioned<Formation>> draft() {
        Set<String> ids = new HashSet<>();
        activity.service.inContext(call.session().tenant(), call.session().contextId())
                .forEach(g -> ids.add(g.value().formationId()));
        return activity.formations.listByContext(call.session().tenant(), call.session().contextId()).documents().stream()
                .filter(f -> !ids.contains(f.value().id())).findFirst();
    }

    // ---- overview and export: counts only ----

    private int weeks() {
        try {
            int weeks = Integer.parseInt(call.param("weeks").strip());
            return weeks >= 1 && weeks <= 52 ? weeks : DEFAULT_WEEKS;
        } catch (NumberFormatException notGiven) {
            return DEFAULT_WEEKS;
        }
    }

    /** One published group's counts. */
    private record Counts(String label, int round, int number, List<Participant> members, int planned, int held,
                          int attended, int possible, LocalDate lastMet, boolean stale) {
    }

    private List<Counts> counts() {
        LocalDate today = LocalDate.ofInstant(activity.clock.instant(), ZoneOffset.UTC);
        int weeks = weeks();
        List<Formation> rounds = published();
        Map<String, Integer> roundOf = new LinkedHashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            roundOf.put(rounds.get(i).id(), i + 1);
        }
        List<PeerGroup> all = activity.service.inContext(call.session().tenant(), call.session().contextId()).stream()
                .map(Versioned::value).sorted(Comparator.comparing((PeerGroup g) -> roundOf.getOrDefault(g.formationId(), 0))
                        .thenComparing(g -> g.members().get(0).participant().name()).thenComparing(PeerGroup::id))
                .toList();
        List<Counts> counts = new ArrayList<>();
        Map<Integer, Integer> numbers = new TreeMap<>();
        for (PeerGroup group : all) {
            int round = roundOf.getOrDefault(group.formationId(), 0);
            int number = numbers.merge(round, 1, Integer::sum);
            int planned = 0;
            int held = 0;
            int attended = 0;
            LocalDate last = null;
            LocalDate firstPlanned = null;
            for (Meeting meeting : group.meetings()) {
                if (meeting instanceof Meeting.Held h) {
                    held++;
                    attended += (int) h.attendance().stream().filter(group::isMember).count();
                    last = last == null || h.date().isAfter(last) ? h.date() : last;
                } else {
                    planned++;
                    firstPlanned = firstPlanned == null || meeting.date().isBefore(firstPlanned) ? meeting.date() : firstPlanned;
                }
            }
            LocalDate limit = today.minusWeeks(weeks);
            boolean stale = last != null ? !last.isAfter(limit) : firstPlanned == null || !firstPlanned.isAfter(limit);
            counts.add(new Counts(t.t("peer.overview.groupLabel", round, number), round, number,
                    group.members().stream().map(GroupMember::participant).toList(), planned, held, attended,
                    held * group.members().size(), last, stale));
        }
        return counts;
    }

    private PeerViews.OverviewView overview() {
        List<Counts> counts = counts();
        if (counts.isEmpty()) {
            return null;
        }
        List<PeerViews.OverviewRow> rows = new ArrayList<>();
        for (Counts c : counts) {
            rows.add(new PeerViews.OverviewRow(c.label(), c.members().stream()
                    .map(p -> p.name() + " (" + p.organisation() + ")").toList(), c.planned(), c.held(),
                    c.possible() == 0 ? "–" : Math.round(100.0 * c.attended() / c.possible()) + " %",
                    c.lastMet() == null ? t.t("peer.overview.never") : c.lastMet().toString(), c.stale()));
        }
        // Meetings held per month, over the twelve months up to this one.
        YearMonth now = YearMonth.from(LocalDate.ofInstant(activity.clock.instant(), ZoneOffset.UTC));
        Map<YearMonth, Integer> perMonth = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            perMonth.put(now.minusMonths(i), 0);
        }
        for (Versioned<PeerGroup> stored : activity.service.inContext(call.session().tenant(), call.session().contextId())) {
            for (Meeting meeting : stored.value().meetings()) {
                if (meeting instanceof Meeting.Held) {
                    perMonth.computeIfPresent(YearMonth.from(meeting.date()), (k, v) -> v + 1);
                }
            }
        }
        int max = Math.max(1, perMonth.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        List<Views.Bar> bars = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        int i = 0;
        for (Map.Entry<YearMonth, Integer> month : perMonth.entrySet()) {
            int height = month.getValue() * 170 / max;
            String label = month.getKey().getMonthValue() + "/" + (month.getKey().getYear() % 100);
            bars.add(new Views.Bar(label, month.getValue(), 44 + i * 42, 210 - height, height));
            sentence.add(t.t("peer.overview.chart.month", label, month.getValue()));
            i++;
        }
        String chartText = t.t("peer.overview.chart.text", String.join("; ", sentence));
        List<String> stale = counts.stream().filter(Counts::stale).map(Counts::label).toList();
        List<Formation> rounds = published();
        return new PeerViews.OverviewView(rows, bars, chartText, weeks(), stale, call.base() + "/peer/export.csv?weeks="
                + weeks(), rounds.size(), rounds.isEmpty() ? "" : rounds.get(rounds.size() - 1).id());
    }

    /** The programme report's CSV: counts per group, no names, notes or reflections; attendance hidden below three members. */
    private Answer export() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("round", "group", "members",
                "meetings_planned", "meetings_held", "attendance_percent", "last_met", "not_met_for_" + weeks() + "_weeks")
                .build())) {
            for (Counts c : counts()) {
                printer.printRecord(c.round(), c.number(), c.members().size(), c.planned(), c.held(),
                        c.members().size() < 3 || c.possible() == 0 ? "" : Math.round(100.0 * c.attended() / c.possible()),
                        c.lastMet() == null ? "" : c.lastMet().toString(), c.stale() ? "yes" : "no");
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return new Answer.Download("text/csv; charset=utf-8", "kasvu-peer-groups-"
                + LocalDate.ofInstant(activity.clock.instant(), ZoneOffset.UTC) + ".csv",
                out.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- the page ----

    private Answer page(List<Views.Message> errors, String notice, PeerViews.UploadView upload, int status) {
        return page(errors, notice, upload, status, Map.of());
    }

    private Answer page(List<Views.Message> errors, String notice, PeerViews.UploadView upload, int status,
                        Map<String, String> formErrors) {
        Language language = t.language();
        PeerRoster roster = activity.roster(call.session()).value();
        List<PeerViews.PersonRow> people = new ArrayList<>();
        for (PeerRoster.Entry entry : roster.entries()) {
            people.add(row(entry.participant(), entry.capacity(), t.t("peer.source." + entry.source().name())));
        }
        people.sort(Comparator.comparing(PeerViews.PersonRow::name));
        PeerViews.UploadView shownUpload = upload != null ? upload
                : new PeerViews.UploadView("", columns(), List.of(), List.of(), false);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("seed", t.t("peer.form.seed"), t.t("peer.form.seed.hint"), call.param("seed").isEmpty()
                ? "1" : call.param("seed"), "number", 19, formErrors.get("seed"), List.of(), false, false));
        if (kind != GroupKind.ONBOARDING_POOL) {
            String groupBy = call.param("groupBy").isEmpty() ? "organisation" : call.param("groupBy");
            fields.add(new Field("groupBy", t.t("peer.form.groupBy"), t.t("peer.form.groupBy.hint"), groupBy, "select", 0,
                    null, List.of(new Choice("organisation", t.t("peer.form.groupBy.organisation"),
                            groupBy.equals("organisation"), ""),
                    new Choice("unit", t.t("peer.form.groupBy.unit"), groupBy.equals("unit"), ""),
                    new Choice("site", t.t("peer.form.groupBy.site"), groupBy.equals("site"), "")), false, false));
        } else {
            fields.add(new Field("preferOtherSite", t.t("peer.form.otherSite"), t.t("peer.form.otherSite.hint"), "true",
                    "select", 0, null, List.of(new Choice("true", t.t("progress.yes"), true, ""),
                    new Choice("false", t.t("progress.no"), false, "")), false, false));
        }
        fields.add(new Field("first", t.t("peer.form.first"), t.t("peer.form.first.hint"), call.param("first"), "date",
                10, formErrors.get("first"), List.of(), false, false));
        fields.add(new Field("meetings", t.t("peer.form.meetings"), "", call.param("meetings").isEmpty() ? "3"
                : call.param("meetings"), "number", 3, null, List.of(), false, false));
        fields.add(new Field("every", t.t("peer.form.every"), "", call.param("every").isEmpty() ? "4"
                : call.param("every"), "number", 2, null, List.of(), false, false));
        PeerViews.DraftView draft = draft().map(d -> draftView(d.value(), d.version())).orElse(null);
        Views.Frame frame = call.frame(t.t("peer.organiser.title"), "peer/organiser");
        return Answer.page(status, "peer/organiser.jte", new PeerViews.OrganiserView(frame, errors, notice,
                PeerTexts.kindName(kind, language), PeerTexts.kindHint(kind, language), people, shownUpload, fields, draft,
                overview()));
    }

    private PeerViews.PersonRow row(Participant p, int capacity, String source) {
        List<String> cells = new ArrayList<>(List.of(p.organisation(), p.unit(), p.site(), roleName(p),
                p.languages().stream().map(Language::code).collect(Collectors.joining(", "))));
        if (kind == GroupKind.ONBOARDING_POOL) {
            cells.add(capacity == 0 ? "–" : Integer.toString(capacity));
        }
        if (source != null) {
            cells.add(source);
        }
        return new PeerViews.PersonRow(p.name(), cells);
    }

    private String roleName(Participant p) {
        String key = "peer.role." + p.role().name();
        String text = t.t(key);
        return text.equals(key) ? p.role().name() : text;
    }

    private List<PeerViews.PersonRow> rows(List<ParticipantCsv.Row> rows) {
        return rows.stream().map(r -> row(r.participant(), r.capacity(), null)).toList();
    }

    private PeerViews.DraftView draftView(Formation formation, long version) {
        Map<PersonId, String> names = new LinkedHashMap<>();
        formation.groups().forEach(g -> g.members().forEach(m -> names.put(m.participant().id(), m.participant().name())));
        List<PeerViews.DraftGroup> groups = new ArrayList<>();
        List<String> allViolations = new ArrayList<>();
        boolean pool = formation.kind() == GroupKind.ONBOARDING_POOL;
        boolean movable = true;
        for (FormedGroup group : formation.groups()) {
            Set<PersonId> involved = new HashSet<>();
            List<String> violations = new ArrayList<>();
            for (Violation v : group.violations()) {
                involved.addAll(v.persons());
                String text = t.t("peer.violation." + v.constraint().name()) + " "
                        + PeerMessages.text(v.reason(), t.language());
                violations.add(text);
                allViolations.add(t.t("peer.overview.groupNumber", group.number()) + ": " + text);
            }
            List<PeerViews.DraftMember> members = new ArrayList<>();
            for (GroupMember member : group.members()) {
                Participant p = member.participant();
                List<Choice> targets = new ArrayList<>();
                for (FormedGroup other : formation.groups()) {
                    targets.add(new Choice(Integer.toString(other.number()), pool ? t.t("peer.move.poolTarget",
                            other.number(), other.members().get(0).participant().name()) : t.t("peer.overview.groupNumber",
                            other.number()), other.number() == group.number(), ""));
                }
                boolean canMove = !pool || member.role() == fi.kasvu.peer.MemberRole.ONBOARDEE;
                Field move = canMove ? new Field("to-" + p.id().value(), t.t("peer.move.label", p.name()), "",
                        Integer.toString(group.number()), "select", 0, null, targets, false, false) : null;
                members.add(new PeerViews.DraftMember(p.id().value(), p.name(), p.organisation()
                        + (p.site().isEmpty() ? "" : ", " + p.site()) + ", " + roleName(p) + " – "
                        + PeerTexts.memberRole(member.role(), t.language()), involved.contains(p.id()), move));
            }
            groups.add(new PeerViews.DraftGroup(group.number(), PeerMessages.text(group.explanation(), t.language()),
                    members, violations));
        }
        List<String> unassigned = formation.unassigned().stream()
                .map(u -> u.participant().name() + ": " + PeerMessages.text(u.reason(), t.language())).toList();
        return new PeerViews.DraftView(published().size() + 1, PeerMessages.texts(formation.findings(), t.language()),
                groups, unassigned, allViolations,
                movable, formation.id(), version);
    }
}
