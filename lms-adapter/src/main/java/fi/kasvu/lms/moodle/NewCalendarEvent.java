package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;

/**
 * A calendar event to create. A {@link EventType#GROUP} event must name its course and group:
 * Moodle would accept one without a group and file it under group 0, visible to nobody's group.
 *
 * @param name the event name
 * @param description the description, or null
 * @param format the description format, or null
 * @param courseid the course id, or null
 * @param groupid the group id, or null (required for group events)
 * @param eventtype which calendar
 * @param timestart the start in Unix seconds
 * @param timeduration the duration in seconds, or null
 * @param visible whether it is visible, or null for the default
 * @param repeats how many weekly repeats, or null
 */
public record NewCalendarEvent(String name, String description, Integer format, Long courseid, Long groupid,
        EventType eventtype, long timestart, Long timeduration, Boolean visible, Integer repeats) {

    /**
     * Checks the event.
     *
     * @throws IllegalArgumentException naming the field, notably a group event without a group id
     */
    public NewCalendarEvent {
        Require.maxLength("name", Require.nonBlank("name", name), 255);
        Require.nonNull("eventtype", eventtype);
        if (eventtype == EventType.GROUP && (groupid == null || groupid < 1 || courseid == null || courseid < 1)) {
            throw new IllegalArgumentException("a group event needs a positive courseid and groupid (Moodle would"
                    + " file it under group 0): courseid=" + courseid + ", groupid=" + groupid);
        }
        if (timestart < 0) {
            throw new IllegalArgumentException("timestart must not be negative: " + timestart);
        }
        if (timeduration != null && timeduration < 0) {
            throw new IllegalArgumentException("timeduration must not be negative: " + timeduration);
        }
    }

    /** A visible HTML group event. */
    public static NewCalendarEvent forGroup(long courseid, long groupid, String name, String description,
            long timestart, long timeduration) {
        return new NewCalendarEvent(name, description, 1, courseid, groupid, EventType.GROUP, timestart, timeduration,
                true, null);
    }
}
