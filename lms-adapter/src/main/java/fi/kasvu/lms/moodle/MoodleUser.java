package fi.kasvu.lms.moodle;

/**
 * A user found by {@code core_user_get_users_by_field}.
 *
 * @param id the user id
 * @param username the username
 * @param firstname the first name
 * @param lastname the last name
 * @param fullname the full name
 * @param email the email address
 * @param idnumber the idnumber
 * @param lang the preferred language
 * @param auth the authentication plugin
 * @param suspended whether the account is suspended
 * @param confirmed whether the account is confirmed
 */
public record MoodleUser(Long id, String username, String firstname, String lastname, String fullname,
        String email, String idnumber, String lang, String auth, Boolean suspended, Boolean confirmed) {
}
