package fi.kasvu.lms.moodle;

import java.util.List;

/**
 * A user enrolled in a course ({@code core_enrol_get_enrolled_users}); fields the caller may not
 * see are null, and {@code groups} is empty when Moodle leaves the key out.
 *
 * @param id the user id
 * @param username the username
 * @param firstname the first name
 * @param lastname the last name
 * @param fullname the full name
 * @param email the email address
 * @param idnumber the idnumber
 * @param lang the preferred language, when requested in the user fields
 * @param groups the course groups the user belongs to
 * @param roles the user's roles in the course
 */
public record EnrolledUser(Long id, String username, String firstname, String lastname, String fullname,
        String email, String idnumber, String lang, List<UserGroup> groups, List<UserRole> roles) {

    /** Normalises missing lists to empty ones. */
    public EnrolledUser {
        groups = groups == null ? List.of() : List.copyOf(groups);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
