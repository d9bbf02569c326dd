package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;

/**
 * A user to add to a cohort, each side named by id or by its key.
 *
 * @param cohortType {@code id} or {@code idnumber}
 * @param cohortValue the cohort id or idnumber
 * @param userType {@code id} or {@code username}
 * @param userValue the user id or username
 */
public record CohortMember(String cohortType, String cohortValue, String userType, String userValue) {

    /**
     * Checks the types.
     *
     * @throws IllegalArgumentException naming a type Moodle does not know
     */
    public CohortMember {
        if (!"id".equals(cohortType) && !"idnumber".equals(cohortType)) {
            throw new IllegalArgumentException("cohortType must be id or idnumber: " + cohortType);
        }
        if (!"id".equals(userType) && !"username".equals(userType)) {
            throw new IllegalArgumentException("userType must be id or username: " + userType);
        }
        Require.nonBlank("cohortValue", cohortValue);
        Require.nonBlank("userValue", userValue);
    }
}
