package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.TreeSet;

/**
 * Who has answered one round of a survey, kept apart from the answers: the people in sorted
 * order, with no time and no order of arrival, so that nothing here can be lined up with a
 * stored response.
 *
 * @param id       {@code <surveyId>.r<round>}
 * @param surveyId the survey
 * @param round    the round number
 * @param people   the platform ids of everyone who answered, sorted and distinct
 */
public record SurveyParticipation(String id, String surveyId, int round, List<String> people) {

    /** @throws IllegalArgumentException if the id does not fit the survey and round, or a person id is invalid */
    public SurveyParticipation {
        Require.id("surveyId", surveyId);
        Require.atLeast("round", round, 1);
        if (!idOf(surveyId, round).equals(id)) {
            throw new IllegalArgumentException("id must be " + idOf(surveyId, round) + ": " + id);
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String person : Require.list("people", people)) {
            sorted.add(Require.id("people[]", person));
        }
        people = List.copyOf(sorted);
    }

    /** The id of a round's participation record. */
    public static String idOf(String surveyId, int round) {
        return surveyId + ".r" + round;
    }

    /** Nobody yet. */
    public static SurveyParticipation none(String surveyId, int round) {
        return new SurveyParticipation(idOf(surveyId, round), surveyId, round, List.of());
    }

    /** Whether the person has answered. */
    public boolean includes(String person) {
        return people.contains(person);
    }

    /** With the person added. */
    public SurveyParticipation with(String person) {
        List<String> more = new java.util.ArrayList<>(people);
        more.add(person);
        return new SurveyParticipation(id, surveyId, round, more);
    }

    /** With the people added at once (a batch of ballots: one change, no order of arrival). */
    public SurveyParticipation withAll(List<String> more) {
        List<String> all = new java.util.ArrayList<>(people);
        all.addAll(more);
        return new SurveyParticipation(id, surveyId, round, all);
    }

    /** Without the person (erasure). */
    public SurveyParticipation without(String person) {
        return new SurveyParticipation(id, surveyId, round, people.stream().filter(p -> !p.equals(person)).toList());
    }
}
