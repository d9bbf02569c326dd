package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * One time a survey is answered; the self-assessment is meant to be revisited, so results
 * compare rounds. Results exist only for a closed round, so that no two looks at a growing set
 * of answers can be subtracted to reveal one person's answers.
 *
 * @param number 1, 2, … in the order the rounds were opened
 * @param opened the first day answers were taken
 * @param closed the last day, or null while the round is open
 */
public record SurveyRound(int number, LocalDate opened, LocalDate closed) {

    /** @throws IllegalArgumentException if the number is below 1 or the round closes before it opens */
    public SurveyRound {
        Require.atLeast("number", number, 1);
        Require.nonNull("opened", opened);
        if (closed != null && closed.isBefore(opened)) {
            throw new IllegalArgumentException("closed must not be before opened " + opened + ": " + closed);
        }
    }

    /** Whether answers are still taken. */
    public boolean isOpen() {
        return closed == null;
    }
}
