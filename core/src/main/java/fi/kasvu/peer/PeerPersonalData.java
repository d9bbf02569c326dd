package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where peer groups and formations hold personal data. A group is group-level: a member sees it
 * in their export with their own reflections only (never the others'), and erasing a member
 * deletes their private reflections and leaves a stand-in, with no name or contact details, in
 * their place, in notes and meetings too. A formation is the organiser's working record: a person
 * in it is named in their export without its content, and erased from it the same way.
 */
public final class PeerPersonalData {

    /** The policy for {@link PeerGroups#KIND}. */
    public static final PersonalData<PeerGroup> GROUPS = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(PeerGroup group) {
            Set<PersonId> persons = new LinkedHashSet<>();
            group.members().forEach(member -> persons.add(member.participant().id()));
            group.notesForStorage().forEach(note -> persons.add(note.author()));
            group.reflectionsForStorage().forEach(reflection -> persons.add(reflection.author()));
            group.meetings().forEach(meeting -> persons.addAll(mentionedIn(meeting)));
            return persons;
        }

        @Override
        public Optional<PeerGroup> exportView(PeerGroup group, PersonId person) {
            if (!group.isMember(person)) {
                return Optional.empty();
            }
            List<GroupMember> members = group.members().stream()
                    .map(member -> member.participant().id().equals(person) ? member
                            : new GroupMember(asSeenByPeers(member.participant()), member.role()))
                    .toList();
            return Optional.of(PeerGroup.of(group.id(), group.formationId(), group.kind(), group.context(), members,
                    group.charter().orElse(null), group.meetings(), group.notesVisibleTo(person),
                    group.reflectionsVisibleTo(person),
                    group.acceptedAt(person).map(at -> Map.of(person, at)).orElse(Map.of())));
        }

        @Override
        public Erasure<PeerGroup> erase(PeerGroup group, PersonId person) {
            if (!persons(group).contains(person)) {
                return Erasure.keep();
            }
            PersonId standIn = PersonalData.erased("member-" + position(group.members(), person));
            List<GroupMember> members = group.members().stream()
                    .map(member -> new GroupMember(erasedFrom(member.participant(), person, standIn), member.role()))
                    .toList();
            List<Meeting> meetings = group.meetings().stream().map(meeting -> erasedFrom(meeting, person, standIn)).toList();
            List<GroupNote> notes = group.notesForStorage().stream()
                    .map(note -> note.author().equals(person) ? new GroupNote(standIn, note.written(), note.text()) : note)
                    .toList();
            List<PrivateReflection> reflections = group.reflectionsForStorage().stream()
                    .filter(reflection -> !reflection.author().equals(person))
                    .toList();
            Map<PersonId, java.time.Instant> acceptances = new LinkedHashMap<>();
            group.acceptances().forEach((id, at) -> acceptances.put(id.equals(person) ? standIn : id, at));
            return Erasure.replaceWith(PeerGroup.of(group.id(), group.formationId(), group.kind(), group.context(), members,
                    group.charter().orElse(null), meetings, notes, reflections, acceptances));
        }
    };

    /** The policy for {@link Formations#KIND}. */
    public static final PersonalData<Formation> FORMATIONS = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(Formation formation) {
            Set<PersonId> persons = new LinkedHashSet<>();
            for (FormedGroup group : formation.groups()) {
                group.members().forEach(member -> persons.add(member.participant().id()));
                group.meetings().forEach(meeting -> persons.addAll(mentionedIn(meeting)));
                group.violations().forEach(violation -> persons.addAll(violation.persons()));
            }
            formation.unassigned().forEach(unassigned -> persons.add(unassigned.participant().id()));
            return persons;
        }

        @Override
        public Optional<Formation> exportView(Formation formation, PersonId person) {
            return Optional.empty();
        }

        @Override
        public Erasure<Formation> erase(Formation formation, PersonId person) {
            Optional<Participant> erased = participantIn(formation, person);
            if (erased.isEmpty() && !persons(formation).contains(person)) {
                return Erasure.keep();
            }
            PersonId standIn = PersonalData.erased(slotIn(formation, person));
            Texts texts = new Texts(erased.map(Participant::name).orElse(null), person, standIn);
            List<FormedGroup> groups = formation.groups().stream().map(group -> new FormedGroup(group.number(),
                    group.members().stream()
                            .map(member -> new GroupMember(erasedFrom(member.participant(), person, standIn), member.role()))
                            .toList(),
                    group.score(), texts.erase(group.explanation()),
                    group.meetings().stream().map(meeting -> (Meeting.Planned) erasedFrom(meeting, person, standIn)).toList(),
                    group.violations().stream().map(violation -> new Violation(violation.constraint(), violation.group(),
                            violation.persons().stream().map(id -> id.equals(person) ? standIn : id).toList(),
                            texts.erase(violation.reason()))).toList()))
                    .toList();
            List<Unassigned> unassigned = formation.unassigned().stream()
                    .map(left -> new Unassigned(erasedFrom(left.participant(), person, standIn), texts.erase(left.reason())))
                    .toList();
            return Erasure.replaceWith(new Formation(formation.id(), formation.kind(), formation.context(), formation.seed(),
                    formation.groupingKey(), groups, unassigned, formation.cohortScore(), formation.upperBound(),
                    texts.erase(formation.findings()), formation.iterations()));
        }
    };

    private PeerPersonalData() {
    }

    /** Replaces whole-word mentions of an erased person's name and id in generated texts. */
    private record Texts(String name, PersonId person, PersonId standIn) {
        String erase(String text) {
            String result = replaceWord(text, person.value());
            return name == null ? result : replaceWord(result, name);
        }

        /** The reason with the person's name and id erased from every value it names. */
        Reason erase(Reason reason) {
            return reason.mapArguments(this::erase);
        }

        List<Reason> erase(List<Reason> reasons) {
            return reasons.stream().map(this::erase).toList();
        }

        private String replaceWord(String text, String word) {
            if (text == null || word.isBlank()) {
                return text;
            }
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(standIn.value()));
        }
    }

    private static Set<PersonId> mentionedIn(Meeting meeting) {
        Set<PersonId> persons = new LinkedHashSet<>(meeting.roles().keySet());
        if (meeting instanceof Meeting.Held held) {
            persons.addAll(held.attendance());
        }
        return persons;
    }

    private static int position(List<GroupMember> members, PersonId person) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).participant().id().equals(person)) {
                return i + 1;
            }
        }
        return members.size() + 1;
    }

    private static Optional<Participant> participantIn(Formation formation, PersonId person) {
        for (FormedGroup group : formation.groups()) {
            for (GroupMember member : group.members()) {
                if (member.participant().id().equals(person)) {
                    return Optional.of(member.participant());
                }
            }
        }
        return formation.unassigned().stream().map(Unassigned::participant)
                .filter(participant -> participant.id().equals(person)).findFirst();
    }

    private static String slotIn(Formation formation, PersonId person) {
        for (FormedGroup group : formation.groups()) {
            int position = position(group.members(), person);
            if (position <= group.members().size()) {
                return "group-" + group.number() + "-member-" + position;
            }
        }
        for (int i = 0; i < formation.unassigned().size(); i++) {
            if (formation.unassigned().get(i).participant().id().equals(person)) {
                return "unassigned-" + (i + 1);
            }
        }
        return "mentioned";
    }

    /** The participant with nothing left of the erased person: a stand-in for them, no manager link to them. */
    private static Participant erasedFrom(Participant participant, PersonId person, PersonId standIn) {
        if (participant.id().equals(person)) {
            return new Participant(standIn, standIn.value(), "", "erased", "", "", participant.role(),
                    participant.languages(), null, List.of());
        }
        if (person.equals(participant.manager())) {
            return new Participant(participant.id(), participant.name(), participant.email(), participant.organisation(),
                    participant.unit(), participant.site(), participant.role(), participant.languages(), null,
                    participant.interests());
        }
        return participant;
    }

    /** What a fellow member's export shows of another member: who they are in the group, no contact details. */
    private static Participant asSeenByPeers(Participant participant) {
        return new Participant(participant.id(), participant.name(), "", participant.organisation(), "", "",
                participant.role(), participant.languages(), null, List.of());
    }

    private static Meeting erasedFrom(Meeting meeting, PersonId person, PersonId standIn) {
        Map<PersonId, TriadRole> roles = new LinkedHashMap<>();
        meeting.roles().forEach((id, role) -> roles.put(id.equals(person) ? standIn : id, role));
        if (meeting instanceof Meeting.Held held) {
            Set<PersonId> attendance = new LinkedHashSet<>();
            held.attendance().forEach(id -> attendance.add(id.equals(person) ? standIn : id));
            return new Meeting.Held(held.number(), held.date(), held.theme(), roles, attendance, held.place());
        }
        return new Meeting.Planned(meeting.number(), meeting.date(), meeting.theme(), roles, meeting.place());
    }

    /**
     * The policy for {@link PeerRosters#KIND}: a person sees their own entry in their export (never the
     * others'), and erasing them removes their entry and any manager link to them.
     */
    public static final PersonalData<PeerRoster> ROSTERS = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(PeerRoster roster) {
            Set<PersonId> persons = new LinkedHashSet<>();
            roster.entries().forEach(e -> {
                persons.add(e.participant().id());
                e.participant().managerId().ifPresent(persons::add);
            });
            return persons;
        }

        @Override
        public Optional<PeerRoster> exportView(PeerRoster roster, PersonId person) {
            return roster.find(person).map(e -> new PeerRoster(roster.id(), roster.context(), List.of(e)));
        }

        @Override
        public Erasure<PeerRoster> erase(PeerRoster roster, PersonId person) {
            if (!persons(roster).contains(person)) {
                return Erasure.keep();
            }
            List<PeerRoster.Entry> entries = roster.entries().stream()
                    .filter(e -> !e.participant().id().equals(person))
                    .map(e -> new PeerRoster.Entry(erasedFrom(e.participant(), person, person), e.capacity(), e.source(),
                            e.at()))
                    .toList();
            return Erasure.replaceWith(new PeerRoster(roster.id(), roster.context(), entries));
        }
    };
}
