package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.internal.Hashes;

/**
 * How an LMS activity keys its experiments, so they are found by id without an index of their
 * own: a team's experiment from the activity's context and the team's number (1, 2, …), a
 * personal experiment from the context and the person. The experiment kind stores them under
 * these ids and the programme dashboard finds them by the same rule; both call this one place.
 * Ids carry no course names: the context is hashed.
 */
public final class ExperimentKeys {

    /** The most teams one activity keeps (a guard on probing team ids 1, 2, …). */
    public static final int MAX_TEAMS = 200;

    private ExperimentKeys() {
    }

    /** The activity's key: {@code x} and 24 hex digits of the context's SHA-256. */
    public static String activityKey(String contextId) {
        return "x" + sha256(Require.nonNull("contextId", contextId)).substring(0, 24);
    }

    /** The id of the activity's team with the number. */
    public static String teamId(String contextId, int number) {
        return activityKey(contextId) + "-t" + number;
    }

    /** The id of the person's personal experiment in the activity. */
    public static String personalId(String contextId, PersonId person) {
        return activityKey(contextId) + "-p" + sha256(Require.nonNull("person", person).value()).substring(0, 24);
    }

    /** Hex SHA-256 of a text (UTF-8), as the keys use it. */
    public static String sha256(String text) {
        return Hashes.sha256Hex(text);
    }
}
