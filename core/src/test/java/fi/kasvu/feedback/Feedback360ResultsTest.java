package fi.kasvu.feedback;

import static fi.kasvu.feedback.FeedbackFixtures.START;
import static fi.kasvu.feedback.FeedbackFixtures.SUBJECT;
import static fi.kasvu.feedback.FeedbackFixtures.all;
import static fi.kasvu.feedback.FeedbackFixtures.answer;
import static fi.kasvu.feedback.FeedbackFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.kasvu.survey.AnonymityThreshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Feedback360ResultsTest {

    private static Feedback360Report report(FeedbackAssessment assessment) {
        return assessment.close(Requester.person(SUBJECT), START.plusSeconds(86_400)).orElseThrow()
                .report(AnonymityThreshold.standard()).orElseThrow();
    }

    private static List<Map.Entry<RaterGroup, Answers>> times(int count, RaterGroup group, Answers answers) {
        List<Map.Entry<RaterGroup, Answers>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(answer(group, answers));
        }
        return list;
    }

    private static List<Map.Entry<RaterGroup, Answers>> concat(List<List<Map.Entry<RaterGroup, Answers>>> parts) {
        return parts.stream().flatMap(List::stream).toList();
    }

    @Test
    void groupsOfThreeOrMore_areShownApart_withTheOthersMeanOverAll() {
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(false).answerAsSelf(SUBJECT, all(5), START)
                .orElseThrow(), concat(List.of(times(3, RaterGroup.PEERS, all(2)), times(3, RaterGroup.DIRECT_REPORTS, all(4)))));

        Feedback360Report report = report(assessment);

        assertThat(report.responses()).containsEntry(ReportGroup.ALL_RATERS, 6).containsEntry(ReportGroup.PEERS, 3)
                .containsEntry(ReportGroup.DIRECT_REPORTS, 3).doesNotContainKey(ReportGroup.OTHERS);
        StatementResult listens = report.statement("listens").orElseThrow();
        assertThat(listens.self()).isEqualTo(5);
        assertThat(listens.figure(ReportGroup.PEERS).orElseThrow().mean()).isEqualTo(2.0);
        assertThat(listens.others().orElseThrow().mean()).isEqualTo(3.0);
        assertThat(listens.others().orElseThrow().spread()).isEqualTo(1.0, within(1e-9));
        assertThat(listens.others().orElseThrow().distribution()).containsExactly(0, 3, 0, 3, 0);
        assertThat(listens.gap().orElseThrow()).isEqualTo(2.0);
        assertThat(report.theme("dialogue").orElseThrow().means()).containsEntry(ReportGroup.ALL_RATERS, 3.0);
        assertThat(report.theme("dialogue").orElseThrow().gap().orElseThrow()).isEqualTo(2.0);
    }

    @Test
    void twoPeers_areMergedIntoOthers_neverShownApart() {
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(false), concat(List.of(
                times(2, RaterGroup.PEERS, all(1)), times(2, RaterGroup.OTHERS, all(5)))));

        Feedback360Report report = report(assessment);

        assertThat(report.shownGroups()).containsExactlyInAnyOrder(ReportGroup.ALL_RATERS, ReportGroup.OTHERS);
        assertThat(report.mergedIntoOthers()).containsExactly(RaterGroup.PEERS);
        assertThat(report.statement("listens").orElseThrow().figure(ReportGroup.OTHERS).orElseThrow().raters())
                .isEqualTo(4);
        assertThat(report.statement("listens").orElseThrow().figure(ReportGroup.PEERS)).isEmpty();
    }

    @Test
    void aGroupStillTooSmallAfterMerging_isLeftOut_answersAndComments() {
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(false), concat(List.of(
                times(3, RaterGroup.DIRECT_REPORTS, new Answers(Map.of("listens", 4), "Selkeä", "")),
                List.of(answer(RaterGroup.PEERS, new Answers(Map.of("listens", 1), "Only peer says this", "")),
                        answer(RaterGroup.OTHERS, new Answers(Map.of("listens", 1), "", "Only other says this"))))));

        Feedback360Report report = report(assessment);

        assertThat(report.shownGroups()).containsExactlyInAnyOrder(ReportGroup.ALL_RATERS, ReportGroup.DIRECT_REPORTS);
        assertThat(report.answersLeftOut()).isEqualTo(2);
        assertThat(report.statement("listens").orElseThrow().others().orElseThrow().raters()).isEqualTo(3);
        assertThat(report.comments().strengths()).containsExactly("Selkeä", "Selkeä", "Selkeä");
        assertThat(report.comments().developmentAreas()).isEmpty();
    }

    @Test
    void theSupervisor_isShownApartOnlyWithConsent() {
        List<Map.Entry<RaterGroup, Answers>> answers = concat(List.of(List.of(answer(RaterGroup.SUPERVISOR, all(1))),
                times(3, RaterGroup.PEERS, all(4))));

        Feedback360Report consented = report(FeedbackFixtures.withAnswers(open(true), answers));
        Feedback360Report notConsented = report(FeedbackFixtures.withAnswers(open(false), answers));

        assertThat(consented.statement("listens").orElseThrow().figure(ReportGroup.SUPERVISOR).orElseThrow().mean())
                .isEqualTo(1.0);
        assertThat(consented.responses()).containsEntry(ReportGroup.ALL_RATERS, 4);
        assertThat(notConsented.shownGroups()).doesNotContain(ReportGroup.SUPERVISOR);
        assertThat(notConsented.answersLeftOut()).isEqualTo(1);
        assertThat(notConsented.statement("listens").orElseThrow().others().orElseThrow().mean()).isEqualTo(4.0);
    }

    @Test
    void theConsentedSupervisor_cannotBeUsedToSingleOutTwoPeers() {
        // supervisor (shown apart) + 2 peers: all-raters minus supervisor would be the two peers.
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(true), concat(List.of(
                List.of(answer(RaterGroup.SUPERVISOR, all(3))), times(2, RaterGroup.PEERS, all(1)))));

        Feedback360Report report = report(assessment);

        assertThat(report.answersLeftOut()).isEqualTo(2);
        assertThat(report.statement("listens").orElseThrow().figures()).containsOnlyKeys(ReportGroup.SUPERVISOR);
        assertThat(report.comments().strengths()).isEmpty();
    }

    @Test
    void aSkippedStatement_withholdsEnoughFiguresThatNoSubtractionIsolatesTheRest() {
        // peers 3, direct reports 3, others 3 overall; on "asks" only two of the others answer.
        Answers skipsAsks = new Answers(Map.of("listens", 2, "promises", 2), "", "");
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(false), concat(List.of(
                times(3, RaterGroup.PEERS, all(4)), times(3, RaterGroup.DIRECT_REPORTS, all(5)),
                times(1, RaterGroup.OTHERS, all(3)), times(2, RaterGroup.OTHERS, skipsAsks))));

        StatementResult asks = report(assessment).statement("asks").orElseThrow();

        assertThat(asks.figure(ReportGroup.OTHERS)).isEmpty();
        int shownApart = asks.figures().entrySet().stream().filter(e -> e.getKey() != ReportGroup.ALL_RATERS)
                .mapToInt(e -> e.getValue().raters()).sum();
        int all = asks.others().map(Figure::raters).orElse(0);
        assertThat(all - shownApart).satisfiesAnyOf(rest -> assertThat(rest).isZero(),
                rest -> assertThat(rest).isGreaterThanOrEqualTo(3));
    }

    @Test
    void largestGaps_andDevelopmentCandidates_comeFromShownFigures() {
        Answers self = new Answers(Map.of("listens", 5, "asks", 3, "promises", 2), "Kuuntelen", "Kysyn liian vähän");
        Answers others = new Answers(Map.of("listens", 2, "asks", 3, "promises", 4), "", "");
        FeedbackAssessment assessment = FeedbackFixtures.withAnswers(open(false).answerAsSelf(SUBJECT, self, START)
                .orElseThrow(), times(3, RaterGroup.PEERS, others));

        Feedback360Report report = report(assessment);

        assertThat(report.largestGaps(2)).extracting(Feedback360Report.Gap::statementId).containsExactly("listens", "promises");
        assertThat(report.largestGaps(1).get(0).difference()).isEqualTo(3.0);
        assertThat(report.developmentCandidates(1)).containsExactly("listens");
        assertThat(report.ownComments().strengths()).containsExactly("Kuuntelen");
        assertThat(report.comments().strengths()).isEmpty();
    }
}
