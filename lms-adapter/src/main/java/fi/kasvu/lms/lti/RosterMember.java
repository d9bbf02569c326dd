package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.Optional;

/**
 * One course member from Names and Role Provisioning.
 *
 * @param userId     the platform's user id (the {@code sub} of launches)
 * @param roles      the member's roles (Moodle sends short names such as {@code Instructor})
 * @param active     whether the membership is active
 * @param name       the full name, if shared
 * @param givenName  the given name, if shared
 * @param familyName the family name, if shared
 * @param email      the email, if shared
 */
public record RosterMember(String userId, List<LtiRole> roles, boolean active, Optional<String> name,
                           Optional<String> givenName, Optional<String> familyName, Optional<String> email) {

    /** @throws IllegalArgumentException if the user id is blank */
    public RosterMember {
        LtiIds.require("user_id", userId);
        roles = List.copyOf(roles);
        Require.nonNull("name", name);
        Require.nonNull("givenName", givenName);
        Require.nonNull("familyName", familyName);
        Require.nonNull("email", email);
    }
}
