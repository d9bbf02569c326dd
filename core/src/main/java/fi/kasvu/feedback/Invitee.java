package fi.kasvu.feedback;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.regex.Pattern;

/** Who an invitation is for: a person on the course roster, or whoever holds a single-use link. */
public sealed interface Invitee {

    /**
     * A rater on the roster, who answers signed in to the LMS.
     *
     * @param person the rater
     */
    record Roster(PersonId person) implements Invitee {
        /** @throws NullPointerException if the person is missing */
        public Roster {
            Require.nonNull("person", person);
        }
    }

    /**
     * A rater outside the LMS, who answers through a link the subject sends. Only the SHA-256 of
     * the link's token is kept, so a copy of the stored document cannot be turned into a link.
     *
     * @param tokenHash the token's SHA-256, 64 lower-case hex digits
     */
    record Link(String tokenHash) implements Invitee {

        private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

        /** @throws IllegalArgumentException if the hash is not 64 lower-case hex digits */
        public Link {
            Require.nonNull("tokenHash", tokenHash);
            if (!SHA256_HEX.matcher(tokenHash).matches()) {
                throw new IllegalArgumentException("tokenHash must be 64 lower-case hex digits: " + tokenHash.length()
                        + " characters");
            }
        }
    }
}
