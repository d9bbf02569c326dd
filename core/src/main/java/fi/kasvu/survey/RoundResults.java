package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The results of one closed round: the groups that show figures, and for any other group
 * nothing. Every view of the round (an organisation's page, a team's page) reads from this one
 * object, so the same suppression pattern holds everywhere and two views cannot be subtracted.
 *
 * @param surveyId  the survey
 * @param round     the round number
 * @param closed    the day the round closed
 * @param threshold the anonymity threshold applied
 * @param shown     the groups with figures, widest first
 */
public record RoundResults(String surveyId, int round, LocalDate closed, AnonymityThreshold threshold,
                           List<GroupResult.Shown> shown) {

    /** Copies the groups. */
    public RoundResults {
        Require.id("surveyId", surveyId);
        Require.nonNull("closed", closed);
        Require.nonNull("threshold", threshold);
        shown = Require.list("shown", shown);
    }

    /** The group's figures, or {@link GroupResult.Hidden} for a group too small, protecting another, or unknown. */
    public GroupResult group(GroupRef group) {
        return shown.stream().filter(result -> result.group().equals(group)).map(GroupResult.class::cast)
                .findFirst().orElse(new GroupResult.Hidden(group));
    }

    /**
     * The mean of each element's statement means in a shown group, over the statements whose
     * figures are shown; elements with no shown statement are left out.
     */
    public Map<CultureElement, Double> elementScores(Survey survey, GroupRef group) {
        Map<CultureElement, Double> scores = new EnumMap<>(CultureElement.class);
        if (!(group(group) instanceof GroupResult.Shown result)) {
            return scores;
        }
        for (CultureElement element : CultureElement.values()) {
            OptionalDouble mean = survey.questions().stream()
                    .filter(q -> q instanceof Question.Likert likert && likert.element() == element)
                    .map(q -> result.question(q.id()).orElse(null))
                    .filter(r -> r instanceof QuestionResult.Scale)
                    .mapToDouble(r -> ((QuestionResult.Scale) r).mean()).average();
            mean.ifPresent(value -> scores.put(element, value));
        }
        return scores;
    }
}
