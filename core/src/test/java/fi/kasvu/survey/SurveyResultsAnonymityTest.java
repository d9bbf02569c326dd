package fi.kasvu.survey;

import static fi.kasvu.survey.SurveyFixtures.all;
import static fi.kasvu.survey.SurveyFixtures.responses;
import static fi.kasvu.survey.SurveyFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyResultsAnonymityTest {

    private static final AnonymityThreshold THREE = AnonymityThreshold.standard();

    private static RoundResults results(List<SurveyResponse> responses, AnonymityThreshold threshold) {
        return SurveyResults.of(SurveyFixtures.closedPulse(), 1, responses, threshold).orElseThrow();
    }

    @Test
    void a_team_of_two_shows_nothing_and_a_team_of_three_shows_its_figures() {
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 3, 4),
                responses("b", team("u1", "b"), 2, 1),
                responses("c", team("u1", "c"), 4, 2),
                responses("x", RespondentGroup.of("om", "u1", null), 1, 3)), THREE);

        // (the unit-level respondent makes the unit's remainder 3, so no team must be withheld for b's sake)
        assertThat(results.group(GroupRef.team("om", "u1", "b"))).isInstanceOf(GroupResult.Hidden.class);
        assertThat(results.group(GroupRef.team("om", "u1", "a"))).isInstanceOfSatisfying(GroupResult.Shown.class,
                shown -> assertThat(shown.respondents()).isEqualTo(3));
    }

    @Test
    void a_hidden_group_does_not_even_say_whether_anyone_answered() {
        RoundResults results = results(responses("a", team("u1", "a"), 3, 4), THREE);

        assertThat(results.group(GroupRef.team("om", "u1", "nobody"))).isEqualTo(
                new GroupResult.Hidden(GroupRef.team("om", "u1", "nobody")));
        assertThat(results.shown()).extracting(GroupResult::group).doesNotContain(GroupRef.team("om", "u1", "nobody"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 7})
    void the_threshold_can_be_raised(int minimum) {
        RoundResults results = results(all(
                responses("a", team("u1", "a"), minimum - 1, 4),
                responses("b", team("u1", "b"), minimum, 4),
                responses("x", RespondentGroup.of("om", "u1", null), 1, 4)), AnonymityThreshold.of(minimum));

        assertThat(results.group(GroupRef.team("om", "u1", "a"))).isInstanceOf(GroupResult.Hidden.class);
        assertThat(results.group(GroupRef.team("om", "u1", "b"))).isInstanceOf(GroupResult.Shown.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 1, 0, -3})
    void the_threshold_never_goes_below_three(int minimum) {
        assertThatThrownBy(() -> AnonymityThreshold.of(minimum))
                .hasMessage("anonymity minimum must be at least 3: " + minimum);
    }

    @Test
    void difference_attack_organisation_minus_shown_teams_does_not_reveal_a_team_of_two() {
        // Given teams of 3, 3 and 2 in one unit: showing the unit and both teams of three would let
        // anyone compute the team of two as unit − a − b.
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 3, 5),
                responses("b", team("u1", "b"), 3, 5),
                responses("c", team("u1", "c"), 2, 1)), THREE);

        boolean unitShown = results.group(GroupRef.unit("om", "u1")) instanceof GroupResult.Shown;
        boolean aShown = results.group(GroupRef.team("om", "u1", "a")) instanceof GroupResult.Shown;
        boolean bShown = results.group(GroupRef.team("om", "u1", "b")) instanceof GroupResult.Shown;
        assertThat(unitShown && aShown && bShown).as("unit, a and b all shown").isFalse();
        assertThat(unitShown).as("the unit keeps its figure; a team of three is withheld instead").isTrue();
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.respondents())).isEmpty();
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.answered("q1"))).isEmpty();
    }

    @Test
    void difference_attack_the_mean_of_the_small_team_cannot_be_worked_out() {
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 4, 5),
                responses("b", team("u1", "b"), 5, 4),
                responses("c", team("u1", "c"), 1, 1)), THREE);

        // The attacker's sum: unit sum minus every shown team's sum, over the remaining answers.
        QuestionResult.Scale unit = scale(results, GroupRef.unit("om", "u1"));
        double sum = unit.mean() * unit.answered();
        int answered = unit.answered();
        for (GroupResult.Shown shown : results.shown()) {
            if (shown.group().level() == GroupRef.Level.TEAM) {
                QuestionResult.Scale team = scale(results, shown.group());
                sum -= team.mean() * team.answered();
                answered -= team.answered();
            }
        }
        assertThat(answered == 0 || answered >= 3).as("answers left after subtracting the shown teams: " + answered).isTrue();
    }

    @Test
    void difference_attack_through_respondents_who_named_no_team() {
        // One respondent gave only the unit: unit − a − b would be that one person.
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 3, 5),
                responses("b", team("u1", "b"), 3, 5),
                responses("x", RespondentGroup.of("om", "u1", null), 1, 1)), THREE);

        assertThat(Attacker.smallGroupsRevealed(results, Attacker.respondents())).isEmpty();
        assertThat(results.group(GroupRef.unit("om", "u1"))).isInstanceOf(GroupResult.Shown.class);
    }

    @Test
    void difference_attack_across_two_levels_when_a_unit_is_hidden() {
        // Unit u2 has 2 people, hidden; organisation − u1 would reveal them unless something more is withheld.
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 3, 5),
                responses("b", team("u1", "b"), 4, 5),
                responses("c", team("u2", "c"), 2, 1)), THREE);

        assertThat(results.group(GroupRef.team("om", "u2", "c"))).isInstanceOf(GroupResult.Hidden.class);
        assertThat(results.group(GroupRef.unit("om", "u2"))).isInstanceOf(GroupResult.Hidden.class);
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.respondents())).isEmpty();
    }

    @Test
    void difference_attack_per_question_when_people_skip_a_question() {
        // Every team has enough respondents, but in team c only two answered q1: the unit's q1
        // figure minus a's and b's would reveal those two.
        List<SurveyResponse> skipped = responses("pulse-1", 1, "c", team("u1", "c"), 2,
                List.of(new Answer.Chosen("q2", "office")));
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 3, 5),
                responses("b", team("u1", "b"), 3, 5),
                responses("c", team("u1", "c"), 2, 1), skipped), THREE);

        assertThat(results.group(GroupRef.team("om", "u1", "c"))).isInstanceOfSatisfying(GroupResult.Shown.class,
                shown -> assertThat(shown.question("q1")).containsInstanceOf(QuestionResult.Withheld.class));
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.respondents())).isEmpty();
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.answered("q1"))).isEmpty();
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.answered("q2"))).isEmpty();
    }

    @Test
    void free_text_appears_only_at_the_top_sorted_and_unattributed() {
        RoundResults results = results(all(
                responses("zeta", team("u1", "a"), 3, 5),
                responses("alpha", team("u1", "b"), 3, 5)), THREE);

        assertThat(results.group(GroupRef.all())).isInstanceOfSatisfying(GroupResult.Shown.class, shown ->
                assertThat(shown.question("q3").orElseThrow()).isEqualTo(new QuestionResult.Texts("q3", List.of(
                        "alpha wish", "alpha wish", "alpha wish", "zeta wish", "zeta wish", "zeta wish"))));
        for (GroupResult.Shown shown : results.shown()) {
            if (shown.group().level() != GroupRef.Level.ALL) {
                assertThat(shown.question("q3")).as(shown.group().toString())
                        .contains(new QuestionResult.Withheld("q3"));
            }
        }
    }

    @Test
    void results_of_an_open_round_are_refused_so_no_two_looks_can_be_compared() {
        Result<RoundResults, SurveyProblem> outcome = SurveyResults.of(SurveyFixtures.openPulse(), 1,
                responses("a", team("u1", "a"), 5, 4), THREE);

        assertThat(outcome.problems()).containsExactly(SurveyProblem.roundState(1, true));
        assertThat(outcome.problems().get(0).code()).isEqualTo("survey.round.stillOpen");
    }

    @Test
    void results_of_an_unknown_round_are_refused() {
        assertThat(SurveyResults.of(SurveyFixtures.closedPulse(), 2, List.of(), THREE).problems())
                .containsExactly(SurveyProblem.unknownRound(2));
    }

    @Test
    void figures_are_what_the_answers_say() {
        RoundResults results = results(all(
                responses("a", team("u1", "a"), 3, 5),
                responses("b", team("u1", "a"), 1, 2)), THREE);

        QuestionResult.Scale scale = scale(results, GroupRef.team("om", "u1", "a"));
        assertThat(scale.answered()).isEqualTo(4);
        assertThat(scale.mean()).isEqualTo(4.25);
        assertThat(scale.agreeingShare()).isEqualTo(0.75);
        assertThat(scale.distribution()).containsExactly(0, 1, 0, 0, 3);
        assertThat(((GroupResult.Shown) results.group(GroupRef.organisation("om"))).question("q2").orElseThrow())
                .isEqualTo(new QuestionResult.Choices("q2", 4, java.util.Map.of("office", 0, "remote", 4)));
    }

    @Test
    void stored_answers_that_do_not_fit_their_question_are_counted_nowhere() {
        List<SurveyResponse> misfits = responses("pulse-1", 1, "m", team("u1", "a"), 3,
                List.of(new Answer.Text("q1", "five"), new Answer.Chosen("q2", "tram"), new Answer.Scale("q3", 4)));
        RoundResults results = results(all(responses("a", team("u1", "a"), 3, 5), misfits), THREE);

        GroupResult.Shown team = (GroupResult.Shown) results.group(GroupRef.team("om", "u1", "a"));
        assertThat(team.respondents()).isEqualTo(6);
        assertThat(scale(results, GroupRef.team("om", "u1", "a")).answered()).isEqualTo(3);
        assertThat(team.question("q2").orElseThrow()).isEqualTo(
                new QuestionResult.Choices("q2", 3, java.util.Map.of("office", 0, "remote", 3)));
    }

    private static QuestionResult.Scale scale(RoundResults results, GroupRef group) {
        return (QuestionResult.Scale) ((GroupResult.Shown) results.group(group)).question("q1").orElseThrow();
    }
}
