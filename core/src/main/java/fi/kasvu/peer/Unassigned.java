package fi.kasvu.peer;

import fi.kasvu.common.Require;

/**
 * A participant the formation could not place in any group, and why.
 *
 * @param participant who
 * @param reason      why, in words
 */
public record Unassigned(Participant participant, String reason) {

    /** @throws IllegalArgumentException if the reason is blank */
    public Unassigned {
        Require.nonNull("participant", participant);
        Require.nonBlank("reason", reason);
    }
}
