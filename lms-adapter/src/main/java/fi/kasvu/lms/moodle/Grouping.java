package fi.kasvu.lms.moodle;

/**
 * A grouping, a set of groups ({@code core_group_create_groupings}, {@code core_group_get_course_groupings}).
 *
 * @param id the grouping id
 * @param courseid the course id
 * @param name the name, unique in the course
 * @param description the description
 * @param descriptionformat the description format
 * @param idnumber the idnumber, "" when none
 */
public record Grouping(Long id, Long courseid, String name, String description, Integer descriptionformat,
        String idnumber) {
}
