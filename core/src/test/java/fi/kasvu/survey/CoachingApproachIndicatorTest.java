package fi.kasvu.survey;

import static fi.kasvu.survey.SurveyFixtures.CLOSED;
import static fi.kasvu.survey.SurveyFixtures.OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CoachingApproachIndicatorTest {

    private static final CoachingApproachIndicator INDICATOR = CoachingApproachIndicator.standard();

    private static Survey twoRounds() {
        return SurveyFixtures.selfAssessment().openRound(OPENED).orElseThrow().closeRound(CLOSED).orElseThrow()
                .openRound(CLOSED.plusMonths(6)).orElseThrow().closeRound(CLOSED.plusMonths(7)).orElseThrow();
    }

    private static List<SurveyResponse> answering(int round, String team, int count, int ca1, int ca2) {
        return SurveyFixtures.responses("culture-1", round, team + round, SurveyFixtures.team("u1", team), count,
                List.of(new Answer.Scale("ca1", ca1), new Answer.Scale("ca2", ca2)));
    }

    @Test
    void the_indicator_is_the_share_of_four_and_five_answers_per_team_and_organisation() {
        List<SurveyResponse> responses = new ArrayList<>();
        responses.addAll(answering(1, "a", 4, 5, 2));   // 4 of 8 answers agree
        responses.addAll(answering(1, "b", 3, 4, 4));   // 6 of 6 agree

        IndicatorReading reading = SurveyResults.indicator(twoRounds(), 1, responses, INDICATOR,
                AnonymityThreshold.standard()).orElseThrow();

        assertThat(reading.share(GroupRef.team("om", "u1", "a")).orElseThrow().value()).isEqualTo(0.5);
        assertThat(reading.share(GroupRef.team("om", "u1", "b")).orElseThrow().value()).isEqualTo(1.0);
        assertThat(reading.share(GroupRef.organisation("om")).orElseThrow())
                .isEqualTo(new IndicatorReading.Share(7, 14, 10));
    }

    @Test
    void the_trend_follows_each_group_over_rounds_and_leaves_gaps_where_a_group_was_too_small() {
        List<SurveyResponse> responses = new ArrayList<>();
        responses.addAll(answering(1, "a", 4, 2, 2));
        responses.addAll(answering(1, "b", 3, 2, 2));
        responses.addAll(answering(2, "a", 4, 5, 4));
        responses.addAll(answering(2, "b", 2, 5, 5));

        IndicatorTrend trend = SurveyResults.trend(twoRounds(), responses, INDICATOR, AnonymityThreshold.standard());

        assertThat(trend.series(GroupRef.organisation("om"))).extracting(IndicatorTrend.Point::share)
                .containsExactly(OptionalDouble.of(0.0), OptionalDouble.of(1.0));
        assertThat(trend.series(GroupRef.team("om", "u1", "b"))).extracting(IndicatorTrend.Point::share)
                .containsExactly(OptionalDouble.of(0.0), OptionalDouble.empty());
        assertThat(trend.series(GroupRef.team("om", "u1", "a")).get(1).share())
                .as("team a would reveal team b of two through the organisation figure").isEmpty();
    }

    @Test
    void the_statements_counted_are_configurable() {
        CoachingApproachIndicator onlySupervisor = new CoachingApproachIndicator("sup",
                LocalizedText.of("E", "C", "S"), List.of("ca2"));

        IndicatorReading reading = SurveyResults.indicator(twoRounds(), 1, answering(1, "a", 3, 5, 1), onlySupervisor,
                AnonymityThreshold.standard()).orElseThrow();

        assertThat(reading.share(GroupRef.team("om", "u1", "a")).orElseThrow().value()).isEqualTo(0.0);
    }

    @Test
    void an_indicator_naming_a_missing_statement_is_refused() {
        CoachingApproachIndicator wrong = new CoachingApproachIndicator("x", LocalizedText.of("E", "C", "S"),
                List.of("ca1", "nope"));

        assertThat(SurveyResults.indicator(twoRounds(), 1, List.of(), wrong, AnonymityThreshold.standard()).problems())
                .containsExactly(SurveyProblem.notAStatement("nope"));
    }

    @Test
    void an_indicator_without_statements_is_rejected() {
        assertThatThrownBy(() -> new CoachingApproachIndicator("x", LocalizedText.of("E", "C", "S"), List.of()))
                .hasMessage("statementIds must name at least one statement: []");
    }
}
