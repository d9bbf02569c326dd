package fi.kasvu.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;

/**
 * A person in a programme with their role; a person may hold several roles (an organiser who
 * also coaches), one member entry each.
 *
 * @param person the person
 * @param role   their role
 */
public record Member(PersonId person, ProgrammeRole role) {

    /** @throws NullPointerException if a part is missing */
    public Member {
        Require.nonNull("person", person);
        Require.nonNull("role", role);
    }
}
