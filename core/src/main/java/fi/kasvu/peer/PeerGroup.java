package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A peer group over its life: who is in it, its charter, its meetings, the notes its members
 * share and the reflections each member keeps for themself. Immutable; every change returns a
 * new group. Read notes and reflections through {@link #notesVisibleTo} and
 * {@link #reflectionsVisibleTo}, which apply {@link Confidentiality}.
 */
public final class PeerGroup {

    private final String id;
    private final String formationId;
    private final GroupKind kind;
    private final String context;
    private final List<GroupMember> members;
    private final Charter charter;
    private final List<Meeting> meetings;
    private final List<GroupNote> notes;
    private final List<PrivateReflection> reflections;
    private final Map<PersonId, Instant> acceptances;

    /** The longest note or reflection. */
    public static final int MAX_TEXT = 20_000;

    private PeerGroup(String id, String formationId, GroupKind kind, String context, List<GroupMember> members,
                      Charter charter, List<Meeting> meetings, List<GroupNote> notes, List<PrivateReflection> reflections,
                      Map<PersonId, Instant> acceptances) {
        this.id = Require.id("id", id);
        this.formationId = formationId == null ? null : Require.id("formationId", formationId);
        this.kind = Require.nonNull("kind", kind);
        this.context = context == null ? null : Require.id("context", context);
        this.members = Require.list("members", members);
        if (this.members.size() < 2) {
            throw new IllegalArgumentException("members must be at least 2: " + this.members.size());
        }
        if (this.members.stream().map(m -> m.participant().id()).distinct().count() != this.members.size()) {
            throw new IllegalArgumentException("members must not repeat a person: "
                    + this.members.stream().map(m -> m.participant().id()).toList());
        }
        this.charter = charter;
        this.meetings = Require.list("meetings", meetings);
        for (int i = 0; i < this.meetings.size(); i++) {
            if (this.meetings.get(i).number() != i + 1) {
                throw new IllegalArgumentException("meetings[" + i + "].number must be " + (i + 1) + ": "
                        + this.meetings.get(i).number());
            }
        }
        this.notes = Require.list("notes", notes);
        for (int i = 0; i < this.notes.size(); i++) {
            requireMember("notes[" + i + "].author", this.notes.get(i).author());
        }
        this.reflections = Require.list("reflections", reflections);
        for (int i = 0; i < this.reflections.size(); i++) {
            requireMember("reflections[" + i + "].author", this.reflections.get(i).author());
        }
        java.util.TreeMap<String, PersonId> sorted = new java.util.TreeMap<>();
        Require.nonNull("acceptances", acceptances).keySet().forEach(p -> sorted.put(p.value(), p));
        Map<PersonId, Instant> copy = new java.util.LinkedHashMap<>();
        for (PersonId person : sorted.values()) {
            requireMember("acceptances." + person.value(), person);
            copy.put(person, Require.nonNull("acceptances." + person.value(), acceptances.get(person)));
        }
        this.acceptances = java.util.Collections.unmodifiableMap(copy);
    }

    private void requireMember(String field, PersonId person) {
        if (!isMember(person)) {
            throw new IllegalArgumentException(field + " must be a member of the group: " + person);
        }
    }

    /**
     * A group as stored, every part given.
     *
     * @throws IllegalArgumentException if there are fewer than two members, a member repeats, meetings
     *                                  are not numbered 1, 2, …, or a note or reflection has an author
     *                                  who is not a member
     */
    public static PeerGroup of(String id, String formationId, GroupKind kind, String context, List<GroupMember> members,
                               Charter charter, List<Meeting> meetings, List<GroupNote> notes,
                               List<PrivateReflection> reflections) {
        return new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes, reflections, Map.of());
    }

    /**
     * A group as stored, with the members' confidentiality acceptances.
     *
     * @throws IllegalArgumentException as {@link #of(String, String, GroupKind, String, List, Charter, List, List, List)},
     *                                  or if someone who accepted is not a member
     */
    public static PeerGroup of(String id, String formationId, GroupKind kind, String context, List<GroupMember> members,
                               Charter charter, List<Meeting> meetings, List<GroupNote> notes,
                               List<PrivateReflection> reflections, Map<PersonId, Instant> acceptances) {
        return new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes, reflections, acceptances);
    }

    /**
     * A new group from a formed one, with its planned meetings and no charter yet.
     *
     * @throws IllegalArgumentException if the formed group has fewer than two members
     */
    public static PeerGroup start(String id, Formation formation, FormedGroup formed) {
        return new PeerGroup(id, formation.id(), formation.kind(), formation.context(), formed.members(), null,
                List.copyOf(formed.meetings()), List.of(), List.of(), Map.of());
    }

    /** The group's id. */
    public String id() {
        return id;
    }

    /** The formation it came from, or null. */
    public String formationId() {
        return formationId;
    }

    /** Its kind. */
    public GroupKind kind() {
        return kind;
    }

    /** The programme or course it belongs to, or null. */
    public String context() {
        return context;
    }

    /** Its members. */
    public List<GroupMember> members() {
        return members;
    }

    /** Its charter, once agreed. */
    public Optional<Charter> charter() {
        return Optional.ofNullable(charter);
    }

    /** Its meetings, planned and held, in order. */
    public List<Meeting> meetings() {
        return meetings;
    }

    /** Whether the person is a member. */
    public boolean isMember(PersonId person) {
        return members.stream().anyMatch(m -> m.participant().id().equals(person));
    }

    /** The notes the reader may read: all of them for a member, none for anyone else. */
    public List<GroupNote> notesVisibleTo(PersonId reader) {
        return Confidentiality.mayReadNotes(this, reader) ? notes : List.of();
    }

    /** The reflections the reader may read: only their own. */
    public List<PrivateReflection> reflectionsVisibleTo(PersonId reader) {
        return reflections.stream().filter(r -> Confidentiality.mayRead(r, reader)).toList();
    }

    /**
     * Every note, for storage adapters only (the JSON mapping and the JDBC store); pages and
     * exports use {@link #notesVisibleTo}.
     */
    public List<GroupNote> notesForStorage() {
        return notes;
    }

    /**
     * Every reflection, for storage adapters only; pages and exports use {@link #reflectionsVisibleTo}.
     */
    public List<PrivateReflection> reflectionsForStorage() {
        return reflections;
    }

    /** When each member accepted the confidentiality agreement (members who have not accepted are absent). */
    public Map<PersonId, Instant> acceptances() {
        return acceptances;
    }

    /** When the person accepted the confidentiality agreement, if they have. */
    public Optional<Instant> acceptedAt(PersonId person) {
        return Optional.ofNullable(acceptances.get(person));
    }

    /**
     * Whether the group's notes are open to the reader: they are a member and have accepted the
     * confidentiality agreement.
     */
    public boolean notesOpenTo(PersonId reader) {
        return Confidentiality.mayReadNotes(this, reader) && acceptances.containsKey(reader);
    }

    /**
     * The group with the member's acceptance of the confidentiality agreement recorded at {@code at};
     * an earlier acceptance is kept as it was.
     *
     * @return the changed group, or a {@code peer.group.notMember} problem
     */
    public Result<PeerGroup, GroupProblem> acceptConfidentiality(PersonId person, Instant at) {
        if (!isMember(person)) {
            return Result.rejected(GroupProblem.notMember("person", person));
        }
        if (acceptances.containsKey(person)) {
            return Result.accepted(this);
        }
        Map<PersonId, Instant> next = new java.util.LinkedHashMap<>(acceptances);
        next.put(person, Require.nonNull("at", at));
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes,
                reflections, next));
    }

    /** The group with one more planned meeting at a place (a room or an online link), triad roles rotating on. */
    public PeerGroup planMeeting(LocalDate date, String theme, String place) {
        PeerGroup planned = planMeeting(date, theme);
        List<Meeting> next = new ArrayList<>(planned.meetings);
        Meeting.Planned last = (Meeting.Planned) next.get(next.size() - 1);
        next.set(next.size() - 1, new Meeting.Planned(last.number(), last.date(), last.theme(), last.roles(), place));
        return new PeerGroup(id, formationId, kind, context, members, charter, next, notes, reflections, acceptances);
    }

    /**
     * The group with a member's note written or rewritten (autosave): {@code index} names one of the
     * notes (only its author may rewrite it), or equals the number of notes for a new one. A blank
     * text for an existing note removes it.
     *
     * @return the changed group, or a problem: not a member, not accepted, not the note's author, unknown note, too long
     */
    public Result<PeerGroup, GroupProblem> saveNote(PersonId author, Instant written, int index, String text) {
        if (!isMember(author)) {
            return Result.rejected(GroupProblem.notMember("author", author));
        }
        if (!acceptances.containsKey(author)) {
            return Result.rejected(new GroupProblem("peer.group.notAccepted", "notes", Map.of()));
        }
        if (index < 0 || index > notes.size()) {
            return Result.rejected(new GroupProblem("peer.note.unknown", "notes", Map.of("index", index)));
        }
        if (text != null && text.length() > MAX_TEXT) {
            return Result.rejected(new GroupProblem("peer.text.tooLong", "notes[" + index + "]", Map.of("max", MAX_TEXT)));
        }
        List<GroupNote> next = new ArrayList<>(notes);
        boolean blank = text == null || text.isBlank();
        if (index == notes.size()) {
            if (blank) {
                return Result.accepted(this);
            }
            next.add(new GroupNote(author, written, text));
        } else {
            if (!notes.get(index).author().equals(author)) {
                return Result.rejected(new GroupProblem("peer.note.notAuthor", "notes[" + index + "]", Map.of()));
            }
            if (blank) {
                next.remove(index);
            } else {
                next.set(index, new GroupNote(author, written, text));
            }
        }
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, next,
                reflections, acceptances));
    }

    /**
     * The group with the member's private reflection on a meeting written or rewritten (autosave):
     * one reflection per author and meeting; a blank text removes it.
     *
     * @return the changed group, or a problem: not a member, unknown meeting, too long
     */
    public Result<PeerGroup, GroupProblem> saveReflection(PersonId author, Instant written, int meeting, String text) {
        if (!isMember(author)) {
            return Result.rejected(GroupProblem.notMember("author", author));
        }
        if (meeting < 0 || meeting > meetings.size()) {
            return Result.rejected(new GroupProblem("peer.meeting.unknown", "reflections", Map.of("number", meeting)));
        }
        if (text != null && text.length() > MAX_TEXT) {
            return Result.rejected(new GroupProblem("peer.text.tooLong", "reflections", Map.of("max", MAX_TEXT)));
        }
        List<PrivateReflection> next = new ArrayList<>();
        for (PrivateReflection r : reflections) {
            if (!(r.author().equals(author) && r.meeting() == meeting)) {
                next.add(r);
            }
        }
        if (text != null && !text.isBlank()) {
            next.add(new PrivateReflection(author, written, meeting, text));
        }
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes, next,
                acceptances));
    }

    /** The group with this charter agreed. */
    public PeerGroup withCharter(Charter agreed) {
        return new PeerGroup(id, formationId, kind, context, members, Require.nonNull("charter", agreed), meetings, notes,
                reflections, acceptances);
    }

    /** The group with one more planned meeting, triad roles rotating on from the last meeting. */
    public PeerGroup planMeeting(LocalDate date, String theme) {
        int number = meetings.size() + 1;
        Map<PersonId, TriadRole> roles = Map.of();
        if (kind == GroupKind.PEER_TRIAD) {
            List<PersonId> ids = members.stream().map(m -> m.participant().id()).toList();
            roles = RoleRotation.plan(ids, number).get(number - 1);
        }
        List<Meeting> next = new ArrayList<>(meetings);
        next.add(new Meeting.Planned(number, date, theme, roles));
        return new PeerGroup(id, formationId, kind, context, members, charter, next, notes, reflections, acceptances);
    }

    /**
     * The group with a planned meeting recorded as held.
     *
     * @return the changed group, or the problems: unknown meeting, already held, or an attendee who is not a member
     */
    public Result<PeerGroup, GroupProblem> recordHeld(int number, Set<PersonId> attendance) {
        if (number < 1 || number > meetings.size()) {
            return Result.rejected(new GroupProblem("peer.meeting.unknown", "meetings", Map.of("number", number)));
        }
        if (!(meetings.get(number - 1) instanceof Meeting.Planned planned)) {
            return Result.rejected(new GroupProblem("peer.meeting.alreadyHeld", "meetings[" + (number - 1) + "]",
                    Map.of("number", number)));
        }
        List<GroupProblem> problems = attendance.stream().filter(p -> !isMember(p)).sorted(
                java.util.Comparator.comparing(PersonId::value)).map(p -> GroupProblem.notMember("attendance", p)).toList();
        if (attendance.isEmpty()) {
            return Result.rejected(new GroupProblem("peer.meeting.noAttendance", "attendance", Map.of()));
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        List<Meeting> next = new ArrayList<>(meetings);
        next.set(number - 1, planned.held(attendance));
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, next, notes, reflections, acceptances));
    }

    /**
     * The group with a note added, if the author is a member.
     *
     * @return the changed group, or a {@code peer.group.notMember} problem
     */
    public Result<PeerGroup, GroupProblem> addNote(PersonId author, Instant written, String text) {
        if (!isMember(author)) {
            return Result.rejected(GroupProblem.notMember("author", author));
        }
        List<GroupNote> next = new ArrayList<>(notes);
        next.add(new GroupNote(author, written, text));
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, next, reflections, acceptances));
    }

    /**
     * The group with a private reflection added, if the author is a member.
     *
     * @return the changed group, or a {@code peer.group.notMember} problem
     */
    public Result<PeerGroup, GroupProblem> addReflection(PersonId author, Instant written, int meeting, String text) {
        if (!isMember(author)) {
            return Result.rejected(GroupProblem.notMember("author", author));
        }
        List<PrivateReflection> next = new ArrayList<>(reflections);
        next.add(new PrivateReflection(author, written, meeting, text));
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes, next, acceptances));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerGroup that && id.equals(that.id) && java.util.Objects.equals(formationId, that.formationId)
                && kind == that.kind && java.util.Objects.equals(context, that.context) && members.equals(that.members)
                && java.util.Objects.equals(charter, that.charter) && meetings.equals(that.meetings)
                && notes.equals(that.notes) && reflections.equals(that.reflections)
                && acceptances.equals(that.acceptances);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, formationId, kind, members, meetings);
    }

    /** Names the group and its size, never notes or reflections. */
    @Override
    public String toString() {
        return "PeerGroup[" + id + ", " + kind + ", " + members.size() + " members]";
    }
}
