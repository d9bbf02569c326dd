package fi.kasvu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DisclosureProperties {

    record Cell(RespondentGroup group, int count, int skippedQ1) {
    }

    @Provide
    Arbitrary<List<Cell>> hierarchies() {
        Arbitrary<RespondentGroup> groups = Combinators.combine(
                Arbitraries.of("om", "tuomioistuinvirasto"),
                Arbitraries.of("u1", "u2", "u3").injectNull(0.2),
                Arbitraries.of("t1", "t2", "t3", "t4").injectNull(0.2))
                .as(RespondentGroup::new);
        Arbitrary<Cell> cells = Combinators.combine(groups, Arbitraries.integers().between(1, 7),
                Arbitraries.integers().between(0, 2)).as(Cell::new);
        return cells.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 300)
    void no_shown_figure_nor_any_difference_of_shown_figures_isolates_fewer_than_the_threshold(
            @ForAll("hierarchies") List<Cell> cells, @ForAll @IntRange(min = 3, max = 5) int minimum) {
        List<SurveyResponse> responses = new ArrayList<>();
        int n = 0;
        for (Cell cell : cells) {
            responses.addAll(SurveyFixtures.responses("c" + n++, cell.group(), cell.count(), 3));
            responses.addAll(SurveyFixtures.responses("pulse-1", 1, "s" + n++, cell.group(), cell.skippedQ1(),
                    List.of(new Answer.Chosen("q2", "office"))));
        }

        RoundResults results = SurveyResults.of(SurveyFixtures.closedPulse(), 1, responses,
                AnonymityThreshold.of(minimum)).orElseThrow();

        assertThat(Attacker.smallGroupsRevealed(results, Attacker.respondents())).isEmpty();
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.answered("q1"))).isEmpty();
        assertThat(Attacker.smallGroupsRevealed(results, Attacker.answered("q2"))).isEmpty();
    }

    @Property(tries = 200)
    void a_hierarchy_where_every_team_is_large_enough_shows_every_team(
            @ForAll @IntRange(min = 1, max = 6) int teams, @ForAll @IntRange(min = 3, max = 9) int size) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            responses.addAll(SurveyFixtures.responses("t" + t, SurveyFixtures.team("u1", "t" + t), size, 4));
        }

        RoundResults results = SurveyResults.of(SurveyFixtures.closedPulse(), 1, responses,
                AnonymityThreshold.standard()).orElseThrow();

        assertThat(results.shown()).hasSize(teams + 3);
    }
}
