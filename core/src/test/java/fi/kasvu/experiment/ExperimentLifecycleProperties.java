package fi.kasvu.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.experiment.ExperimentStage.Step;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Whatever anyone tries in whatever order, the lifecycle only moves as the VALOA way allows. */
class ExperimentLifecycleProperties {

    private static final List<PersonId> PEOPLE = List.of(ExperimentFixtures.FACILITATOR, ExperimentFixtures.AINO,
            ExperimentFixtures.BO, ExperimentFixtures.OUTSIDER);

    private static final List<BiFunction<Experiment, PersonId, Result<Experiment, ExperimentProblem>>> COMMANDS = List.of(
            (e, p) -> e.addToPicture(p, PictureEntry.Kind.HARD, "Hard thing", ExperimentFixtures.AT),
            (e, p) -> e.removeFromPicture(p, "p1", ExperimentFixtures.AT),
            (e, p) -> e.completePicture(p, ExperimentFixtures.AT),
            (e, p) -> e.mapPhenomenon(p, ExperimentFixtures.phenomenon(), ExperimentFixtures.AT),
            (e, p) -> e.completePhenomenon(p, ExperimentFixtures.AT),
            (e, p) -> e.mapChange(p, ExperimentFixtures.change(), ExperimentFixtures.AT),
            (e, p) -> e.completeChange(p, ExperimentFixtures.AT),
            (e, p) -> e.editPlan(p, ExperimentFixtures.completePlan(), ExperimentFixtures.AT),
            (e, p) -> e.start(p, ExperimentFixtures.START, ExperimentFixtures.AT),
            (e, p) -> e.observe(p, ExperimentFixtures.START.plusDays(1), "Seen", ExperimentFixtures.AT),
            (e, p) -> e.evaluate(p, ExperimentFixtures.evaluation(), ExperimentFixtures.AT),
            (e, p) -> e.decide(p, ExperimentFixtures.adopt(), ExperimentFixtures.AT),
            (e, p) -> e.decide(p, new Decision(new Decision.Extend(e.runLog().map(r -> r.plan().end())
                    .orElse(ExperimentFixtures.END).plusDays(7)), "", p, ExperimentFixtures.AT), ExperimentFixtures.AT),
            (e, p) -> e.share(p, "lib-1", ExperimentFixtures.AT));

    @Provide
    Arbitrary<List<Tuple2<Integer, Integer>>> attempts() {
        return Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3))
                .flatMap(person -> Arbitraries.integers().between(0, COMMANDS.size() - 1).map(c -> Tuple.of(person, c)))
                .list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void steps_only_move_forward_one_at_a_time_by_the_facilitator_and_a_decision_is_made_once(
            @ForAll("attempts") List<Tuple2<Integer, Integer>> attempts, @ForAll @IntRange(min = 0, max = 7) int start) {
        Experiment experiment = ExperimentFixtures.atEveryStep().get(start);
        int finalDecisions = 0;
        for (Tuple2<Integer, Integer> attempt : attempts) {
            PersonId person = PEOPLE.get(attempt.get1());
            Result<Experiment, ExperimentProblem> outcome = COMMANDS.get(attempt.get2()).apply(experiment, person);
            if (!outcome.isAccepted()) {
                assertThat(outcome.problems()).isNotEmpty();
                continue;
            }
            Experiment next = outcome.orElseThrow();
            Step before = experiment.step();
            Step after = next.step();
            boolean extended = before == Step.EVALUATION && after == Step.RUN;
            assertThat(after == before || after.ordinal() == before.ordinal() + 1 || extended)
                    .as(before + " -> " + after).isTrue();
            if (after != before) {
                assertThat(person).as("who moved " + before + " -> " + after).isEqualTo(ExperimentFixtures.FACILITATOR);
            }
            if (after == Step.DECISION && (before == Step.EVALUATION || experiment.decision().isPresent())) {
                finalDecisions++;
            }
            assertThat(next.roleOf(person)).as("an outsider changed the experiment").isPresent();
            experiment = next;
        }
        assertThat(finalDecisions).isLessThanOrEqualTo(start >= 6 ? 0 : 1);
        Statistics.collect(experiment.step());
    }
}
