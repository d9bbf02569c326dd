package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.When;
import fi.kasvu.peer.Charter;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.GroupNote;
import fi.kasvu.peer.GroupProblem;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PrivateReflection;
import fi.kasvu.peer.RoleRotation;
import fi.kasvu.peer.TriadRole;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A member's page of their group: members with their organisations, the charter, the
 * confidentiality agreement each member accepts before the group's notes open to them, meetings
 * (planned, held with attendance, triad roles rotating), the group's notes (members only) and the
 * member's private reflection after each meeting (the author only). Notes and reflections autosave.
 * Only a member of the group reaches any of it; anyone else gets "not found".
 */
final class GroupPage {

    private static final int MAX_THEMES = 10;

    private final PeerActivity activity;
    private final Call call;
    private final PageTexts t;
    private final PersonId me;

    GroupPage(PeerActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.t = call.texts();
        this.me = call.session().person();
    }

    Answer handle(String path) {
        if (path.equals("autosave")) {
            return call.post() ? autosave() : Answer.notFound();
        }
        if (path.startsWith("peer/save/")) {
            // The notes form posts here: its last path segment is the group id, which the autosave
            // script sends as its "phase".
            Optional<Versioned<PeerGroup>> group = mine(path.substring("peer/save/".length()));
            return group.isPresent() && call.post() ? saveAll(group.get().value()) : Answer.notFound();
        }
        String[] parts = path.substring("peer/group/".length()).split("/", 2);
        Optional<Versioned<PeerGroup>> found = mine(parts[0]);
        if (found.isEmpty()) {
            return Answer.notFound();
        }
        PeerGroup group = found.get().value();
        String action = parts.length > 1 ? parts[1] : "";
        if (action.startsWith("grow/")) {
            return new MeetingGrow(activity, call).handle(group, action.substring("grow/".length()));
        }
        if (!call.post()) {
            return action.isEmpty() ? page(group, Map.of(), 200) : Answer.notFound();
        }
        return switch (action) {
            case "accept" -> result(group, activity.service.change(call.session().tenant(), group.id(),
                    (g, at) -> g.acceptConfidentiality(me, at)), "#confidentiality");
            case "charter" -> charter(group);
            case "meeting" -> meeting(group);
            case "held" -> held(group);
            default -> Answer.notFound();
        };
    }

