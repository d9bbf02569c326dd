package fi.kasvu.library;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.Set;

/**
 * Someone reading the library: who they are, their organisation and their teams.
 *
 * @param person       the reader
 * @param organisation the reader's organisation
 * @param teams        the reader's teams
 */
public record Reader(PersonId person, String organisation, Set<String> teams) {

    /** @throws NullPointerException if the person is missing; IllegalArgumentException if the organisation is invalid */
    public Reader {
        Require.nonNull("person", person);
        Require.id("organisation", organisation);
        teams = Set.copyOf(Require.list("teams", teams == null ? Set.of() : teams));
    }
}
