package fi.kasvu.lms.moodle;

/**
 * A cohort, a site- or category-wide set of users.
 *
 * @param id the cohort id
 * @param name the name
 * @param idnumber the idnumber, unique on the site
 * @param description the description
 * @param descriptionformat the description format
 * @param visible whether the cohort is visible (a real boolean here)
 * @param theme the cohort theme, often ""
 */
public record Cohort(Long id, String name, String idnumber, String description, Integer descriptionformat,
        Boolean visible, String theme) {
}
