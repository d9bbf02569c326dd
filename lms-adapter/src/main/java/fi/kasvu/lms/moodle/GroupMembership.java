package fi.kasvu.lms.moodle;

/**
 * A user in a group, to add with {@code core_group_add_group_members}.
 *
 * @param groupid the group id
 * @param userid the user id
 */
public record GroupMembership(long groupid, long userid) {

    /**
     * Checks the ids.
     *
     * @throws IllegalArgumentException naming an id that is not positive
     */
    public GroupMembership {
        if (groupid < 1 || userid < 1) {
            throw new IllegalArgumentException("groupid and userid must be positive: " + groupid + ", " + userid);
        }
    }
}
