package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;

/**
 * A grouping to create. Moodle requires {@code description}, and its answer fails unless
 * {@code idnumber} is sent, so both are always present (either may be "").
 *
 * @param courseid the course id
 * @param name the name, unique in the course
 * @param description the description (may be "")
 * @param descriptionformat the description format, or null for the default
 * @param idnumber the idnumber (may be "")
 */
public record NewGrouping(long courseid, String name, String description, Integer descriptionformat, String idnumber) {

    /**
     * Checks the grouping.
     *
     * @throws IllegalArgumentException naming the field and value that Moodle would reject
     */
    public NewGrouping {
        if (courseid < 1) {
            throw new IllegalArgumentException("courseid must be positive: " + courseid);
        }
        Require.maxLength("name", Require.nonBlank("name", name), 254);
        Require.nonNull("description", description);
        Require.maxLength("idnumber", Require.nonNull("idnumber", idnumber), 100);
    }
}
