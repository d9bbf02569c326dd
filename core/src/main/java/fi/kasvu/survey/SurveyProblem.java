package fi.kasvu.survey;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.util.Map;

/**
 * Why a survey refused a command, a response or a results request.
 *
 * @param code      the stable message key
 * @param field     the field it concerns
 * @param arguments what the message needs
 */
public record SurveyProblem(String code, String field, Map<String, Object> arguments) implements Problem {

    /** @throws NullPointerException if a part is missing */
    public SurveyProblem {
        Require.nonNull("code", code);
        Require.nonNull("field", field);
        arguments = Map.copyOf(Require.nonNull("arguments", arguments));
    }

    /** A round is already open: close it before opening another. */
    public static SurveyProblem roundAlreadyOpen(int round) {
        return new SurveyProblem("survey.round.alreadyOpen", "rounds", Map.of("round", round));
    }

    /** No round is open. */
    public static SurveyProblem noOpenRound() {
        return new SurveyProblem("survey.round.noneOpen", "rounds", Map.of());
    }

    /** The round does not exist. */
    public static SurveyProblem unknownRound(int round) {
        return new SurveyProblem("survey.round.unknown", "round", Map.of("round", round));
    }

    /** The round still takes answers (results wait until it closes) or no longer does (a late response). */
    public static SurveyProblem roundState(int round, boolean open) {
        return new SurveyProblem(open ? "survey.round.stillOpen" : "survey.round.closed", "round", Map.of("round", round));
    }

    /** A date lies before the date it must follow. */
    public static SurveyProblem dateBefore(String field, Object earliest, Object actual) {
        return new SurveyProblem("survey.date.tooEarly", field, Map.of("earliest", earliest.toString(), "actual", actual.toString()));
    }

    /** The answer names no question of the survey. */
    public static SurveyProblem unknownQuestion(int index, String questionId) {
        return new SurveyProblem("survey.answer.unknownQuestion", "answers[" + index + "]", Map.of("questionId", questionId));
    }

    /** The answer is of another type than its question. */
    public static SurveyProblem wrongAnswerType(int index, String questionId, String expected) {
        return new SurveyProblem("survey.answer.wrongType", "answers[" + index + "]",
                Map.of("questionId", questionId, "expected", expected));
    }

    /** The chosen option is not one of the question's. */
    public static SurveyProblem unknownOption(int index, String questionId, String optionId) {
        return new SurveyProblem("survey.answer.unknownOption", "answers[" + index + "].optionId",
                Map.of("questionId", questionId, "optionId", optionId));
    }

    /** The question is answered more than once. */
    public static SurveyProblem answeredTwice(int index, String questionId) {
        return new SurveyProblem("survey.answer.twice", "answers[" + index + "]", Map.of("questionId", questionId));
    }

    /** The response belongs to another survey. */
    public static SurveyProblem otherSurvey(String surveyId) {
        return new SurveyProblem("survey.response.otherSurvey", "surveyId", Map.of("surveyId", surveyId));
    }

    /** The indicator names a statement the survey lacks or that is not a Likert statement. */
    public static SurveyProblem notAStatement(String questionId) {
        return new SurveyProblem("survey.indicator.notAStatement", "statementIds", Map.of("questionId", questionId));
    }
}
