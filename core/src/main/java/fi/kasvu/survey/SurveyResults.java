package fi.kasvu.survey;

import fi.kasvu.common.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a closed round's results per team, unit, organisation and overall, under the
 * anonymity rules:
 * <ul>
 *   <li>no group shows anything with fewer respondents than the threshold (3 or more);</li>
 *   <li>no group shows anything if, together with the other shown figures, it would let a group
 *       under the threshold be worked out by subtraction (complementary suppression, see
 *       {@link DisclosureControl}); this holds per question too, since people skip questions;</li>
 *   <li>free-text answers appear only at the top of the report ({@link GroupRef#all()}), sorted,
 *       never linked to a smaller group or a person;</li>
 *   <li>results exist only for a closed round, so no two looks at a growing round can be compared.</li>
 * </ul>
 */
public final class SurveyResults {

    private SurveyResults() {
    }

    /**
     * The results of a closed round. Responses of other surveys or rounds are ignored.
     *
     * @return the results, or a refusal if the round does not exist or is still open
     */
    public static Result<RoundResults, SurveyProblem> of(Survey survey, int round, Collection<SurveyResponse> responses,
                                                 AnonymityThreshold threshold) {
        Result<List<SurveyResponse>, SurveyProblem> closed = closedRound(survey, round, responses);
        if (!closed.isAccepted()) {
            return Result.rejected(closed.problems());
        }
        List<SurveyResponse> answers = closed.orElseThrow();
        int k = threshold.minimum();

        Map<GroupRef, Integer> ownRespondents = countByGroup(answers, response -> true);
        Set<GroupRef> shownGroups = DisclosureControl.publishable(ownRespondents,
                DisclosureControl.groups(ownRespondents), k);

        Map<String, Set<GroupRef>> shownPerQuestion = new HashMap<>();
        for (Question question : survey.questions()) {
            Map<GroupRef, Integer> own = countByGroup(answers, r -> fitting(question, r) != null);
            shownPerQuestion.put(question.id(), DisclosureControl.publishable(own, shownGroups, k));
        }

        Map<GroupRef, List<SurveyResponse>> byGroup = byGroup(answers);
        List<GroupResult.Shown> shown = new ArrayList<>();
        shownGroups.stream().sorted(Comparator.comparingInt(GroupRef::depth).thenComparing(Comparator.naturalOrder()))
                .forEach(group -> {
                    List<SurveyResponse> inGroup = byGroup.getOrDefault(group, List.of());
                    List<QuestionResult> results = new ArrayList<>();
                    for (Question question : survey.questions()) {
                        boolean allowed = shownPerQuestion.get(question.id()).contains(group)
                                && (!(question instanceof Question.FreeText) || group.level() == GroupRef.Level.ALL);
                        results.add(allowed ? figure(question, inGroup) : new QuestionResult.Withheld(question.id()));
                    }
                    shown.add(new GroupResult.Shown(group, inGroup.size(), results));
                });
        return Result.accepted(new RoundResults(survey.id(), round,
                survey.round(round).orElseThrow().closed(), threshold, shown));
    }

    /**
     * The coaching-approach indicator for a closed round: per shown group, the share of agreeing
     * answers (4–5) to the indicator's statements, under the same anonymity rules.
     *
     * @return the reading, or a refusal if the round is unknown or open, or the indicator names
     *         a statement the survey does not have
     */
    public static Result<IndicatorReading, SurveyProblem> indicator(Survey survey, int round, Collection<SurveyResponse> responses,
                                                           CoachingApproachIndicator indicator,
                                                           AnonymityThreshold threshold) {
        List<SurveyProblem> problems = new ArrayList<>();
        for (String statementId : indicator.statementIds()) {
            if (!(survey.question(statementId).orElse(null) instanceof Question.Likert)) {
                problems.add(SurveyProblem.notAStatement(statementId));
            }
        }
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        Result<List<SurveyResponse>, SurveyProblem> closed = closedRound(survey, round, responses);
        if (!closed.isAccepted()) {
            return Result.rejected(closed.problems());
        }
        List<SurveyResponse> answers = closed.orElseThrow();
        int k = threshold.minimum();
        Map<GroupRef, Integer> ownRespondents = countByGroup(answers, response -> true);
        Set<GroupRef> shownGroups = DisclosureControl.publishable(ownRespondents,
                DisclosureControl.groups(ownRespondents), k);
        Map<GroupRef, Integer> ownAnswering = countByGroup(answers,
                r -> indicator.statementIds().stream().anyMatch(id -> r.answerTo(id).orElse(null) instanceof Answer.Scale));
        Set<GroupRef> shownIndicator = DisclosureControl.publishable(ownAnswering, shownGroups, k);

        Map<GroupRef, List<SurveyResponse>> byGroup = byGroup(answers);
        Map<GroupRef, IndicatorReading.Share> shares = new LinkedHashMap<>();
        shownIndicator.stream().sorted(Comparator.comparingInt(GroupRef::depth).thenComparing(Comparator.naturalOrder()))
                .forEach(group -> {
                    int agreeing = 0;
                    int given = 0;
                    int respondents = 0;
                    for (SurveyResponse response : byGroup.getOrDefault(group, List.of())) {
                        boolean counted = false;
                        for (String statementId : indicator.statementIds()) {
                            if (response.answerTo(statementId).orElse(null) instanceof Answer.Scale scale) {
                                given++;
                                agreeing += scale.agrees() ? 1 : 0;
                                counted = true;
                            }
                        }
                        respondents += counted ? 1 : 0;
                    }
                    shares.put(group, new IndicatorReading.Share(respondents, given, agreeing));
                });
        return Result.accepted(new IndicatorReading(indicator.id(), round,
                survey.round(round).orElseThrow().closed(), shares));
    }

    /** The indicator over every closed round of the survey, oldest first. */
    public static IndicatorTrend trend(Survey survey, Collection<SurveyResponse> responses,
                                       CoachingApproachIndicator indicator, AnonymityThreshold threshold) {
        List<IndicatorReading> readings = new ArrayList<>();
        for (SurveyRound round : survey.rounds()) {
            if (!round.isOpen()) {
                Result<IndicatorReading, SurveyProblem> reading =
                        indicator(survey, round.number(), responses, indicator, threshold);
                if (reading.isAccepted()) {
                    readings.add(reading.orElseThrow());
                }
            }
        }
        return new IndicatorTrend(indicator.id(), readings);
    }

    private static Result<List<SurveyResponse>, SurveyProblem> closedRound(Survey survey, int round,
                                                                  Collection<SurveyResponse> responses) {
        SurveyRound found = survey.round(round).orElse(null);
        if (found == null) {
            return Result.rejected(SurveyProblem.unknownRound(round));
        }
        if (found.isOpen()) {
            return Result.rejected(SurveyProblem.roundState(round, true));
        }
        return Result.accepted(responses.stream()
                .filter(r -> r.surveyId().equals(survey.id()) && r.round() == round).toList());
    }

    private static Map<GroupRef, Integer> countByGroup(List<SurveyResponse> responses,
                                                       java.util.function.Predicate<SurveyResponse> counted) {
        Map<GroupRef, Integer> own = new HashMap<>();
        for (SurveyResponse response : responses) {
            if (counted.test(response)) {
                own.merge(response.group().innermost(), 1, Integer::sum);
            }
        }
        return own;
    }

    /** Every group with the responses inside it (a response counts in its innermost group and every group above). */
    private static Map<GroupRef, List<SurveyResponse>> byGroup(List<SurveyResponse> responses) {
        Map<GroupRef, List<SurveyResponse>> byGroup = new HashMap<>();
        for (SurveyResponse response : responses) {
            for (GroupRef at = response.group().innermost(); at != null; at = at.parent()) {
                byGroup.computeIfAbsent(at, g -> new ArrayList<>()).add(response);
            }
        }
        return byGroup;
    }

    /**
     * The response's answer to the question if it fits the question (a scale value for a
     * statement, a known option for a choice, text for free text); null otherwise, so that a
     * stored response that bypassed {@link Survey#check} is counted nowhere rather than breaking the report.
     */
    private static Answer fitting(Question question, SurveyResponse response) {
        Answer answer = response.answerTo(question.id()).orElse(null);
        if (question instanceof Question.Likert) {
            return answer instanceof Answer.Scale ? answer : null;
        }
        if (question instanceof Question.SingleChoice choice) {
            return answer instanceof Answer.Chosen chosen && choice.hasOption(chosen.optionId()) ? answer : null;
        }
        return answer instanceof Answer.Text ? answer : null;
    }

    private static QuestionResult figure(Question question, List<SurveyResponse> inGroup) {
        List<Answer> answers = inGroup.stream().map(r -> fitting(question, r)).filter(answer -> answer != null).toList();
        if (question instanceof Question.Likert) {
            int[] counts = new int[5];
            long sum = 0;
            int agreeing = 0;
            for (Answer answer : answers) {
                int value = ((Answer.Scale) answer).value();
                counts[value - 1]++;
                sum += value;
                agreeing += value >= 4 ? 1 : 0;
            }
            return new QuestionResult.Scale(question.id(), answers.size(), (double) sum / answers.size(),
                    (double) agreeing / answers.size(), java.util.Arrays.stream(counts).boxed().toList());
        }
        if (question instanceof Question.SingleChoice choice) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            choice.options().forEach(option -> counts.put(option.id(), 0));
            answers.forEach(answer -> counts.merge(((Answer.Chosen) answer).optionId(), 1, Integer::sum));
            return new QuestionResult.Choices(question.id(), answers.size(), counts);
        }
        return new QuestionResult.Texts(question.id(), answers.stream().map(a -> ((Answer.Text) a).text()).sorted().toList());
    }
}
