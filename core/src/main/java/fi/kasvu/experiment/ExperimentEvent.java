package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something that happened to an experiment that an embedding system may act on (remind the team
 * to evaluate, update a dashboard). Events carry ids, steps and dates, never what the team wrote.
 */
public sealed interface ExperimentEvent {

    /** The experiment the event is about. */
    String experimentId();

    /** The team (work community) it belongs to. */
    String team();

    /** An experiment was begun; {@code previousId} is the experiment it follows up, or null. */
    record ExperimentBegun(String experimentId, String team, String previousId, Instant at) implements ExperimentEvent {
        /** @throws NullPointerException if a required part is null */
        public ExperimentBegun {
            Require.nonNull("experimentId", experimentId);
            Require.nonNull("team", team);
            Require.nonNull("at", at);
        }
    }

    /** The experiment moved to another step of the VALOA way. */
    record StepReached(String experimentId, String team, ExperimentStage.Step step, Instant at)
            implements ExperimentEvent {
        /** @throws NullPointerException if a part is null */
        public StepReached {
            Require.nonNull("experimentId", experimentId);
            Require.nonNull("team", team);
            Require.nonNull("step", step);
            Require.nonNull("at", at);
        }
    }

    /** The run started; {@code endsOn} is the planned last day, when the team evaluates. */
    record RunStarted(String experimentId, String team, LocalDate startedOn, LocalDate endsOn)
            implements ExperimentEvent {
        /** @throws NullPointerException if a part is null */
        public RunStarted {
            Require.nonNull("experimentId", experimentId);
            Require.nonNull("team", team);
            Require.nonNull("startedOn", startedOn);
            Require.nonNull("endsOn", endsOn);
        }
    }

    /** Someone recorded a dated observation during the run (its text stays in the experiment). */
    record ObservationRecorded(String experimentId, String team, String observationId, LocalDate on)
            implements ExperimentEvent {
        /** @throws NullPointerException if a part is null */
        public ObservationRecorded {
            Require.nonNull("experimentId", experimentId);
            Require.nonNull("team", team);
            Require.nonNull("observationId", observationId);
            Require.nonNull("on", on);
        }
    }

    /** The team decided after the evaluation: adopt, adapt, abandon, or extend the run. */
    record ExperimentDecided(String experimentId, String team, Decision.Type decision, Instant at)
            implements ExperimentEvent {
        /** @throws NullPointerException if a part is null */
        public ExperimentDecided {
            Require.nonNull("experimentId", experimentId);
            Require.nonNull("team", team);
            Require.nonNull("decision", decision);
            Require.nonNull("at", at);
        }
    }

    /**
     * The events a change from one state of an experiment to the next amounts to.
     *
     * @param before the experiment before the change, or null for a new one
     * @param after  the experiment after it
     * @param at     when the change happened
     */
    static List<ExperimentEvent> between(Experiment before, Experiment after, Instant at) {
        Require.nonNull("after", after);
        Require.nonNull("at", at);
        List<ExperimentEvent> events = new ArrayList<>();
        if (before == null) {
            events.add(new ExperimentBegun(after.id(), after.team(), after.previousId(), at));
            return List.copyOf(events);
        }
        int roundsBefore = before.runLog().map(run -> run.earlierRounds().size()).orElse(0);
        int roundsAfter = after.runLog().map(run -> run.earlierRounds().size()).orElse(0);
        if (roundsAfter > roundsBefore) {
            events.add(new ExperimentDecided(after.id(), after.team(), Decision.Type.EXTEND, at));
        }
        if (before.decision().isEmpty() && after.decision().isPresent()) {
            events.add(new ExperimentDecided(after.id(), after.team(), after.decision().get().choice().type(), at));
        }
        if (before.step() != after.step()) {
            events.add(new StepReached(after.id(), after.team(), after.step(), at));
            if (after.step() == ExperimentStage.Step.RUN && before.step() == ExperimentStage.Step.PLAN) {
                RunLog run = after.runLog().orElseThrow();
                events.add(new RunStarted(after.id(), after.team(), run.startedOn(), run.plan().end()));
            }
        }
        Set<String> seen = before.runLog().map(run -> run.observations().stream().map(RunObservation::id)
                .collect(Collectors.toSet())).orElse(Set.of());
        after.runLog().ifPresent(run -> run.observations().stream().filter(o -> !seen.contains(o.id()))
                .forEach(o -> events.add(new ObservationRecorded(after.id(), after.team(), o.id(), o.on()))));
        return List.copyOf(events);
    }
}
