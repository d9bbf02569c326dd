package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentStage.Step;
import fi.kasvu.i18n.PracticeMessages;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.When;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organiser's pages: forming teams from the course roster (by hand, or split into teams of
 * N), and each team's step, decision and last activity with a chart of teams per step. Nothing of
 * a team's own words is read here: only the step, the decision's kind and the time.
 */
final class OrganiserPages {

    private final Call call;
    private final Teams teams;
    private final ClassRoster roster;
    private final CourseServices course;
    private final Clock clock;
    private final PageTexts t;

    OrganiserPages(Call call, Teams teams, ClassRoster roster, CourseServices course, Clock clock) {
        this.call = call;
        this.teams = teams;
        this.roster = roster;
        this.course = course;
        this.clock = clock;
        this.t = call.texts();
    }

    Answer handle() {
        if (!call.path().equals("teams")) {
            return Answer.notFound();
        }
        return call.post() ? post() : show("", Map.of(), 200);
    }

    /** Everyone the organiser can place: the roster's learners, then members the roster no longer lists. */
    private Map<PersonId, String> people(List<Versioned<Experiment>> all) {
        Map<PersonId, String> people = new LinkedHashMap<>();
        for (ClassRoster.Member member : roster.learners(call.session())) {
            people.put(Teams.person(member.subject()), member.name());
        }
        for (Versioned<Experiment> team : all) {
            for (PersonId member : team.value().members()) {
                people.putIfAbsent(member, "");
            }
        }
        people.remove(call.session().person());
        return people;
    }

    private static String key(PersonId person) {
        return "team." + Teams.hash(person.value()).substring(0, 16);
    }

    private Answer post() {
        String action = call.param("do");
        PageSession s = call.session();
        List<Versioned<Experiment>> all = teams.all(s.tenant(), s.contextId());
        Map<PersonId, String> people = people(all);
        String title = s.placement().title().isBlank() ? "Team experiment" : s.placement().title();
        if (action.equals("split")) {
            int size;
            try {
                size = Integer.parseInt(call.param("size").strip());
            } catch (NumberFormatException notANumber) {
                size = 0;
            }
            if (size < 2 || size > TeamSplit.MAX_SIZE) {
                return show("", Map.of("size", t.t("teams.error.size", TeamSplit.MAX_SIZE)), 422);
            }
            Set<PersonId> assigned = teams.assigned(s.tenant(), s.contextId());
            List<PersonId> unplaced = people.keySet().stream().filter(p -> !assigned.contains(p)).toList();
            if (unplaced.isEmpty()) {
                return show(t.t("teams.notice.nobody"), Map.of(), 200);
            }
            Map<PersonId, String> groupOf = new LinkedHashMap<>();
            String done = "split";
            if (!call.param("byGroup").isEmpty()) {
                CourseServices.Reply<List<CourseServices.CourseGroup>> reply = course.groups(s);
                if (reply instanceof CourseServices.Reply.Failed<List<CourseServices.CourseGroup>> failed) {
                    return show("", Map.of("byGroup", failure(failed, true)), 422);
                }
                if (reply instanceof CourseServices.Reply.Done<List<CourseServices.CourseGroup>> groups) {
                    for (CourseServices.CourseGroup group : groups.value()) {
                        group.subjects().forEach(subject -> groupOf.putIfAbsent(Teams.person(subject), group.id()));
                    }
                    done = groups.value().isEmpty() ? "split-nogroups" : "split-groups-" + groups.value().size();
                } else {
                    done = "split-notconfigured";
                }
            }
            List<TeamSplit.Candidate> free = new ArrayList<>();
            unplaced.forEach(p -> free.add(new TeamSplit.Candidate(p, groupOf.getOrDefault(p, ""))));
            List<List<PersonId>> split = TeamSplit.split(free, size);
            if (all.size() + split.size() > Teams.MAX_TEAMS) {
                return show("", Map.of("size", t.t("teams.error.tooMany", Teams.MAX_TEAMS)), 422);
            }
            for (List<PersonId> members : split) {
                teams.create(s.tenant(), s.contextId(), title, new LinkedHashSet<>(members));
            }
            return Answer.redirect(call.base() + "/teams?done=" + done);
        }
        if (action.equals("import")) {
            return importGroups(all, people, title);
        }
        if (action.equals("assign")) {
            int count = all.size();
            Map<String, String> errors = new LinkedHashMap<>();
            Map<PersonId, Integer> wanted = new LinkedHashMap<>();
            for (PersonId person : people.keySet()) {
                String value = call.param(key(person));
                if (value.isEmpty()) {
                    continue;
                }
                int number;
                try {
                    number = value.equals("new") ? count + 1 : Integer.parseInt(value);
                } catch (NumberFormatException notANumber) {
                    number = -1;
                }
                if (number < 0 || number > count + 1) {
                    errors.put(key(person), t.t("teams.error.team"));
                    continue;
                }
                wanted.put(person, number);
            }
            if (!errors.isEmpty()) {
                return show("", errors, 422);
            }
            Set<PersonId> toNew = new LinkedHashSet<>();
            for (Map.Entry<PersonId, Integer> want : wanted.entrySet()) {
                int current = teamOf(all, want.getKey());
                if (want.getValue() == count + 1) {
                    toNew.add(want.getKey());
                } else if (want.getValue() != current) {
                    teams.assign(s.tenant(), s.contextId(), want.getKey(), want.getValue());
                }
            }
            if (!toNew.isEmpty()) {
                teams.create(s.tenant(), s.contextId(), title, toNew);
            }
            return Answer.redirect(call.base() + "/teams?done=assigned");
        }
        return Answer.redirect(call.base() + "/teams");
    }

