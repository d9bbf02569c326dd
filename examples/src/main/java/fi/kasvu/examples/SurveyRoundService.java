package fi.kasvu.examples;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.TenantId;
import fi.kasvu.survey.AnonymityThreshold;
import fi.kasvu.survey.Answer;
import fi.kasvu.survey.GroupResult;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.RoundResults;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyEvent;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.SurveyService;
import fi.kasvu.survey.Surveys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Closing a survey round through {@link SurveyService} and reading only the publishable figures:
 * {@link RoundResults#shown()} never holds a group below the threshold, nor one whose figures
 * would reveal such a group by subtraction. The {@code RoundClosed} event tells the agency system
 * that the results can be read, so it need not poll.
 */
public final class SurveyRoundService {

    private SurveyRoundService() {
    }

    /** Runs the example and prints the publishable figures. */
    public static void main(String[] args) {
        Instant opened = Instant.parse("2026-01-12T08:00:00Z");
        TenantId agency = TenantId.of("agency");
        Surveys stored = Surveys.inMemory(Clock.systemUTC());
        SurveyResponses responses = SurveyResponses.inMemory(Clock.systemUTC());
        SurveyService surveys = SurveyService.of(stored, responses, SurveyRoundService::heard,
                Clock.fixed(opened, ZoneOffset.UTC), IdGenerator.uuids());
        Survey survey = surveys.createCultureSelfAssessment(agency, "om", LocalizedText.of("Työkulttuurin itsearvio",
                "Självvärdering av arbetskulturen", "Work-culture self-assessment"), List.of()).value();
        surveys.openRound(agency, survey.id()).orElseThrow();

        answer(surveys, survey, "team-a", 4, 5);   // four respondents: shown
        answer(surveys, survey, "team-b", 3, 2);   // three, but with the unit's figures it would reveal team-c
        answer(surveys, survey, "team-c", 2, 4);   // only two: never shown, nor derivable

        // Two weeks later (the same ports, the clock of that day), the organiser closes the round.
        SurveyService later = SurveyService.of(stored, responses, SurveyRoundService::heard,
                Clock.fixed(opened.plus(Duration.ofDays(14)), ZoneOffset.UTC), IdGenerator.uuids());
        later.closeRound(agency, survey.id()).orElseThrow();

        RoundResults results = later.results(agency, survey.id(), 1, AnonymityThreshold.standard()).orElseThrow();
        for (GroupResult.Shown shown : results.shown()) {
            System.out.println("publishable: " + shown.group().level() + " " + label(shown) + ", "
                    + shown.respondents() + " respondents");
        }
    }

    private static String label(GroupResult.Shown shown) {
        return switch (shown.group().level()) {
            case ALL -> "everyone";
            case ORGANISATION -> shown.group().organisation();
            case UNIT -> shown.group().unit();
            case TEAM -> shown.group().team();
        };
    }

    private static void heard(SurveyEvent event) {
        if (event instanceof SurveyEvent.RoundClosed closed) {
            System.out.println("round " + closed.round() + " closed on " + closed.on() + ": results can be read");
        }
    }

    private static void answer(SurveyService surveys, Survey survey, String team, int count, int value) {
        List<Answer> answers = survey.questions().stream().map(q -> (Answer) new Answer.Scale(q.id(), value)).toList();
        for (int i = 0; i < count; i++) {
            surveys.respond(TenantId.of("agency"), survey.id(), RespondentGroup.of("om", "unit-1", team), answers)
                    .orElseThrow();
        }
    }
}
