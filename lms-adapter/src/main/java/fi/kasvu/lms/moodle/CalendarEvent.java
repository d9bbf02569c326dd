package fi.kasvu.lms.moodle;

/**
 * A calendar event as Moodle returns it. Create answers {@code groupid 0} where get answers null,
 * so use {@link #groupIdOrZero()}.
 *
 * @param id the event id
 * @param name the name
 * @param description the description
 * @param format the description format
 * @param courseid the course id
 * @param groupid the group id, 0 or null when none
 * @param userid the creator's user id
 * @param repeatid the repeat series id, or null
 * @param modulename the module name, "" or null when none
 * @param instance the module instance, 0 or null when none
 * @param eventtype {@code user}, {@code course}, {@code group}, …
 * @param timestart the start in Unix seconds
 * @param timeduration the duration in seconds
 * @param visible whether it is visible (Moodle sends 0/1)
 * @param sequence the iCal sequence
 * @param timemodified the last change in Unix seconds
 */
public record CalendarEvent(Long id, String name, String description, Integer format, Long courseid, Long groupid,
        Long userid, Long repeatid, String modulename, Long instance, String eventtype, Long timestart,
        Long timeduration, Boolean visible, Integer sequence, Long timemodified) {

    /** The group id, with Moodle's null and 0 both meaning none. */
    public long groupIdOrZero() {
        return groupid == null ? 0 : groupid;
    }
}
