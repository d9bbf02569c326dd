package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;

/**
 * A cohort to create with {@code core_cohort_create_cohorts}.
 *
 * @param categoryType {@code system}, {@code id} or {@code idnumber}
 * @param categoryValue the category id or idnumber, "" for {@code system}
 * @param name the name
 * @param idnumber the idnumber, which Moodle requires and keeps unique on the site
 * @param description the description, or null
 * @param descriptionformat the description format, or null
 * @param visible whether it is visible, or null for the default
 */
public record NewCohort(String categoryType, String categoryValue, String name, String idnumber, String description,
        Integer descriptionformat, Boolean visible) {

    /**
     * Checks the cohort.
     *
     * @throws IllegalArgumentException naming the field and value that Moodle would reject
     */
    public NewCohort {
        if (!"system".equals(categoryType) && !"id".equals(categoryType) && !"idnumber".equals(categoryType)) {
            throw new IllegalArgumentException("categoryType must be system, id or idnumber: " + categoryType);
        }
        Require.nonNull("categoryValue", categoryValue);
        Require.nonBlank("name", name);
        Require.nonNull("idnumber", idnumber);
    }

    /** A system-level cohort. */
    public static NewCohort system(String name, String idnumber, String description) {
        return new NewCohort("system", "", name, idnumber, description, null, null);
    }
}
