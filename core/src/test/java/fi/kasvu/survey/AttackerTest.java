package fi.kasvu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attacker used by the anonymity tests does find a leak when one is there. */
class AttackerTest {

    @Test
    void naive_results_showing_unit_and_two_of_three_teams_are_caught() {
        GroupResult.Shown unit = new GroupResult.Shown(GroupRef.unit("om", "u1"), 8, List.of());
        GroupResult.Shown a = new GroupResult.Shown(GroupRef.team("om", "u1", "a"), 3, List.of());
        GroupResult.Shown b = new GroupResult.Shown(GroupRef.team("om", "u1", "b"), 3, List.of());
        RoundResults naive = new RoundResults("s", 1, LocalDate.of(2026, 1, 1), AnonymityThreshold.standard(),
                List.of(unit, a, b));

        assertThat(Attacker.smallGroupsRevealed(naive, Attacker.respondents()))
                .containsExactly("om/u1 minus the groups shown below it leaves 2");
    }

    @Test
    void a_shown_figure_under_the_threshold_is_caught() {
        RoundResults naive = new RoundResults("s", 1, LocalDate.of(2026, 1, 1), AnonymityThreshold.standard(),
                List.of(new GroupResult.Shown(GroupRef.team("om", null, "a"), 2, List.of())));

        assertThat(Attacker.smallGroupsRevealed(naive, Attacker.respondents())).contains("om//a shows 2");
    }
}