    /**
     * Each course group becomes a team of its learners who are in no team yet (the roster's
     * learners when the platform gives a roster; the group's members otherwise, the organiser
     * left out). Nothing is changed when the groups cannot be read.
     */
    private Answer importGroups(List<Versioned<Experiment>> all, Map<PersonId, String> people, String title) {
        PageSession s = call.session();
        CourseServices.Reply<List<CourseServices.CourseGroup>> reply = course.groups(s);
        if (reply instanceof CourseServices.Reply.Failed<List<CourseServices.CourseGroup>> failed) {
            return show("", Map.of("import", failure(failed, false)), 422);
        }
        if (!(reply instanceof CourseServices.Reply.Done<List<CourseServices.CourseGroup>> groups)) {
            return show("", Map.of("import", t.t("teams.course.notConfigured")), 422);
        }
        if (groups.value().isEmpty()) {
            return show(t.t("teams.notice.import.none"), Map.of(), 200);
        }
        boolean rosterKnown = !roster.learners(s).isEmpty();
        Set<PersonId> placed = new LinkedHashSet<>(teams.assigned(s.tenant(), s.contextId()));
        List<Set<PersonId>> toCreate = new ArrayList<>();
        for (CourseServices.CourseGroup group : groups.value()) {
            Set<PersonId> members = new LinkedHashSet<>();
            for (String subject : group.subjects()) {
                PersonId person = Teams.person(subject);
                if (placed.contains(person) || person.equals(s.person())
                        || rosterKnown && !people.containsKey(person)) {
                    continue;
                }
                members.add(person);
                placed.add(person);
            }
            if (!members.isEmpty()) {
                toCreate.add(members);
            }
        }
        if (toCreate.isEmpty()) {
            return show(t.t("teams.notice.import.allPlaced"), Map.of(), 200);
        }
        if (all.size() + toCreate.size() > Teams.MAX_TEAMS) {
            return show("", Map.of("import", t.t("teams.error.tooMany", Teams.MAX_TEAMS)), 422);
        }
        toCreate.forEach(members -> teams.create(s.tenant(), s.contextId(), title, members));
        return Answer.redirect(call.base() + "/teams?done=imported-" + toCreate.size());
    }

    /** Why the course's groups could not be read, in the organiser's language (the platform's code left out). */
    private String failure(CourseServices.Reply.Failed<?> failed, boolean splitting) {
        return t.t("teams.course.failed", t.t("teams.course." + failed.failure().name()),
                splitting ? t.t("teams.course.orUntick") : "");
    }

    private static int teamOf(List<Versioned<Experiment>> all, PersonId person) {
        for (Versioned<Experiment> team : all) {
            if (team.value().members().contains(person)) {
                return Teams.number(team.value());
            }
        }
        return 0;
    }

