package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import java.util.Optional;

/**
 * A learner's current result on a line item, as the platform holds it (AGS Result Service).
 *
 * @param userId        the platform's user id
 * @param resultScore   the score, if any
 * @param resultMaximum the maximum, if given
 * @param comment       the comment, or empty
 */
public record GradeResult(String userId, Optional<Double> resultScore, Optional<Double> resultMaximum, String comment) {

    /** @throws IllegalArgumentException if the user id is blank */
    public GradeResult {
        Require.id("userId", userId);
        Require.nonNull("resultScore", resultScore);
        Require.nonNull("resultMaximum", resultMaximum);
        comment = comment == null ? "" : comment;
    }
}
