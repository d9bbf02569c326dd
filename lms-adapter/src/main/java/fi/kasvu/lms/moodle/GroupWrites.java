package fi.kasvu.lms.moodle;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The writes of groups and groupings that two publishers share ({@code kasvu moodle sync-groups}'
 * {@link fi.kasvu.lms.moodle.sync.GroupSync} and the activities' {@link MoodleCourseServices}), each
 * safe against another run that made some of the same things meanwhile: Moodle knows a group or
 * grouping by its idnumber and refuses a second one ({@code idnumbertaken}, or a bare
 * {@code invalidparameter} when it checks the name first).
 */
public final class GroupWrites {

    private GroupWrites() {
    }

    /**
     * A grouping made now, or found by its idnumber when another run made it meanwhile.
     *
     * @param id      its id
     * @param created whether this call made it
     */
    public record Made(long id, boolean created) {
    }

    /**
     * Creates the grouping; if Moodle says its idnumber is taken, finds the one that has it.
     *
     * @throws MoodleException if Moodle refuses otherwise, or says the idnumber is taken and no grouping has it
     * @throws IOException     if a call fails in transport
     */
    public static Made createGrouping(MoodleClient moodle, NewGrouping grouping) throws IOException, MoodleException {
        try {
            return new Made(moodle.execute(MoodleCalls.createGroupings(List.of(grouping))).get(0).id(), true);
        } catch (MoodleException e) {
            if (e.kind() != MoodleException.Kind.IDNUMBER_TAKEN) {
                throw e;
            }
            for (Grouping existing : moodle.execute(MoodleCalls.courseGroupings(grouping.courseid()))) {
                if (grouping.idnumber().equals(existing.idnumber())) {
                    return new Made(existing.id(), false);
                }
            }
            throw e;
        }
    }

    /**
     * Creates a batch of groups in one call, recording each one's id by idnumber in {@code groupIds};
     * if an earlier, interrupted run (or another one now) already made some of them, picks those up
     * and creates the rest.
     *
     * @return how many groups this call made
     * @throws MoodleException if Moodle refuses the batch and none of it exists
     * @throws IOException     if a call fails in transport
     */
    public static int createGroups(MoodleClient moodle, long courseId, List<NewGroup> batch, Map<String, Long> groupIds)
            throws IOException, MoodleException {
        MoodleException refused;
        try {
            return record(moodle.execute(MoodleCalls.createGroups(batch)), groupIds);
        } catch (MoodleException e) {
            // Another run may have created some of them meanwhile. Moodle checks names before
            // idnumbers, so that shows up as invalidparameter as often as idnumbertaken.
            if (e.kind() != MoodleException.Kind.IDNUMBER_TAKEN && e.kind() != MoodleException.Kind.INVALID_PARAMETER) {
                throw e;
            }
            refused = e;
        }
        for (Group group : moodle.execute(MoodleCalls.courseGroups(courseId))) {
            if (group.idnumber() != null && !group.idnumber().isEmpty()) {
                groupIds.putIfAbsent(group.idnumber(), group.id());
            }
        }
        List<NewGroup> rest = batch.stream().filter(g -> !groupIds.containsKey(g.idnumber())).toList();
        if (rest.size() == batch.size()) {
            throw refused;
        }
        return rest.isEmpty() ? 0 : record(moodle.execute(MoodleCalls.createGroups(rest)), groupIds);
    }

    private static int record(List<Group> created, Map<String, Long> groupIds) {
        created.forEach(group -> groupIds.put(group.idnumber(), group.id()));
        return created.size();
    }
}
