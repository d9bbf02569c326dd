package fi.kasvu.feedback;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;

/**
 * Who asks for a change the subject or the course's teacher may make (inviting, closing). The
 * LMS layer decides whether a person is a teacher from the launch's roles; core trusts that.
 *
 * @param person  who asks
 * @param teacher whether they ask as the course's teacher
 */
public record Requester(PersonId person, boolean teacher) {

    /** @throws NullPointerException if the person is missing */
    public Requester {
        Require.nonNull("person", person);
    }

    /** A person acting for themselves (the subject, normally). */
    public static Requester person(PersonId person) {
        return new Requester(person, false);
    }

    /** The course's teacher. */
    public static Requester teacher(PersonId person) {
        return new Requester(person, true);
    }
}