    /** The group, if it is one of this activity's and the learner is a member; nothing otherwise. */
    private Optional<Versioned<PeerGroup>> mine(String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,200}")) {
            return Optional.empty();
        }
        return activity.service.find(call.session().tenant(), id)
                .filter(g -> call.session().contextId().equals(g.value().context()))
                .filter(g -> g.value().isMember(me));
    }

    private Answer result(PeerGroup group, Result<Versioned<PeerGroup>, GroupProblem> result, String anchor) {
        if (result instanceof Result.Rejected<Versioned<PeerGroup>, GroupProblem> rejected) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (GroupProblem problem : rejected.problems()) {
                errors.putIfAbsent(fieldOf(problem), problemText(problem));
            }
            return page(group, errors, 422);
        }
        return Answer.redirect(call.base() + "/peer/group/" + group.id() + anchor);
    }

    private String fieldOf(GroupProblem problem) {
        return switch (problem.code()) {
            case "peer.meeting.noAttendance", "peer.group.notMember" -> "attendance";
            default -> "meeting";
        };
    }

    private String problemText(GroupProblem problem) {
        String key = "peer.problem." + problem.code().replace("peer.", "");
        String text = t.t(key, problem.arguments().values().toArray());
        return text.equals(key) ? t.t("peer.problem.other") : text;
    }

    private Answer charter(PeerGroup group) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> themes = Arrays.stream(call.param("themes").split("[;\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (themes.size() > MAX_THEMES || themes.stream().anyMatch(s -> s.length() > 200
                || s.codePoints().anyMatch(Character::isISOControl))) {
            errors.put("themes", t.t("peer.charter.error.themes", MAX_THEMES, 200));
        }
        int count = number(call.param("meetingCount"), 1, 100);
        if (count == 0) {
            errors.put("meetingCount", t.t("peer.charter.error.count"));
        }
        int weeks = number(call.param("intervalWeeks"), 1, 52);
        if (weeks == 0) {
            errors.put("intervalWeeks", t.t("peer.charter.error.weeks"));
        }
        if (!errors.isEmpty()) {
            return page(group, errors, 422);
        }
        Charter charter = Charter.withDefaultRules(themes, count, weeks);
        return result(group, activity.service.agreeCharter(call.session().tenant(), group.id(), charter), "#charter");
    }

    private static int number(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= min && value <= max ? value : 0;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private Answer meeting(PeerGroup group) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        try {
            date = LocalDate.parse(call.param("date").strip());
        } catch (DateTimeParseException notADate) {
            errors.put("date", t.t("peer.meeting.error.date"));
        }
        String theme = call.param("theme").strip();
        if (theme.length() > 500 || theme.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("theme", t.t("peer.meeting.error.text", 500));
        }
        String place = call.param("place").strip();
        if (place.length() > Meeting.MAX_PLACE || place.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("place", t.t("peer.meeting.error.text", Meeting.MAX_PLACE));
        } else if (looksLikeLink(place) && !isHttpsLink(place)) {
            errors.put("place", t.t("peer.meeting.error.link"));
        }
        if (!errors.isEmpty()) {
            return page(group, errors, 422);
        }
        LocalDate day = date;
        return result(group, activity.service.change(call.session().tenant(), group.id(),
                (g, at) -> Result.accepted(g.planMeeting(day, theme, place))), "#meetings");
    }

    private static boolean looksLikeLink(String place) {
        return place.contains("://") || place.toLowerCase(java.util.Locale.ROOT).startsWith("www.");
    }

    /** Only https links become links on the page; anything else is shown as text. */
    static boolean isHttpsLink(String place) {
        try {
            URI uri = new URI(place);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !place.contains(" ");
        } catch (java.net.URISyntaxException notALink) {
            return false;
        }
    }

    private Answer held(PeerGroup group) {
        int number = number(call.param("number"), 1, 1000);
        Set<PersonId> attendance = new LinkedHashSet<>();
        for (String value : call.all().getOrDefault("attended", new String[0])) {
            group.members().stream().map(m -> m.participant().id()).filter(id -> id.value().equals(value))
                    .findFirst().ifPresent(attendance::add);
        }
        if (attendance.isEmpty()) {
            return page(group, Map.of("attendance-" + number, t.t("peer.problem.meeting.noAttendance")), 422);
        }
        return result(group, activity.service.recordHeld(call.session().tenant(), group.id(), number, attendance),
                "#meetings");
    }

    /** The autosave of one note or reflection field: {@code phase} names the group, {@code name} the field. */
    private Answer autosave() {
        Optional<Versioned<PeerGroup>> found = mine(call.param("phase"));
        if (found.isEmpty()) {
            return Answer.json(404, false, "", t.t("error.notFound.text"));
        }
        String name = call.param("name");
        String value = call.param("value");
        Optional<String> problem = save(found.get().value(), name, value);
        return problem.map(message -> Answer.json(422, false, name, message))
                .orElseGet(() -> Answer.json(200, true, name, ""));
    }

    /** The form post of every note and reflection field at once (without scripts). */
    private Answer saveAll(PeerGroup group) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : call.parameters().entrySet()) {
            if (entry.getKey().startsWith("note-") || entry.getKey().startsWith("reflection-")) {
                PeerGroup current = mine(group.id()).map(Versioned::value).orElse(group);
                save(current, entry.getKey(), entry.getValue()).ifPresent(m -> errors.put(entry.getKey(), m));
            }
        }
        if (!errors.isEmpty()) {
            return page(mine(group.id()).map(Versioned::value).orElse(group), errors, 422);
        }
        return Answer.redirect(call.base() + "/peer/group/" + group.id() + "#notes");
    }

    private Optional<String> save(PeerGroup group, String name, String value) {
        int index;
        try {
            index = Integer.parseInt(name.substring(name.indexOf('-') + 1));
        } catch (RuntimeException notANumber) {
            return Optional.of(t.t("peer.problem.other"));
        }
        if (value.length() > PeerGroup.MAX_TEXT) {
            return Optional.of(t.t("peer.problem.text.tooLong", PeerGroup.MAX_TEXT));
        }
        Result<Versioned<PeerGroup>, GroupProblem> result;
        if (name.startsWith("note-")) {
            if (index < group.notesForStorage().size()
                    && !group.notesVisibleTo(me).get(index).author().equals(me)) {
                return Optional.of(t.t("peer.problem.note.notAuthor"));
            }
            int at = index;
            result = activity.service.change(call.session().tenant(), group.id(),
                    (g, when) -> g.saveNote(me, when, at, value));
        } else if (name.startsWith("reflection-")) {
            int meeting = index;
            result = activity.service.change(call.session().tenant(), group.id(),
                    (g, when) -> g.saveReflection(me, when, meeting, value));
        } else {
            return Optional.of(t.t("peer.problem.other"));
        }
        if (result instanceof Result.Rejected<Versioned<PeerGroup>, GroupProblem> rejected) {
            return Optional.of(problemText(rejected.problems().get(0)));
        }
        return Optional.empty();
    }

    // ---- the page ----

    private Answer page(PeerGroup group, Map<String, String> errors, int status) {
        Map<PersonId, String> names = new LinkedHashMap<>();
        group.members().forEach(m -> names.put(m.participant().id(), m.participant().name()));
        List<PeerViews.MemberLine> members = new ArrayList<>();
        for (GroupMember member : group.members()) {
            members.add(new PeerViews.MemberLine(member.participant().name(), member.participant().organisation(),
                    PeerTexts.memberRole(member.role(), t.language()),
                    group.acceptedAt(member.participant().id()).map(this::day).orElse("")));
        }
        String themes = group.charter().map(c -> String.join("; ", c.themes())).orElse("");
        String cadence = group.charter().map(c -> t.t("peer.charter.cadence.value", c.meetingCount(), c.intervalWeeks()))
                .orElse("");
        List<String> rules = group.charter().map(Charter::groundRules).orElse(Charter.defaultGroundRules()).stream()
                .map(rule -> rule.in(t.language())).toList();
        List<PeerViews.MeetingLine> meetings = new ArrayList<>();
        for (Meeting meeting : group.meetings()) {
            List<String> roles = new ArrayList<>();
            meeting.roles().forEach((person, role) -> roles.add(names.getOrDefault(person, "?") + ": "
                    + PeerTexts.triadRole(role, t.language())));
            List<Field> attend = new ArrayList<>();
            String attendance = "";
            if (meeting instanceof Meeting.Held held) {
                attendance = String.join(", ", group.members().stream().map(m -> m.participant().id())
                        .filter(held.attendance()::contains).map(names::get).toList());
            } else {
                String error = errors.get("attendance-" + meeting.number());
                List<Choice> choices = group.members().stream().map(m -> new Choice(m.participant().id().value(),
                        m.participant().name(), true, "")).toList();
                attend.add(new Field("attended", t.t("peer.meeting.attended"), "", "", "checkboxes", 0, error, choices,
                        false, false));
            }
            String grow = MeetingGrow.roles(group, meeting.number()).filter(r -> r.containsKey(me))
                    .map(r -> call.base() + "/peer/group/" + group.id() + "/grow/" + meeting.number()).orElse("");
            meetings.add(new PeerViews.MeetingLine(meeting.number(), meeting.date().toString(), meeting.theme(),
                    meeting.place(), isHttpsLink(meeting.place()), meeting instanceof Meeting.Held, attendance, roles,
                    attend, grow));
        }
        PeerViews.GroupCard card = new PeerViews.GroupCard(group.id(), t.t("peer.group.title"),
                PeerTexts.kindName(group.kind(), t.language()), members, themes, cadence, rules, meetings);
        List<Choice> others = new ArrayList<>();
        List<Versioned<PeerGroup>> all = activity.groupsOf(call.session(), me);
        for (int i = 0; i < all.size(); i++) {
            PeerGroup other = all.get(i).value();
            if (!other.id().equals(group.id())) {
                others.add(new Choice(call.base() + "/peer/group/" + other.id(), t.t("peer.group.other",
                        PeerActivity.roundOf(other.formationId())), false, ""));
            }
        }
        List<Views.Item> nextRoles = nextRoles(group, names);
        String accepted = group.acceptedAt(me).map(this::day).orElse("");
        List<Field> charterForm = List.of(
                new Field("themes", t.t("peer.charter.themes"), t.t("peer.charter.themes.hint"),
                        call.post() && call.has("themes") ? call.param("themes") : group.charter()
                                .map(c -> String.join("\n", c.themes())).orElse(""), "textarea", 2000,
                        errors.get("themes"), List.of(), false, false),
                new Field("meetingCount", t.t("peer.charter.count"), "", group.charter()
                        .map(c -> Integer.toString(c.meetingCount())).orElse("6"), "number", 3, errors.get("meetingCount"),
                        List.of(), false, false),
                new Field("intervalWeeks", t.t("peer.charter.weeks"), "", group.charter()
                        .map(c -> Integer.toString(c.intervalWeeks())).orElse("4"), "number", 2,
                        errors.get("intervalWeeks"), List.of(), false, false));
        List<Field> meetingForm = List.of(
                new Field("date", t.t("peer.meeting.date"), t.t("peer.meeting.date.hint"),
                        call.post() ? call.param("date") : "", "date", 10, errors.get("date"), List.of(), false, false),
                new Field("theme", t.t("peer.meeting.theme"), "", call.post() ? call.param("theme") : "", "text", 500,
                        errors.get("theme"), List.of(), false, false),
                new Field("place", t.t("peer.meeting.place"), t.t("peer.meeting.place.hint"),
                        call.post() ? call.param("place") : "", "text", Meeting.MAX_PLACE, errors.get("place"), List.of(),
                        false, false));
        List<PeerViews.NoteView> notes = new ArrayList<>();
        Field newNote = null;
        List<Field> reflections = new ArrayList<>();
        if (group.notesOpenTo(me)) {
            List<GroupNote> visible = group.notesVisibleTo(me);
            for (int i = 0; i < visible.size(); i++) {
                GroupNote note = visible.get(i);
                boolean own = note.author().equals(me);
                Field field = own ? new Field("note-" + i, t.t("peer.notes.own"), "", note.text(), "textarea",
                        PeerGroup.MAX_TEXT, errors.get("note-" + i), List.of(), false, true) : null;
                notes.add(new PeerViews.NoteView(names.getOrDefault(note.author(), t.t("peer.notes.former")),
                        When.format(note.written(), t.language()), own ? "" : note.text(), field));
            }
            newNote = new Field("note-" + visible.size(), t.t("peer.notes.new"), t.t("peer.notes.new.hint"), "",
                    "textarea", PeerGroup.MAX_TEXT, errors.get("note-" + visible.size()), List.of(), false, true);
        }
        // The learner's own reflections only: one per held meeting, and one on the group in general (0).
        Map<Integer, String> own = new LinkedHashMap<>();
        for (PrivateReflection reflection : group.reflectionsVisibleTo(me)) {
            own.put(reflection.meeting(), reflection.text());
        }
        for (Meeting meeting : group.meetings()) {
            if (meeting instanceof Meeting.Held) {
                String name = "reflection-" + meeting.number();
                reflections.add(new Field(name, t.t("peer.reflection.label", meeting.number(), meeting.date().toString()),
                        t.t("peer.reflection.hint"), own.getOrDefault(meeting.number(), ""), "textarea",
                        PeerGroup.MAX_TEXT, errors.get(name), List.of(), false, true));
            }
        }
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Views.Message("#f-" + field.replaceFirst(
                "^attendance-\\d+$", "attended"), message)));
        Views.Frame frame = call.frame(t.t("peer.group.title"), "peer/group/" + group.id());
        return Answer.page(status, "peer/group.jte", new PeerViews.GroupView(frame, messages, card, others, accepted,
                nextRoles, charterForm, meetingForm, notes, newNote, reflections, call.base() + "/autosave",
                call.base() + "/peer/group/" + group.id(), call.base() + "/peer/save/" + group.id()));
    }

    /** Who is coach, coachee and observer at the next meeting of a triad. */
    private List<Views.Item> nextRoles(PeerGroup group, Map<PersonId, String> names) {
        if (group.kind() != GroupKind.PEER_TRIAD) {
            return List.of();
        }
        Map<PersonId, TriadRole> roles = group.meetings().stream().filter(m -> m instanceof Meeting.Planned)
                .findFirst().map(Meeting::roles).filter(r -> !r.isEmpty()).orElseGet(() -> {
                    List<PersonId> ids = group.members().stream().map(m -> m.participant().id()).toList();
                    int next = group.meetings().size() + 1;
                    return RoleRotation.plan(ids, next).get(next - 1);
                });
        List<Views.Item> items = new ArrayList<>();
        for (TriadRole role : TriadRole.values()) {
            List<String> holders = roles.entrySet().stream().filter(e -> e.getValue() == role)
                    .map(e -> names.getOrDefault(e.getKey(), "?")).toList();
            if (!holders.isEmpty()) {
                items.add(new Views.Item(PeerTexts.triadRole(role, t.language()), String.join(", ", holders)));
            }
        }
        return items;
    }

    private String day(Instant instant) {
        return When.format(instant, t.language());
    }
}
