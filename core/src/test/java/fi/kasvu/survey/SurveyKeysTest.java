package fi.kasvu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The id of the survey a survey kind keeps for a course, by which the dashboard and the command
 * line find it too: stored ids must never change, so the rule is pinned here.
 */
class SurveyKeysTest {

    @Test
    void theSurveyId_isTheHashOfTheKindAndTheContext() {
        assertThat(SurveyKeys.surveyId(SurveyKeys.CULTURE, "course-42"))
                .isEqualTo("survey-a0c9d0fb31b2c404a3e44ebc355bd8ab");
        assertThat(SurveyKeys.surveyId(SurveyKeys.PULSE, "course-42"))
                .isEqualTo("survey-1466dfdad09f6bc935ad3f20ed14e29d");
    }
}
