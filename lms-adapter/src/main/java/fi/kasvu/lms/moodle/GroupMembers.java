package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * The members of one group ({@code core_group_get_group_members}).
 *
 * @param groupid the group id
 * @param userids the members' user ids
 */
public record GroupMembers(Long groupid, List<Long> userids) {

    /** Normalises a missing list to an empty one. */
    public GroupMembers {
        userids = userids == null ? List.of() : List.copyOf(userids);
    }
}
