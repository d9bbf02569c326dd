package fi.kasvu.lms.moodle;

/**
 * A group to put in a grouping ({@code core_group_assign_grouping}); existing pairs are skipped by Moodle.
 *
 * @param groupingid the grouping id
 * @param groupid the group id
 */
public record GroupingAssignment(long groupingid, long groupid) {

    /**
     * Checks the ids.
     *
     * @throws IllegalArgumentException naming an id that is not positive
     */
    public GroupingAssignment {
        if (groupingid < 1 || groupid < 1) {
            throw new IllegalArgumentException("groupingid and groupid must be positive: " + groupingid + ", " + groupid);
        }
    }
}
