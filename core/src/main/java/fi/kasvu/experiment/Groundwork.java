package fi.kasvu.experiment;

import fi.kasvu.common.Require;

/**
 * What the team worked out before planning: the situational picture, the phenomenon mapping
 * and the change mapping, carried along by every later step.
 *
 * @param picture    the situational picture
 * @param phenomenon the phenomenon mapping
 * @param change     the change mapping
 */
public record Groundwork(SituationalPicture picture, PhenomenonMap phenomenon, ChangeMap change) {

    /** @throws NullPointerException naming a missing part */
    public Groundwork {
        Require.nonNull("picture", picture);
        Require.nonNull("phenomenon", phenomenon);
        Require.nonNull("change", change);
    }
}
