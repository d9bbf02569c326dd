package fi.kasvu.lms.moodle;

/**
 * A group an enrolled user belongs to, as listed by {@code core_enrol_get_enrolled_users}.
 *
 * @param id the group id
 * @param name the group name
 * @param description the description
 * @param descriptionformat the stored description format
 */
public record UserGroup(Long id, String name, String description, Integer descriptionformat) {
}
