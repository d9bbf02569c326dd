package fi.kasvu.survey;

import fi.kasvu.common.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Surveys and responses for tests: a pulse survey, a self-assessment, and responses by group. */
public final class SurveyFixtures {

    public static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");
    public static final LocalDate OPENED = LocalDate.of(2026, 1, 12);
    public static final LocalDate CLOSED = LocalDate.of(2026, 1, 26);

    private SurveyFixtures() {
    }

    public static Survey pulse() {
        return Survey.pulse("pulse-1", "om", LocalizedText.of("Pulssi", "Puls", "Pulse"), List.of(
                new Question.Likert("q1", LocalizedText.of("Saan tukea.", "Jag får stöd.", "I get support."), null, false),
                new Question.SingleChoice("q2", LocalizedText.of("Työskentelen", "Jag arbetar", "I work"), List.of(
                        new Question.Option("office", LocalizedText.of("toimistolla", "på kontoret", "at the office")),
                        new Question.Option("remote", LocalizedText.of("etänä", "på distans", "remotely")))),
                new Question.FreeText("q3", LocalizedText.of("Mitä toivot?", "Vad önskar du?", "What do you wish for?"))),
                CREATED);
    }

    /**
     * A pulse survey of one statement (the coaching approach's first), its round opened on the
     * clock's day (UTC) and saved for the tenant; answers its id. The ballot tests' survey.
     */
    public static String openBallotSurvey(Surveys surveys, fi.kasvu.common.TenantId tenant, String id,
                                          java.time.Clock clock) {
        Survey survey = Survey.pulse(id, "org", LocalizedText.of("a", "b", "c"),
                List.of(CultureStatements.coachingApproach().get(0)), Instant.parse("2026-03-01T09:00:00Z"))
                .openRound(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate()).orElseThrow();
        surveys.save(tenant, fi.kasvu.common.Versioned.unsaved(survey)).orElseThrow();
        return survey.id();
    }

    /** A respondent key of the length the pages make (43 characters), one for each {@code i}. */
    public static String ballotKey(int i) {
        return String.format("k%042d", i);
    }

    public static Survey openPulse() {
        return pulse().openRound(OPENED).orElseThrow();
    }

    public static Survey closedPulse() {
        return openPulse().closeRound(CLOSED).orElseThrow();
    }

    public static Survey selfAssessment() {
        return Survey.cultureSelfAssessment("culture-1", "om", LocalizedText.of("Työkirja", "Arbetsbok", "Workbook"),
                List.of(), CREATED);
    }

    /** {@code count} responses from the group, each answering q1 with the value, q2 and q3. */
    public static List<SurveyResponse> responses(String prefix, RespondentGroup group, int count, int value) {
        return responses("pulse-1", 1, prefix, group, count, List.of(
                new Answer.Scale("q1", value), new Answer.Chosen("q2", "remote"), new Answer.Text("q3", prefix + " wish")));
    }

    public static List<SurveyResponse> responses(String surveyId, int round, String prefix, RespondentGroup group,
                                                 int count, List<Answer> answers) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(new SurveyResponse(prefix + "-" + round + "-" + i, surveyId, round, group, OPENED, answers));
        }
        return responses;
    }

    public static RespondentGroup team(String unit, String team) {
        return RespondentGroup.of("om", unit, team);
    }

    @SafeVarargs
    public static List<SurveyResponse> all(List<SurveyResponse>... parts) {
        List<SurveyResponse> all = new ArrayList<>();
        for (List<SurveyResponse> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
