package fi.kasvu.survey;

import static fi.kasvu.survey.SurveyFixtures.CLOSED;
import static fi.kasvu.survey.SurveyFixtures.CREATED;
import static fi.kasvu.survey.SurveyFixtures.OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SurveyTest {

    @ParameterizedTest
    @EnumSource(CultureElement.class)
    void the_self_assessment_has_at_least_three_statements_per_element_in_every_language(CultureElement element) {
        List<Question.Likert> statements = SurveyFixtures.selfAssessment().questions().stream()
                .filter(q -> q instanceof Question.Likert likert && likert.element() == element)
                .map(Question.Likert.class::cast).toList();

        assertThat(statements).hasSizeGreaterThanOrEqualTo(3);
        for (Question.Likert statement : statements) {
            for (Language language : Language.values()) {
                assertThat(statement.text().has(language)).as(statement.id() + " in " + language).isTrue();
            }
        }
        assertThat(element.title().has(Language.FI) && element.title().has(Language.SV)).isTrue();
    }

    @Test
    void standard_statements_are_distinct_texts_in_each_language() {
        for (Language language : Language.values()) {
            List<String> texts = CultureStatements.all().stream().map(q -> q.text().in(language)).toList();
            assertThat(texts).doesNotHaveDuplicates();
        }
    }

    @Test
    void agency_statements_are_added_after_the_standard_ones_and_marked() {
        Question.Likert own = new Question.Likert("agency-1", LocalizedText.only(Language.FI,
                "Poliisilaitoksemme uusi toimintamalli näkyy arjessani."), CultureElement.COMMUNITY_DIRECTED, false);

        Survey survey = Survey.cultureSelfAssessment("c", "poliisi", LocalizedText.of("T", "A", "W"), List.of(own), CREATED);

        Question last = survey.questions().get(survey.questions().size() - 1);
        assertThat(last).isEqualTo(new Question.Likert("agency-1", own.text(), CultureElement.COMMUNITY_DIRECTED, true));
        assertThat(survey.questions()).hasSize(CultureStatements.all().size() + 1);
    }

    @Test
    void an_agency_statement_reusing_a_standard_id_is_rejected_naming_it() {
        Question.Likert clash = new Question.Likert("cd1", LocalizedText.only(Language.FI, "x"), null, false);

        assertThatThrownBy(() -> Survey.cultureSelfAssessment("c", "o", LocalizedText.of("T", "A", "W"), List.of(clash), CREATED))
                .hasMessage("questions must have distinct ids: cd1 repeats");
    }

    @Test
    void a_self_assessment_with_an_element_short_of_statements_is_rejected_naming_it() {
        List<Question> short_ = CultureStatements.all().stream().filter(q -> !q.id().equals("di3")).toList();

        assertThatThrownBy(() -> new Survey("c", "o", Survey.Kind.CULTURE_SELF_ASSESSMENT,
                LocalizedText.of("T", "A", "W"), short_, List.of(), CREATED))
                .hasMessage("statements for DIALOGUE must be at least 3: 2");
    }

    @Test
    void rounds_open_one_at_a_time_and_close_in_order() {
        Survey survey = SurveyFixtures.openPulse();

        assertThat(survey.openRound(CLOSED).problems()).containsExactly(SurveyProblem.roundAlreadyOpen(1));
        assertThat(survey.closeRound(OPENED.minusDays(1)).problems())
                .containsExactly(SurveyProblem.dateBefore("closed", OPENED, OPENED.minusDays(1)));
        Survey closed = survey.closeRound(CLOSED).orElseThrow();
        assertThat(closed.closeRound(CLOSED).problems()).containsExactly(SurveyProblem.noOpenRound());
        assertThat(closed.openRound(CLOSED.minusDays(1)).problems()).extracting(SurveyProblem::code)
                .containsExactly("survey.date.tooEarly");
        assertThat(closed.openRound(CLOSED.plusMonths(6)).orElseThrow().openRound()).hasValueSatisfying(
                round -> assertThat(round.number()).isEqualTo(2));
    }

    @Test
    void a_response_is_checked_against_questions_and_round() {
        Survey survey = SurveyFixtures.openPulse();
        SurveyResponse response = new SurveyResponse("r1", "pulse-1", 1, SurveyFixtures.team("u1", "a"), OPENED, List.of(
                new Answer.Chosen("q1", "office"),
                new Answer.Chosen("q2", "tram"),
                new Answer.Text("q9", "?"),
                new Answer.Text("q3", "a"),
                new Answer.Text("q3", "b")));

        assertThat(survey.check(response)).extracting(SurveyProblem::code, SurveyProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("survey.answer.wrongType", "answers[0]"),
                org.assertj.core.groups.Tuple.tuple("survey.answer.unknownOption", "answers[1].optionId"),
                org.assertj.core.groups.Tuple.tuple("survey.answer.unknownQuestion", "answers[2]"),
                org.assertj.core.groups.Tuple.tuple("survey.answer.twice", "answers[4]"));
    }

    @Test
    void a_response_to_a_closed_round_is_refused() {
        SurveyResponse late = SurveyFixtures.responses("late", SurveyFixtures.team("u1", "a"), 1, 3).get(0);

        assertThat(SurveyFixtures.closedPulse().check(late)).containsExactly(SurveyProblem.roundState(1, false));
        assertThat(SurveyFixtures.openPulse().check(late)).isEmpty();
    }

    @Test
    void a_response_dated_before_the_round_opened_is_refused() {
        SurveyResponse early = new SurveyResponse("r", "pulse-1", 1, SurveyFixtures.team("u1", "a"), OPENED.minusDays(1),
                List.of());

        assertThat(SurveyFixtures.openPulse().check(early))
                .containsExactly(SurveyProblem.dateBefore("submitted", OPENED, OPENED.minusDays(1)));
    }

    @Test
    void rounds_overlapping_in_time_are_rejected_naming_the_dates() {
        List<SurveyRound> rounds = List.of(new SurveyRound(1, OPENED, CLOSED), new SurveyRound(2, CLOSED.minusDays(1), null));

        assertThatThrownBy(() -> new Survey("s", "o", Survey.Kind.PULSE, LocalizedText.of("T", "A", "W"),
                SurveyFixtures.pulse().questions(), rounds, CREATED))
                .hasMessage("rounds[1].opened must not be before the previous round closed (2026-01-26): 2026-01-25");
    }

    @Test
    void likert_values_outside_one_to_five_are_rejected_naming_the_value() {
        assertThatThrownBy(() -> new Answer.Scale("q1", 6)).hasMessage("value must be 1..5: 6");
        assertThatThrownBy(() -> new Answer.Scale("q1", 0)).hasMessage("value must be 1..5: 0");
    }

    @Test
    void element_scores_average_the_shown_statements() {
        Survey survey = SurveyFixtures.selfAssessment().openRound(OPENED).orElseThrow().closeRound(CLOSED).orElseThrow();
        List<Answer> answers = CultureStatements.elements().stream()
                .map(s -> (Answer) new Answer.Scale(s.id(), s.element() == CultureElement.DIALOGUE ? 5 : 2)).toList();
        List<SurveyResponse> responses = SurveyFixtures.responses("culture-1", 1, "r", SurveyFixtures.team("u1", "a"), 3, answers);

        RoundResults results = SurveyResults.of(survey, 1, responses, AnonymityThreshold.standard()).orElseThrow();

        Map<CultureElement, Double> scores = results.elementScores(survey, GroupRef.team("om", "u1", "a"));
        assertThat(scores).containsEntry(CultureElement.DIALOGUE, 5.0).containsEntry(CultureElement.LEARNING_VALUED, 2.0)
                .hasSize(6);
        assertThat(results.elementScores(survey, GroupRef.team("om", "u1", "zz"))).isEmpty();
        assertThat(scores.keySet().stream().map(Enum::name).collect(Collectors.toSet())).hasSize(6);
    }
}
