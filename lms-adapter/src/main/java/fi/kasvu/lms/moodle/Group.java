package fi.kasvu.lms.moodle;

/**
 * A course group ({@code core_group_create_groups}, {@code core_group_get_course_groups}).
 * Moodle sends {@code enrolmentkey} as "" from create and as null from get.
 *
 * @param id the group id
 * @param courseid the course id
 * @param name the name, unique in the course
 * @param description the description
 * @param descriptionformat the description format (1 HTML)
 * @param enrolmentkey the enrolment key, "" or null when none
 * @param idnumber the idnumber, "" when none
 * @param visibility who sees the group and its members (0..3)
 * @param participation whether the group shows in participation menus
 */
public record Group(Long id, Long courseid, String name, String description, Integer descriptionformat,
        String enrolmentkey, String idnumber, Integer visibility, Boolean participation) {
}
