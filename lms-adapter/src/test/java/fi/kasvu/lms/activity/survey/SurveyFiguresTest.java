package fi.kasvu.lms.activity.survey;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.survey.Answer;
import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures every survey page and export reads: only what core's disclosure control lets through. */
class SurveyFiguresTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    static Survey closedCulture() {
        List<Question> questions = new ArrayList<>(CultureStatements.all());
        for (CultureElement element : CultureElement.values()) {
            questions.add(new Question.FreeText(SurveyActivity.commentId(element), element.title()));
        }
        return new Survey("s1", SurveyActivity.ORGANISATION, Survey.Kind.CULTURE_SELF_ASSESSMENT,
                LocalizedText.of("a", "b", "c"), questions, List.of(), Instant.parse("2026-03-01T00:00:00Z"))
                .openRound(DAY).orElseThrow().closeRound(DAY.plusDays(7)).orElseThrow();
    }

    static SurveyResponse response(int n, String unit, int value, String comment) {
        List<Answer> answers = new ArrayList<>(List.of(new Answer.Scale("ca1", value), new Answer.Scale("di1", value)));
        if (comment != null) {
            answers.add(new Answer.Text("comment-dialogue", comment));
        }
        return new SurveyResponse("r" + n, "s1", 1, unit == null ? RespondentGroup.of(SurveyActivity.ORGANISATION)
                : RespondentGroup.of(SurveyActivity.ORGANISATION, unit, null), DAY.plusDays(1), answers);
    }

    @Test
    void threeInOneUnitAndOneInAnother_showOnlyEveryone() {
        List<SurveyResponse> responses = List.of(response(1, "u1", 4, "a"), response(2, "u1", 4, "b"),
                response(3, "u1", 5, "c"), response(4, "u2", 1, null));
        SurveyFigures figures = SurveyFigures.of(closedCulture(), 1, responses, List.of("A", "B"), Language.FI, "Kaikki")
                .orElseThrow();
        assertThat(figures.groups()).extracting(SurveyFigures.GroupFigures::label).containsExactly("Kaikki");
        assertThat(figures.groups().get(0).respondents()).isEqualTo(4);
        assertThat(figures.hidden()).containsExactly("A", "B");
        assertThat(figures.trend()).singleElement().satisfies(p -> assertThat(p.share().getAsDouble()).isEqualTo(0.75));
        assertThat(figures.comments()).singleElement().satisfies(c -> assertThat(c.texts()).containsExactly("a", "b", "c"));
        SurveyFigures.Figure dialogue = figures.groups().get(0).figure(CultureElement.DIALOGUE.title().in(Language.FI))
                .orElseThrow();
        assertThat(dialogue.distribution()).containsExactly(1, 0, 0, 2, 1);
        assertThat(dialogue.answers()).isEqualTo(4);
    }

    @Test
    void twoUnitsOfThree_bothShow() {
        List<SurveyResponse> responses = List.of(response(1, "u1", 4, null), response(2, "u1", 4, null),
                response(3, "u1", 5, null), response(4, "u2", 1, null), response(5, "u2", 2, null),
                response(6, "u2", 2, null));
        SurveyFigures figures = SurveyFigures.of(closedCulture(), 1, responses, List.of("A", "B"), Language.FI, "Kaikki")
                .orElseThrow();
        assertThat(figures.groups()).extracting(SurveyFigures.GroupFigures::label).containsExactly("Kaikki", "A", "B");
        assertThat(figures.comments()).isEmpty();
    }

    @Test
    void twoRespondents_showNothing() {
        SurveyFigures figures = SurveyFigures.of(closedCulture(), 1, List.of(response(1, "u1", 4, "x"),
                response(2, "u1", 4, "y")), List.of("A"), Language.FI, "Kaikki").orElseThrow();
        assertThat(figures.groups()).isEmpty();
        assertThat(figures.everyone()).isFalse();
        assertThat(figures.comments()).isEmpty();
    }
}
