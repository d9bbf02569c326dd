package fi.kasvu.grow;

import static fi.kasvu.grow.GrowFixtures.COACH;
import static fi.kasvu.grow.GrowFixtures.COACHEE;
import static fi.kasvu.grow.GrowFixtures.OBSERVER;
import static fi.kasvu.grow.GrowFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class GrowRulesTest {

    @Test
    void newConversation_hasProblemsInEveryPhase() {
        GrowConversation started = GrowFixtures.started();

        List<GrowProblem> problems = GrowRules.check(started);

        assertThat(problems).extracting(GrowProblem::code).containsExactly(
                "grow.goal.empty", "grow.goal.noMeasures",
                "grow.reality.notDescribed", "grow.reality.noEssentialInsight",
                "grow.options.tooFew", "grow.options.noneChosen",
                "grow.will.noActions", "grow.will.noCommitment", "grow.will.noFollowUp");
        assertThat(problems).extracting(GrowProblem::phase).containsExactly(
                Phase.GOAL, Phase.GOAL, Phase.REALITY, Phase.REALITY, Phase.OPTIONS, Phase.OPTIONS,
                Phase.WILL, Phase.WILL, Phase.WILL);
    }

    @Test
    void readyConversation_hasNoProblems() {
        assertThat(GrowRules.check(GrowFixtures.readyToComplete())).isEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                breaks("empty goal", c -> c.withSessionGoal("   "), new GrowProblem.EmptyGoal()),
                breaks("no measures", c -> c.withMeasures(""), new GrowProblem.NoMeasures()),
                breaks("target date in the past", c -> c.withTargetDate(TODAY.minusDays(1)),
                        new GrowProblem.TargetDateBeforeStart(TODAY.minusDays(1), TODAY)),
                breaks("peer mode without coach", c -> c.withSetting(Mode.PEER, Participants.alone(COACHEE)),
                        new GrowProblem.CoachMissing(Mode.PEER)),
                breaks("supervisor mode without coach", c -> c.withSetting(Mode.SUPERVISOR, Participants.alone(COACHEE)),
                        new GrowProblem.CoachMissing(Mode.SUPERVISOR)),
                breaks("observer outside a triad", c -> c.withSetting(Mode.SUPERVISOR, Participants.triad(COACH, COACHEE, OBSERVER)),
                        new GrowProblem.ObserversOutsidePeerMode(Mode.SUPERVISOR, 1)),
                breaks("nothing about reality", c -> c.answer(Phase.REALITY, "grow.reality.1", "").withTried(""),
                        new GrowProblem.RealityNotDescribed()),
                breaks("no essential insight", c -> c.withEssentialInsight(""), new GrowProblem.NoEssentialInsight()),
                breaks("too few options", c -> c.removeOption("option-3"), new GrowProblem.TooFewOptions(3, 2)),
                breaks("minimum raised", c -> c.withMinimumOptions(5), new GrowProblem.TooFewOptions(5, 3)),
                breaks("nothing chosen", c -> c.unchooseOption("option-1"), new GrowProblem.NoOptionChosen()),
                breaks("action without a date", c -> c.addAction("Puhun tiimille", "minä", null),
                        new GrowProblem.ActionWithoutDate(1, "action-2")),
                breaks("every action dropped", c -> c.dropAction("action-1", TODAY, "Ei enää ajankohtainen"),
                        new GrowProblem.NoActions()),
                breaks("no commitment", c -> c.withCommitment(null), new GrowProblem.NoCommitment()));
    }

    private static Arguments breaks(String name, UnaryOperator<GrowConversation> change, GrowProblem expected) {
        return Arguments.of(name, change, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void oneMistake_givesExactlyItsProblem(String name, UnaryOperator<GrowConversation> change, GrowProblem expected) {
        GrowConversation ready = GrowFixtures.readyToComplete();

        GrowConversation broken = change.apply(ready);

        assertThat(GrowRules.check(broken)).containsExactly(expected);
        assertThat(GrowRules.meets(broken, expected.phase())).isFalse();
        assertThat(broken.completeAt(GrowFixtures.START).problems()).containsExactly(expected);
    }

    @Test
    void doneActionWithoutDate_isFine() {
        GrowConversation c = GrowFixtures.readyToComplete().addAction("Luen kirjan", "", null)
                .markActionDone("action-2", TODAY, "");

        assertThat(GrowRules.check(c)).isEmpty();
    }

    @Test
    void problems_nameTheirFieldAndArguments() {
        GrowProblem tooFew = new GrowProblem.TooFewOptions(3, 1);
        GrowProblem noDate = new GrowProblem.ActionWithoutDate(2, "action-3");

        assertThat(tooFew.field()).isEqualTo("options");
        assertThat(tooFew.arguments()).containsEntry("minimum", 3).containsEntry("actual", 1);
        assertThat(noDate.field()).isEqualTo("will.actions[2].dueDate");
        assertThat(noDate.arguments()).containsEntry("action", 3).containsEntry("actionId", "action-3");
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void checkOfOnePhase_returnsOnlyThatPhasesProblems(Phase phase) {
        List<GrowProblem> problems = GrowRules.check(GrowFixtures.started(), phase);

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.phase()).isEqualTo(phase));
    }
}
