package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;

/**
 * Which coach gives a participant feedback: an organiser pairs each participant with one of the
 * programme's coaches ({@link Programme#assignCoach}).
 *
 * @param participant the participant
 * @param coach       her coach
 */
public record Coaching(PersonId participant, PersonId coach) {

    /** @throws NullPointerException if a part is missing */
    public Coaching {
        Require.nonNull("participant", participant);
        Require.nonNull("coach", coach);
    }
}
