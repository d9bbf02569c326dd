package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/**
 * A planned meeting of a group.
 *
 * @param number the meeting's number in the group, from 1
 * @param date the planned day
 * @param theme the planned theme, or ""
 */
public record SyncMeeting(int number, LocalDate date, String theme) {

    /**
     * Checks the meeting.
     *
     * @throws IllegalArgumentException naming a number below 1 or a missing date
     */
    public SyncMeeting {
        Require.atLeast("number", number, 1);
        Require.nonNull("date", date);
        theme = Require.text("theme", theme).strip();
    }
}
