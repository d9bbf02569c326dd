package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.grow.GrowFixtures;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.grow.GrowRules;
import fi.kasvu.grow.Mode;
import fi.kasvu.grow.Phase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrowMessagesTest {

    /** One of every kind of GROW problem (the sealed interface's records). */
    static final List<GrowProblem> EVERY_PROBLEM = List.of(
            new GrowProblem.CoachMissing(Mode.PEER), new GrowProblem.ObserversOutsidePeerMode(Mode.SELF, 2),
            new GrowProblem.EmptyGoal(), new GrowProblem.NoMeasures(),
            new GrowProblem.TargetDateBeforeStart(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)),
            new GrowProblem.RealityNotDescribed(), new GrowProblem.NoEssentialInsight(),
            new GrowProblem.TooFewOptions(3, 1), new GrowProblem.NoOptionChosen(), new GrowProblem.NoActions(),
            new GrowProblem.ActionWithoutDate(0, "action-1"), new GrowProblem.NoCommitment(), new GrowProblem.NoFollowUp(),
            new GrowProblem.PhaseNotReached(Phase.WILL, Phase.OPTIONS));

    @Test
    void everyProblemKind_isListedHere() {
        assertThat(EVERY_PROBLEM).<Object>extracting(p -> p.getClass())
                .containsExactlyInAnyOrder((Object[]) GrowProblem.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyProblem_hasAMessageWithItsArgumentsFilledIn(Language language) {
        for (GrowProblem problem : EVERY_PROBLEM) {
            String message = GrowMessages.message(problem, language);

            assertThat(GrowMessages.knows(problem.code())).as(problem.code()).isTrue();
            assertThat(message).as(problem.code()).doesNotContain("{").isNotEqualTo(problem.code());
        }
    }

    @Test
    void tooFewOptions_readsNaturally() {
        GrowProblem problem = new GrowProblem.TooFewOptions(3, 1);

        assertThat(GrowMessages.message(problem, Language.FI)).startsWith("Keksi vielä vaihtoehtoja: nyt niitä on 1, tavoitteena vähintään 3.");
        assertThat(GrowMessages.message(problem, Language.SV)).startsWith("Kom på fler alternativ: nu har du 1, målet är minst 3.");
        assertThat(GrowMessages.message(problem, Language.EN)).startsWith("Come up with more options: you have 1, and the aim is at least 3.");
    }

    @Test
    void phaseArguments_areShownAsPhaseTitles() {
        String message = GrowMessages.message(new GrowProblem.PhaseNotReached(Phase.WILL, Phase.OPTIONS), Language.SV);

        assertThat(message).isEqualTo("Du kommer till fasen Vilja och vägen framåt när fasen Alternativ är klar.");
    }

    @Test
    void messagesForAStartedConversation_areAllKnown() {
        assertThat(GrowRules.check(GrowFixtures.started())).allSatisfy(p -> assertThat(GrowMessages.knows(p.code())).isTrue());
    }
}
