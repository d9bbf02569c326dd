package fi.kasvu.programme;

import fi.kasvu.common.PersonId;

/**
 * Whether a person has completed the Kasvu activity an assignment links to (a 360 answered, a
 * plan written): the embedding system knows, from the activity's own aggregate or the LMS.
 */
@FunctionalInterface
public interface ActivityCompletion {

    /** Whether the person has completed the activity. */
    boolean completed(PersonId person, Fulfilment.Activity activity);

    /** Nobody has completed anything: every activity assignment is due. */
    static ActivityCompletion none() {
        return (person, activity) -> false;
    }
}
