package fi.kasvu.lms.moodle.sync;

import fi.kasvu.lms.moodle.Course;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a sync will do, worked out from Moodle's current state: what to create, what to add and
 * what to leave alone. {@link #describe()} is the {@code --dry-run} output.
 *
 * @param course the Moodle course
 * @param groupingIdnumber the formation's grouping idnumber
 * @param groupingName the grouping name
 * @param existingGroupingId the grouping's id if it exists, else null
 * @param groups one plan per Kasvu group
 * @param unmatched members not found among the course's users, with why
 * @param assignmentsToSend how many groups are not known to be in the grouping yet
 */
public record SyncPlan(Course course, String groupingIdnumber, String groupingName, Long existingGroupingId,
        List<GroupPlan> groups, List<Unmatched> unmatched, int assignmentsToSend) {

    /** Copies the lists. */
    public SyncPlan {
        groups = List.copyOf(groups);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * The plan of one group.
     *
     * @param group the Kasvu group
     * @param idnumber its Moodle idnumber
     * @param name its Moodle name
     * @param description its Moodle description
     * @param existingGroupId its Moodle id if it exists, else null
     * @param conflict why it cannot be created (a group of that name has another idnumber), or null
     * @param members the matched members
     * @param events the planned meetings as events
     */
    public record GroupPlan(SyncGroup group, String idnumber, String name, String description, Long existingGroupId,
            String conflict, List<MemberPlan> members, List<EventPlan> events) {

        /** Copies the lists. */
        public GroupPlan {
            members = List.copyOf(members);
            events = List.copyOf(events);
        }

        /** Whether the group is missing and can be created. */
        public boolean toCreate() {
            return existingGroupId == null && conflict == null;
        }
    }

    /**
     * A matched member.
     *
     * @param member the Kasvu member
     * @param userId the Moodle user id
     * @param alreadyIn whether Moodle already has them in the group
     * @param message their welcome message
     */
    public record MemberPlan(SyncMember member, long userId, boolean alreadyIn, MessagePlan message) {
    }

    /**
     * A planned meeting as a group calendar event.
     *
     * @param meeting the meeting
     * @param name the event name (with the group name, so it is unique per group)
     * @param description the description
     * @param timestart the start in Unix seconds
     * @param duration the length in seconds
     * @param exists whether Moodle has it already
     */
    public record EventPlan(SyncMeeting meeting, String name, String description, long timestart, long duration,
            boolean exists) {
    }

    /**
     * A welcome message.
     *
     * @param key its journal key
     * @param text the text, in the member's language
     * @param state what the journal knows of it
     */
    public record MessagePlan(String key, String text, SyncJournal.MessageState state) {

        /** Whether this run should send it. */
        public boolean toSend() {
            return state == SyncJournal.MessageState.NONE || state == SyncJournal.MessageState.FAILED;
        }
    }

    /** Why a member was not matched. */
    public enum Reason {
        /** The member has no value for the matching field (such as an empty email). */
        NO_KEY,
        /** No user of the site has the value. */
        NOT_ON_SITE,
        /** A user of the site has it, but is not enrolled in the course. */
        NOT_ENROLLED,
        /** Several enrolled users share the value. */
        AMBIGUOUS
    }

    /**
     * A member who could not be matched.
     *
     * @param member the member
     * @param groupNumber their group
     * @param reason why
     */
    public record Unmatched(SyncMember member, int groupNumber, Reason reason) {
    }

    /** Whether the grouping has to be created. */
    public boolean groupingToCreate() {
        return existingGroupingId == null;
    }

    /** How many groups will be created. */
    public int groupsToCreate() {
        return (int) groups.stream().filter(GroupPlan::toCreate).count();
    }

    /** How many memberships will be added. */
    public int membersToAdd() {
        return groups.stream().filter(g -> g.conflict() == null)
                .mapToInt(g -> (int) g.members().stream().filter(m -> !m.alreadyIn()).count()).sum();
    }

    /** How many events will be created. */
    public int eventsToCreate() {
        return groups.stream().filter(g -> g.conflict() == null)
                .mapToInt(g -> (int) g.events().stream().filter(e -> !e.exists()).count()).sum();
    }

    /** How many welcome messages will be sent. */
    public int messagesToSend() {
        return (int) memberPlans().stream().filter(m -> m.message().toSend()).count();
    }

    /** How many welcome messages an interrupted run may or may not have delivered (never resent automatically). */
    public int messagesUncertain() {
        return (int) memberPlans().stream()
                .filter(m -> m.message().state() == SyncJournal.MessageState.UNCERTAIN).count();
    }

    private List<MemberPlan> memberPlans() {
        List<MemberPlan> all = new ArrayList<>();
        groups.stream().filter(g -> g.conflict() == null).forEach(g -> all.addAll(g.members()));
        return all;
    }

    /** Whether the run would change anything in Moodle (or has uncertain messages to settle first). */
    public boolean hasWrites() {
        return groupingToCreate() || groupsToCreate() > 0 || assignmentsToSend > 0 || membersToAdd() > 0
                || eventsToCreate() > 0 || messagesToSend() > 0 || messagesUncertain() > 0;
    }

    /** The plan in words, one line each: what will be created, added, sent and left alone. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        int existing = (int) groups.stream().filter(g -> g.existingGroupId() != null).count();
        int members = groups.stream().mapToInt(g -> g.members().size()).sum();
        int events = groups.stream().mapToInt(g -> g.events().size()).sum();
        lines.add("Course " + course.shortname() + " (id " + course.id() + "): " + course.fullname());
        lines.add((groupingToCreate() ? "create" : "leave alone") + " grouping " + groupingIdnumber + " \""
                + groupingName + "\"");
        lines.add("groups: create " + groupsToCreate() + ", leave alone " + existing
                + (groups.stream().anyMatch(g -> g.conflict() != null) ? ", blocked " + groups.stream()
                        .filter(g -> g.conflict() != null).count() : ""));
        lines.add("grouping assignments: send " + assignmentsToSend);
        lines.add("members: add " + membersToAdd() + ", leave alone " + (members - membersToAdd()));
        lines.add("group events: create " + eventsToCreate() + ", leave alone " + (events - eventsToCreate()));
        lines.add("welcome messages: send " + messagesToSend() + ", already sent "
                + memberPlans().stream().filter(m -> m.message().state() == SyncJournal.MessageState.SENT).count()
                + ", uncertain " + messagesUncertain());
        for (GroupPlan group : groups) {
            if (group.conflict() != null) {
                lines.add("  blocked " + group.idnumber() + ": " + group.conflict());
            } else if (group.toCreate()) {
                lines.add("  create " + group.idnumber() + " \"" + group.name() + "\" with " + group.members().size()
                        + " members and " + group.events().size() + " events");
            }
        }
        for (Unmatched miss : unmatched) {
            lines.add("  unmatched in group " + miss.groupNumber() + ": " + miss.member().id() + " ("
                    + miss.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        return lines;
    }
}
