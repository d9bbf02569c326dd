package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;

/**
 * A group to create; null optional fields are left out of the request.
 *
 * @param courseid the course id
 * @param name the name, unique in the course
 * @param description the description, which Moodle requires (may be "")
 * @param descriptionformat the description format, or null for Moodle's default (1 HTML)
 * @param idnumber the idnumber (Kasvu's idempotency key), or null
 * @param enrolmentkey the enrolment key, or null
 * @param visibility 0..3, or null for Moodle's default
 * @param participation whether the group shows in participation menus, or null for the default
 */
public record NewGroup(long courseid, String name, String description, Integer descriptionformat, String idnumber,
        String enrolmentkey, Integer visibility, Boolean participation) {

    /**
     * Checks the group.
     *
     * @throws IllegalArgumentException naming the field and value that Moodle would reject
     */
    public NewGroup {
        if (courseid < 1) {
            throw new IllegalArgumentException("courseid must be positive: " + courseid);
        }
        Require.maxLength("name", Require.nonBlank("name", name), 254);
        Require.nonNull("description", description);
        if (idnumber != null) {
            Require.maxLength("idnumber", idnumber, 100);
        }
        if (visibility != null) {
            Require.range("visibility", visibility, 0, 3);
        }
    }

    /** A group with a name, description and idnumber, everything else Moodle's default. */
    public static NewGroup of(long courseid, String name, String description, String idnumber) {
        return new NewGroup(courseid, name, description, null, idnumber, null, null, null);
    }
}
