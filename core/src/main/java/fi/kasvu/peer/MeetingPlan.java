package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * When formed groups meet: a first day, how many meetings, and the weeks between them.
 *
 * @param first         the first meeting's day
 * @param count         how many meetings, 1..100
 * @param intervalWeeks weeks between meetings, 1..52
 */
public record MeetingPlan(LocalDate first, int count, int intervalWeeks) {

    /** @throws IllegalArgumentException if a count is out of range */
    public MeetingPlan {
        Require.nonNull("first", first);
        Require.range("count", count, 1, 100);
        Require.range("intervalWeeks", intervalWeeks, 1, 52);
    }

    /** The day of meeting {@code number} (from 1). */
    public LocalDate dateOf(int number) {
        return first.plusWeeks((long) (number - 1) * intervalWeeks);
    }
}
