package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Require;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormedGroup;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.Meeting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to publish: a formation's id, its kind and its groups.
 *
 * @param formationId the formation id, the stem of every idnumber the sync writes
 * @param kind the kind of groups ({@code PEER_TRIAD}, {@code REVERSE_MENTORING}, {@code COACHING_GROUP}, …)
 * @param groups the groups, with distinct numbers
 */
public record SyncInput(String formationId, String kind, List<SyncGroup> groups) {

    /**
     * Checks the input.
     *
     * @throws IllegalArgumentException naming a bad formation id, a repeated group number, or a
     *     formation id that would make an idnumber longer than Moodle's 100 characters
     */
    public SyncInput {
        Require.id("formationId", formationId);
        if (formationId.length() > 80 || formationId.contains(":")) {
            throw new IllegalArgumentException("formationId must be at most 80 characters without ':': " + formationId);
        }
        Require.nonBlank("kind", kind);
        groups = Require.list("groups", groups);
        Set<Integer> numbers = new HashSet<>();
        for (SyncGroup group : groups) {
            if (!numbers.add(group.number())) {
                throw new IllegalArgumentException("group numbers must be distinct: " + group.number());
            }
        }
    }

    /** The groups and planned meetings of a formation read from {@code groups.json}. */
    public static SyncInput from(Formation formation) {
        List<SyncGroup> groups = new ArrayList<>();
        for (FormedGroup formed : formation.groups()) {
            List<SyncMember> members = new ArrayList<>();
            for (GroupMember member : formed.members()) {
                var person = member.participant();
                members.add(new SyncMember(person.id().value(), person.name(), person.email(), person.preferredLanguage()));
            }
            List<SyncMeeting> meetings = new ArrayList<>();
            for (Meeting.Planned planned : formed.meetings()) {
                meetings.add(new SyncMeeting(planned.number(), planned.date(), planned.theme()));
            }
            groups.add(new SyncGroup(formed.number(), members, meetings));
        }
        return new SyncInput(formation.id(), formation.kind().name(), groups);
    }

    /** The idnumber of the formation's grouping: {@code kasvu:<formation>}. */
    public String groupingIdnumber() {
        return "kasvu:" + formationId;
    }

    /** The idnumber of a group: {@code kasvu:<formation>:g<number>}. */
    public String groupIdnumber(SyncGroup group) {
        return groupingIdnumber() + ":g" + group.number();
    }
}
