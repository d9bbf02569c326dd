package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Something that happened to a peer group that an embedding system may act on. Events carry ids,
 * numbers and dates, never a note's or reflection's text; writing a private reflection publishes
 * nothing at all, so that not even its existence reaches a teacher.
 */
public sealed interface PeerEvent {

    /** The group the event is about. */
    String groupId();

    /** The programme or course the group belongs to, or null. */
    String context();

    /** A group was started from a formation (or on its own; then {@code formationId} is null). */
    record GroupStarted(String groupId, String context, String formationId, GroupKind kind, Instant at)
            implements PeerEvent {
        /** @throws NullPointerException if a required part is null */
        public GroupStarted {
            Require.nonNull("groupId", groupId);
            Require.nonNull("kind", kind);
            Require.nonNull("at", at);
        }
    }

    /** The group agreed its charter. */
    record CharterAgreed(String groupId, String context, Instant at) implements PeerEvent {
        /** @throws NullPointerException if a required part is null */
        public CharterAgreed {
            Require.nonNull("groupId", groupId);
            Require.nonNull("at", at);
        }
    }

    /** A meeting was planned for a day. */
    record MeetingPlanned(String groupId, String context, int number, LocalDate date) implements PeerEvent {
        /** @throws NullPointerException if a required part is null */
        public MeetingPlanned {
            Require.nonNull("groupId", groupId);
            Require.nonNull("date", date);
        }
    }

    /** A meeting was recorded as held, with who attended. */
    record MeetingHeld(String groupId, String context, int number, LocalDate date, Set<PersonId> attendance,
                       Instant at) implements PeerEvent {
        /** @throws NullPointerException if a required part is null */
        public MeetingHeld {
            Require.nonNull("groupId", groupId);
            Require.nonNull("date", date);
            attendance = Set.copyOf(Require.nonNull("attendance", attendance));
            Require.nonNull("at", at);
        }
    }

    /** A member shared a note with the group (its text stays in the group). */
    record NoteShared(String groupId, String context, PersonId author, Instant at) implements PeerEvent {
        /** @throws NullPointerException if a required part is null */
        public NoteShared {
            Require.nonNull("groupId", groupId);
            Require.nonNull("author", author);
            Require.nonNull("at", at);
        }
    }

    /**
     * The events a change from one state of a group to the next amounts to.
     *
     * @param before the group before the change, or null for a new one
     * @param after  the group after it
     * @param at     when the change happened
     */
    static List<PeerEvent> between(PeerGroup before, PeerGroup after, Instant at) {
        Require.nonNull("after", after);
        Require.nonNull("at", at);
        List<PeerEvent> events = new ArrayList<>();
        String id = after.id();
        String context = after.context();
        if (before == null) {
            events.add(new GroupStarted(id, context, after.formationId(), after.kind(), at));
        }
        if (after.charter().isPresent() && (before == null || !after.charter().equals(before.charter()))) {
            events.add(new CharterAgreed(id, context, at));
        }
        List<Meeting> earlier = before == null ? List.of() : before.meetings();
        for (Meeting meeting : after.meetings()) {
            Meeting old = meeting.number() <= earlier.size() ? earlier.get(meeting.number() - 1) : null;
            if (old == null) {
                events.add(new MeetingPlanned(id, context, meeting.number(), meeting.date()));
            }
            if (meeting instanceof Meeting.Held held && !(old instanceof Meeting.Held)) {
                events.add(new MeetingHeld(id, context, held.number(), held.date(), held.attendance(), at));
            }
        }
        List<GroupNote> notes = after.notesForStorage();
        int known = before == null ? notes.size() : before.notesForStorage().size();
        for (GroupNote note : notes.subList(Math.min(known, notes.size()), notes.size())) {
            events.add(new NoteShared(id, context, note.author(), note.written()));
        }
        return List.copyOf(events);
    }
}
