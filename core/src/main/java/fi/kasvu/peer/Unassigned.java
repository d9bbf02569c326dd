package fi.kasvu.peer;

import fi.kasvu.common.Require;

/**
 * A participant the formation could not place in any group, and why.
 *
 * @param participant who
 * @param reason      why ({@code fi.kasvu.i18n.PeerMessages} words it)
 */
public record Unassigned(Participant participant, Reason reason) {

    /** @throws NullPointerException if a part is missing */
    public Unassigned {
        Require.nonNull("participant", participant);
        Require.nonNull("reason", reason);
    }
}
