package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * The Goal phase: what the coachee wants from this conversation, the longer-term goal behind it,
 * how they will know it is reached, and when.
 *
 * @param sessionGoal  the goal for this conversation ("" until written)
 * @param longTermGoal the longer-term goal ("" if none)
 * @param measures     how the coachee will know the goal is reached ("" until written)
 * @param targetDate   when the long-term goal should be reached, or null
 */
public record Goal(String sessionGoal, String longTermGoal, String measures, LocalDate targetDate) {

    /** A goal with nothing written yet. */
    public static final Goal EMPTY = new Goal("", "", "", null);

    /** @throws IllegalArgumentException if a text is longer than {@link Require#MAX_TEXT} */
    public Goal {
        sessionGoal = Require.text("goal.sessionGoal", sessionGoal);
        longTermGoal = Require.text("goal.longTermGoal", longTermGoal);
        measures = Require.text("goal.measures", measures);
    }

    /** This goal with another conversation goal. */
    public Goal withSessionGoal(String text) {
        return new Goal(text, longTermGoal, measures, targetDate);
    }

    /** This goal with another longer-term goal. */
    public Goal withLongTermGoal(String text) {
        return new Goal(sessionGoal, text, measures, targetDate);
    }

    /** This goal with other measures of success. */
    public Goal withMeasures(String text) {
        return new Goal(sessionGoal, longTermGoal, text, targetDate);
    }

    /** This goal with another target date (null for none). */
    public Goal withTargetDate(LocalDate date) {
        return new Goal(sessionGoal, longTermGoal, measures, date);
    }
}
