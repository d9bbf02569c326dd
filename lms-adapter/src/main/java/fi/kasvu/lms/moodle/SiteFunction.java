package fi.kasvu.lms.moodle;

/**
 * A function in the token's external service.
 *
 * @param name the function name, such as {@code core_group_create_groups}
 * @param version the component version that provides it
 */
public record SiteFunction(String name, String version) {
}
