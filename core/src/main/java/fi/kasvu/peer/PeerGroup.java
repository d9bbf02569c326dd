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

    private PeerGroup(String id, String formationId, GroupKind kind, String context, List<GroupMember> members,
                      Charter charter, List<Meeting> meetings, List<GroupNote> notes, List<PrivateReflection> reflections) {
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
        return new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes, reflections);
    }

    /**
     * A new group from a formed one, with its planned meetings and no charter yet.
     *
     * @throws IllegalArgumentException if the formed group has fewer than two members
     */
    public static PeerGroup start(String id, Formation formation, FormedGroup formed) {
        return new PeerGroup(id, formation.id(), formation.kind(), formation.context(), formed.members(), null,
                List.copyOf(formed.meetings()), List.of(), List.of());
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

    /** The group with this charter agreed. */
    public PeerGroup withCharter(Charter agreed) {
        return new PeerGroup(id, formationId, kind, context, members, Require.nonNull("charter", agreed), meetings, notes,
                reflections);
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
        return new PeerGroup(id, formationId, kind, context, members, charter, next, notes, reflections);
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
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, next, notes, reflections));
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
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, next, reflections));
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
        return Result.accepted(new PeerGroup(id, formationId, kind, context, members, charter, meetings, notes, next));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerGroup that && id.equals(that.id) && java.util.Objects.equals(formationId, that.formationId)
                && kind == that.kind && java.util.Objects.equals(context, that.context) && members.equals(that.members)
                && java.util.Objects.equals(charter, that.charter) && meetings.equals(that.meetings)
                && notes.equals(that.notes) && reflections.equals(that.reflections);
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
