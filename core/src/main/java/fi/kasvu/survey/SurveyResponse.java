package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.List;

/**
 * One respondent's answers to one round. It holds where the respondent works, never who they
 * are; a question may be left unanswered.
 *
 * @param id        unique within the tenant (a random id, not derived from the person)
 * @param surveyId  the survey
 * @param round     the round number
 * @param group     the respondent's organisation, unit and team
 * @param submitted the day it was submitted
 * @param answers   the answers
 */
public record SurveyResponse(String id, String surveyId, int round, RespondentGroup group, LocalDate submitted,
                             List<Answer> answers) {

    /** @throws IllegalArgumentException if an id is invalid or the round below 1 */
    public SurveyResponse {
        Require.id("id", id);
        Require.id("surveyId", surveyId);
        Require.atLeast("round", round, 1);
        Require.nonNull("group", group);
        Require.nonNull("submitted", submitted);
        answers = Require.list("answers", answers);
    }

    /** The answer to the question, if given. */
    public java.util.Optional<Answer> answerTo(String questionId) {
        return answers.stream().filter(answer -> answer.questionId().equals(questionId)).findFirst();
    }
}
