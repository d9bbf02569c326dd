package fi.kasvu.lms.moodle;

/**
 * A role an enrolled user has in the course.
 *
 * @param roleid the role id
 * @param name the role name, often "" (not localised)
 * @param shortname the role short name, such as {@code student}
 * @param sortorder the role's sort order
 */
public record UserRole(Long roleid, String name, String shortname, Integer sortorder) {
}
