package fi.kasvu.peer;

import fi.kasvu.common.Require;

/**
 * A participant in a formed group, with their part in it.
 *
 * @param participant who
 * @param role        their part in the group
 */
public record GroupMember(Participant participant, MemberRole role) {

    /** @throws NullPointerException if either part is null */
    public GroupMember {
        Require.nonNull("participant", participant);
        Require.nonNull("role", role);
    }
}
