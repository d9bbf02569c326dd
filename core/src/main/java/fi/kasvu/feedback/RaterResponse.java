package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rater's answers. It names the rater's group and nothing else about the rater: no person,
 * no invitation, no time, so a response can never be tied back to who gave it.
 *
 * @param id               a random id (responses are kept in id order, not arrival order)
 * @param group            the rater's group, as the subject chose when inviting
 * @param ratings          statement id to 1..5; a statement left out is "cannot say"
 * @param strengths        what the subject does well, in the rater's words ("" if nothing)
 * @param developmentAreas what the subject could develop ("" if nothing)
 */
public record RaterResponse(String id, RaterGroup group, Map<String, Integer> ratings, String strengths,
                            String developmentAreas) {

    /** The lowest rating. */
    public static final int LOWEST = 1;

    /** The highest rating. */
    public static final int HIGHEST = 5;

    /** @throws IllegalArgumentException if a rating lies outside 1..5 or a text is too long */
    public RaterResponse {
        Require.id("response id", id);
        Require.nonNull("group", group);
        Require.nonNull("ratings", ratings);
        TreeMap<String, Integer> copy = new TreeMap<>();
        ratings.forEach((statementId, value) -> copy.put(Require.id("statement id", statementId),
                Require.range("rating of " + statementId, Require.nonNull("rating of " + statementId, value),
                        LOWEST, HIGHEST)));
        ratings = java.util.Collections.unmodifiableMap(copy);
        strengths = Require.text("strengths", strengths).strip();
        developmentAreas = Require.text("developmentAreas", developmentAreas).strip();
    }

    /** Whether the rater said nothing at all. */
    public boolean isEmpty() {
        return ratings.isEmpty() && strengths.isEmpty() && developmentAreas.isEmpty();
    }
}
