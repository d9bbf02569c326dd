package fi.kasvu.library;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.Result;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentAction;
import fi.kasvu.experiment.ExperimentFixtures;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentStage;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentSharingTest {

    private static final ExperimentSharing.Publication PUBLICATION = new ExperimentSharing.Publication("lib-7", "um",
            Language.FI, Visibility.EVERYONE, false, Set.of("hybridityö", "dialogi"));

    @Test
    void a_decided_experiment_becomes_an_experiment_entry_and_the_experiment_is_shared() {
        Result<ExperimentSharing.Shared, ExperimentProblem> result = ExperimentSharing.publish(
                ExperimentFixtures.decided(), ExperimentFixtures.FACILITATOR, PUBLICATION, ExperimentFixtures.AT);

        assertThat(result.isAccepted()).isTrue();
        ExperimentSharing.Shared shared = result.orElseThrow();
        LibraryEntry entry = shared.entry();
        assertThat(entry.kind()).isEqualTo(LibraryEntry.Kind.EXPERIMENT);
        assertThat(entry.sourceExperimentId()).isEqualTo("exp-1");
        assertThat(entry.team()).isEqualTo("team-north");
        assertThat(entry.summary()).startsWith("Jos open every meeting");
        assertThat(entry.body()).contains("Tulokset", "7 of 8 meetings", "toteutui osittain", "Mitä opimme",
                "Speaking order matters", "Otamme käyttöön: It worked");
        assertThat(shared.experiment().stage()).isInstanceOfSatisfying(ExperimentStage.Shared.class,
                s -> assertThat(s.libraryEntryId()).isEqualTo("lib-7"));
    }

    @Test
    void the_entry_never_carries_the_members_own_words_from_the_picture_or_the_observations() {
        ExperimentSharing.Shared shared = ExperimentSharing.publish(ExperimentFixtures.decided(),
                ExperimentFixtures.FACILITATOR, PUBLICATION, ExperimentFixtures.AT).orElseThrow();

        assertThat(shared.entry().body() + shared.entry().summary())
                .doesNotContain("Morning check-ins", "Remote participants rarely", "Everyone spoke today");
        assertThat(shared.entry().viewFor(LibraryFixtures.otherOrganisation()).author()).isEmpty();
    }

    @Test
    void sharing_before_the_decision_is_refused_with_the_experiments_problem() {
        Experiment evaluated = ExperimentFixtures.evaluated();

        Result<ExperimentSharing.Shared, ExperimentProblem> shared = ExperimentSharing.publish(evaluated,
                ExperimentFixtures.FACILITATOR, PUBLICATION, ExperimentFixtures.AT);

        assertThat(shared.isAccepted()).isFalse();
        assertThat(shared.problems()).containsExactly(
                new ExperimentProblem.WrongStep("share", ExperimentStage.Step.EVALUATION));
    }

    @Test
    void a_member_cannot_share() {
        Result<ExperimentSharing.Shared, ExperimentProblem> shared = ExperimentSharing.publish(
                ExperimentFixtures.decided(), ExperimentFixtures.AINO,
                PUBLICATION, ExperimentFixtures.AT);

        assertThat(shared.problems()).containsExactly(
                new ExperimentProblem.NotAllowed(ExperimentFixtures.AINO, ExperimentAction.SHARE));
    }

    @Test
    void an_observation_a_member_let_out_is_quoted_by_day_and_text_and_one_kept_for_the_team_never() {
        Experiment decided = ExperimentFixtures.running()
                .observe(ExperimentFixtures.AINO, ExperimentFixtures.START.plusDays(1), "TEAM-ONLY: Bo was upset",
                        true, ExperimentFixtures.AT).orElseThrow()
                .observe(ExperimentFixtures.AINO, ExperimentFixtures.START.plusDays(2), "Everyone spoke in 3 of 3",
                        false, ExperimentFixtures.AT).orElseThrow()
                .observe(ExperimentFixtures.AINO, ExperimentFixtures.START.plusDays(3), "DEFAULT: kept in the team",
                        ExperimentFixtures.AT).orElseThrow()
                .evaluate(ExperimentFixtures.FACILITATOR, ExperimentFixtures.evaluation(), ExperimentFixtures.AT)
                .orElseThrow()
                .decide(ExperimentFixtures.FACILITATOR, ExperimentFixtures.adopt(), ExperimentFixtures.AT).orElseThrow();

        LibraryEntry entry = ExperimentSharing.publish(decided, ExperimentFixtures.FACILITATOR, PUBLICATION,
                ExperimentFixtures.AT).orElseThrow().entry();

        assertThat(entry.body()).contains("Havaintoja kokeilun ajalta",
                "- " + ExperimentFixtures.START.plusDays(2) + ": Everyone spoke in 3 of 3")
                .doesNotContain("TEAM-ONLY", "DEFAULT", ExperimentFixtures.AINO.value());
    }
}
