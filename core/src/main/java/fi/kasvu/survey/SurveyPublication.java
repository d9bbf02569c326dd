package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.TreeSet;

/**
 * Which closed rounds' results the organiser has published to the respondents. Published results
 * are exactly the figures the organiser sees: the same disclosure control applies.
 *
 * @param id       {@code <surveyId>.published}
 * @param surveyId the survey
 * @param rounds   the published rounds, ascending and distinct
 */
public record SurveyPublication(String id, String surveyId, List<Integer> rounds) {

    /** @throws IllegalArgumentException if the id does not fit the survey or a round is below 1 */
    public SurveyPublication {
        Require.id("surveyId", surveyId);
        if (!idOf(surveyId).equals(id)) {
            throw new IllegalArgumentException("id must be " + idOf(surveyId) + ": " + id);
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer round : Require.list("rounds", rounds)) {
            sorted.add(Require.atLeast("rounds[]", round, 1));
        }
        rounds = List.copyOf(sorted);
    }

    /** The id of a survey's publication record. */
    public static String idOf(String surveyId) {
        return surveyId + ".published";
    }

    /** Nothing published. */
    public static SurveyPublication none(String surveyId) {
        return new SurveyPublication(idOf(surveyId), surveyId, List.of());
    }

    /** Whether the round is published. */
    public boolean published(int round) {
        return rounds.contains(round);
    }

    /** With the round published or withdrawn. */
    public SurveyPublication with(int round, boolean published) {
        TreeSet<Integer> next = new TreeSet<>(rounds);
        if (published) {
            next.add(round);
        } else {
            next.remove(round);
        }
        return new SurveyPublication(id, surveyId, List.copyOf(next));
    }
}
