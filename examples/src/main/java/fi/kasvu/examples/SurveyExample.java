package fi.kasvu.examples;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.survey.AnonymityThreshold;
import fi.kasvu.survey.Answer;
import fi.kasvu.survey.CoachingApproachIndicator;
import fi.kasvu.survey.GroupRef;
import fi.kasvu.survey.GroupResult;
import fi.kasvu.survey.IndicatorTrend;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.RoundResults;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyResponse;
import fi.kasvu.survey.SurveyResults;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The work-culture self-assessment: one round, results per group under the anonymity rules, the indicator. */
public final class SurveyExample {

    private SurveyExample() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        LocalDate opened = LocalDate.of(2026, 1, 12);
        Survey survey = Survey.cultureSelfAssessment("culture-2026", "om",
                        LocalizedText.of("Työkulttuurin itsearvio", "Självvärdering av arbetskulturen",
                                "Work-culture self-assessment"), List.of(), Instant.parse("2026-01-10T08:00:00Z"))
                .openRound(opened).orElseThrow();

        List<SurveyResponse> responses = new ArrayList<>();
        answer(responses, survey, "team-a", 4, 5);   // four respondents agreeing
        answer(responses, survey, "team-b", 3, 2);   // three disagreeing
        answer(responses, survey, "team-c", 2, 4);   // only two: never shown, nor derivable
        survey = survey.closeRound(opened.plusWeeks(2)).orElseThrow();

        RoundResults results = SurveyResults.of(survey, 1, responses, AnonymityThreshold.standard()).orElseThrow();
        for (String team : List.of("team-a", "team-b", "team-c")) {
            GroupResult result = results.group(GroupRef.team("om", "unit-1", team));
            System.out.println(team + ": " + (result instanceof GroupResult.Shown shown
                    ? shown.respondents() + " respondents" : "not shown"));
        }
        IndicatorTrend trend = SurveyResults.trend(survey, responses, CoachingApproachIndicator.standard(),
                AnonymityThreshold.standard());
        System.out.println("organisation indicator: " + trend.series(GroupRef.organisation("om")).get(0).share());
    }

    private static void answer(List<SurveyResponse> responses, Survey survey, String team, int count, int value) {
        List<Answer> answers = survey.questions().stream().map(q -> (Answer) new Answer.Scale(q.id(), value)).toList();
        for (int i = 0; i < count; i++) {
            SurveyResponse response = new SurveyResponse(team + "-" + i, survey.id(), 1,
                    RespondentGroup.of("om", "unit-1", team), LocalDate.of(2026, 1, 14), answers);
            if (survey.check(response).isEmpty()) {
                responses.add(response);
            }
        }
    }
}
