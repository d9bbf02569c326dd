package fi.kasvu.lms.moodle;

/**
 * A course as {@code core_course_get_courses_by_field} returns it (the fields Kasvu uses).
 *
 * @param id the course id
 * @param shortname the short name, unique on the site
 * @param fullname the full name
 * @param displayname the name as shown
 * @param categoryid the category id
 * @param idnumber the idnumber, present only with {@code moodle/course:update}
 * @param visible whether students see the course (Moodle sends 0/1)
 * @param startdate the start, in Unix seconds
 * @param enddate the end, in Unix seconds, 0 meaning none
 * @param groupmode 0 no groups, 1 separate, 2 visible
 * @param enablecompletion whether completion tracking is on (Moodle sends 0/1)
 * @param lang the language the course forces ({@code ""} when it forces none)
 */
public record Course(Long id, String shortname, String fullname, String displayname, Long categoryid,
        String idnumber, Boolean visible, Long startdate, Long enddate, Integer groupmode, Boolean enablecompletion,
        String lang) {
}