    private Answer show(String notice, Map<String, String> errors, int status) {
        PageSession s = call.session();
        List<Versioned<Experiment>> all = teams.all(s.tenant(), s.contextId());
        Map<PersonId, String> people = people(all);
        Map<PersonId, String> names = names(people);
        List<ExperimentViews.TeamRow> rows = new ArrayList<>();
        for (Versioned<Experiment> team : all) {
            Experiment e = team.value();
            List<String> members = e.members().stream().map(m -> names.getOrDefault(m, t.t("teams.unknown")))
                    .sorted().toList();
            rows.add(new ExperimentViews.TeamRow(Teams.number(e), t.t("team.name", Teams.number(e)), members,
                    stepName(e, t), decision(e, t), When.format(e.updated(), t.language())));
        }
        List<ExperimentViews.PersonRow> persons = new ArrayList<>();
        for (Map.Entry<PersonId, String> person : names.entrySet()) {
            int current = teamOf(all, person.getKey());
            String value = call.post() ? call.param(key(person.getKey())) : Integer.toString(current);
            List<Views.Choice> choices = new ArrayList<>();
            choices.add(new Views.Choice("0", t.t("teams.none"), value.equals("0"), ""));
            for (Versioned<Experiment> team : all) {
                String n = Integer.toString(Teams.number(team.value()));
                choices.add(new Views.Choice(n, t.t("team.name", n), value.equals(n), ""));
            }
            choices.add(new Views.Choice("new", t.t("teams.new"), value.equals("new"), ""));
            persons.add(new ExperimentViews.PersonRow(person.getValue(), new Field(key(person.getKey()),
                    t.t("teams.teamOf", person.getValue()), "", value, "select", 0, errors.get(key(person.getKey())),
                    choices, false, false)));
        }
        List<Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Message(field.equals("import") ? "#t-import"
                : "#f-" + field.replace('.', '-'), message)));
        String text = notice.isEmpty() ? doneNotice(call.param("done")) : notice;
        Field size = new Field("size", t.t("teams.size"), t.t("teams.size.hint"),
                call.post() ? call.param("size") : "4", "number", 2, errors.get("size"), List.of(), false, false);
        // Only a refused split shows what was posted; every other page shows the default (ticked).
        boolean byGroupChecked = !call.post() || !call.param("do").equals("split") || !call.param("byGroup").isEmpty();
        Field byGroup = new Field("byGroup", t.t("teams.byGroup"), t.t("teams.byGroup.hint"), "on", "checkbox", 0,
                errors.get("byGroup"), List.of(), byGroupChecked, false);
        return Answer.page(status, "experiment/teams.jte", new ExperimentViews.TeamsView(
                call.frame(t.t("teams.title"), "teams"), text, messages, rows, persons, call.base() + "/teams", size,
                byGroup, errors.getOrDefault("import", ""), t.t("teams.groups"), chart(all.stream().map(Versioned::value).toList(), t),
                call.base() + "/progress"));
    }

    /** The notice after a redirect ({@code ?done=…}); "" for an unknown value. */
    private String doneNotice(String done) {
        if (done.matches("split|assigned")) {
            return t.t("teams.notice." + done);
        }
        if (done.equals("split-notconfigured")) {
            return t.t("teams.notice.split.notConfigured");
        }
        if (done.equals("split-nogroups")) {
            return t.t("teams.notice.split.noGroups");
        }
        if (done.matches("split-groups-[0-9]{1,4}")) {
            return t.t("teams.notice.split.groups", done.substring("split-groups-".length()));
        }
        if (done.matches("imported-[0-9]{1,3}")) {
            return t.t("teams.notice.imported", done.substring("imported-".length()));
        }
        return "";
    }

    /** Names for everyone, "Learner n" where the platform shared none. */
    private Map<PersonId, String> names(Map<PersonId, String> people) {
        Map<PersonId, String> names = new LinkedHashMap<>();
        int unnamed = 1;
        for (Map.Entry<PersonId, String> person : people.entrySet()) {
            names.put(person.getKey(), person.getValue().isBlank() ? t.t("progress.unnamed", unnamed++)
                    : person.getValue());
        }
        return names;
    }

    static String stepName(Experiment e, PageTexts t) {
        String step = PracticeMessages.step(e.step(), t.language());
        return Character.toUpperCase(step.charAt(0)) + step.substring(1);
    }

    static String decision(Experiment e, PageTexts t) {
        if (e.decision().isPresent()) {
            return switch (e.decision().get().choice().type()) {
                case ADOPT -> t.t("decision.adopt");
                case ABANDON -> t.t("decision.drop");
                case ADAPT -> t.t("decision.adapt");
                case EXTEND -> t.t("decision.extend");
            };
        }
        boolean extended = e.runLog().map(r -> !r.earlierRounds().isEmpty()).orElse(false);
        return extended ? t.t("decision.extend") : "";
    }

    /** The chart of teams per step, drawn on the server, with the same figures as text. */
    static ExperimentViews.Chart chart(List<Experiment> all, PageTexts t) {
        int[] counts = new int[Step.values().length];
        all.forEach(e -> counts[e.step().ordinal()]++);
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        List<Views.Bar> bars = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (Step step : Step.values()) {
            int count = counts[step.ordinal()];
            int height = count * 170 / max;
            String name = PracticeMessages.step(step, t.language());
            bars.add(new Views.Bar(name, count, 48 + step.ordinal() * 84, 210 - height,
                    height));
            text.add(name + ": " + count);
        }
        return new ExperimentViews.Chart(t.t("teams.chart"), t.t("teams.chart.text", all.size(),
                String.join(", ", text)), 48 + Step.values().length * 84, bars);
    }

    /** The generic progress view: one row per team (and personal experiment), never their content. */
    static Activity.Progress progress(PageSession session, Map<String, String> people, PageTexts t, Teams teams) {
        ExperimentSettings settings = ExperimentSettings.fromCustom(session.placement().settings());
        List<Experiment> all = new ArrayList<>(teams.all(session.tenant(), session.contextId()).stream()
                .map(Versioned::value).toList());
        for (String person : people.keySet()) {
            teams.personalOf(session.tenant(), session.contextId(), PersonId.of(person))
                    .ifPresent(p -> all.add(p.value()));
        }
        List<Activity.Row> rows = new ArrayList<>();
        for (Experiment e : all) {
            int number = Teams.number(e);
            String name = number == 0 ? t.t("team.personalRow", e.members().stream()
                    .map(m -> people.getOrDefault(m.value(), "")).filter(n -> !n.isBlank()).findFirst()
                    .orElse(t.t("teams.unknown"))) : t.t("team.name", number);
            // Each member's score: a team's completion scores them all (ExperimentActivity.scoredSubjects).
            Map<String, String> scored = new java.util.LinkedHashMap<>();
            e.members().stream().map(m -> m.value()).filter(m -> !m.startsWith(Teams.HASHED)).sorted()
                    .forEach(m -> scored.put(m, people.getOrDefault(m, "")));
            rows.add(new Activity.Row("", name, List.of(stepName(e, t), decision(e, t),
                    Integer.toString(e.members().size()), When.format(e.updated(), t.language())), List.of(),
                    ExperimentActivity.done(settings, e), scored));
        }
        int[] counts = new int[6];
        for (Experiment e : all) {
            int bucket = switch (e.step()) {
                case SITUATIONAL_PICTURE, PHENOMENON_MAPPING, CHANGE_MAPPING -> 0;
                case PLAN -> 1;
                case RUN -> 2;
                case EVALUATION -> 3;
                case DECISION -> 4;
                case SHARE -> 5;
            };
            counts[bucket]++;
        }
        List<String> labels = List.of(t.t("progress.bucket.groundwork"), t.t("step.plan"), t.t("step.run"),
                t.t("step.evaluation"), t.t("step.decision"), t.t("step.sharing"));
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        List<Views.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * 170 / max;
            bars.add(new Views.Bar(labels.get(i), counts[i], 48 + i * 84, 210 - height, height));
        }
        return new Activity.Progress(List.of(t.t("progress.step"), t.t("progress.decision"), t.t("progress.members"),
                t.t("progress.last")), rows, bars, t.t("teams.chart"), t.t("progress.intro"));
    }
}
