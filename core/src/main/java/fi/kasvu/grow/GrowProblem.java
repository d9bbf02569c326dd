package fi.kasvu.grow;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a person can get wrong in a GROW conversation, one record per kind, each with a
 * stable message code ({@code grow.options.tooFew}), the field it belongs to and the phase it
 * keeps from completing. {@link GrowRules} is the only place that creates them.
 */
public sealed interface GrowProblem extends Problem {

    /** The phase this problem keeps from completing. */
    Phase phase();

    /** A peer or supervisor conversation needs a coach. */
    record CoachMissing(Mode mode) implements GrowProblem {
        /** @throws NullPointerException if the mode is null */
        public CoachMissing {
            Require.nonNull("mode", mode);
        }

        @Override public String code() { return "grow.setup.coachMissing"; }
        @Override public String field() { return "participants.coach"; }
        @Override public Phase phase() { return Phase.GOAL; }
        @Override public Map<String, Object> arguments() { return Map.of("mode", mode.name()); }
    }

    /** Only a peer triad has observers. */
    record ObserversOutsidePeerMode(Mode mode, int observers) implements GrowProblem {
        /** @throws NullPointerException if the mode is null */
        public ObserversOutsidePeerMode {
            Require.nonNull("mode", mode);
        }

        @Override public String code() { return "grow.setup.observersOutsidePeer"; }
        @Override public String field() { return "participants.observers"; }
        @Override public Phase phase() { return Phase.GOAL; }
        @Override public Map<String, Object> arguments() { return Map.of("mode", mode.name(), "observers", observers); }
    }

    /** The conversation's own goal is not written. */
    record EmptyGoal() implements GrowProblem {
        @Override public String code() { return "grow.goal.empty"; }
        @Override public String field() { return "goal.sessionGoal"; }
        @Override public Phase phase() { return Phase.GOAL; }
    }

    /** How the coachee will know the goal is reached is not written. */
    record NoMeasures() implements GrowProblem {
        @Override public String code() { return "grow.goal.noMeasures"; }
        @Override public String field() { return "goal.measures"; }
        @Override public Phase phase() { return Phase.GOAL; }
    }

    /** The target date lies before the conversation started. */
    record TargetDateBeforeStart(LocalDate targetDate, LocalDate started) implements GrowProblem {
        /** @throws NullPointerException if a date is null */
        public TargetDateBeforeStart {
            Require.nonNull("targetDate", targetDate);
            Require.nonNull("started", started);
        }

        @Override public String code() { return "grow.goal.targetDateBeforeStart"; }
        @Override public String field() { return "goal.targetDate"; }
        @Override public Phase phase() { return Phase.GOAL; }
        @Override public Map<String, Object> arguments() {
            return Map.of("targetDate", targetDate.toString(), "started", started.toString());
        }
    }

    /** Nothing is written about the current situation: no answer and nothing tried. */
    record RealityNotDescribed() implements GrowProblem {
        @Override public String code() { return "grow.reality.notDescribed"; }
        @Override public String field() { return "reality"; }
        @Override public Phase phase() { return Phase.REALITY; }
    }

    /** The coachee has not marked what is essential now. */
    record NoEssentialInsight() implements GrowProblem {
        @Override public String code() { return "grow.reality.noEssentialInsight"; }
        @Override public String field() { return "reality.essentialInsight"; }
        @Override public Phase phase() { return Phase.REALITY; }
    }

    /** Fewer options than the activity asks for. */
    record TooFewOptions(int minimum, int actual) implements GrowProblem {
        @Override public String code() { return "grow.options.tooFew"; }
        @Override public String field() { return "options"; }
        @Override public Phase phase() { return Phase.OPTIONS; }
        @Override public Map<String, Object> arguments() { return Map.of("minimum", minimum, "actual", actual); }
    }

    /** No option has been chosen. */
    record NoOptionChosen() implements GrowProblem {
        @Override public String code() { return "grow.options.noneChosen"; }
        @Override public String field() { return "options"; }
        @Override public Phase phase() { return Phase.OPTIONS; }
    }

    /** The way forward has no action that is open or done. */
    record NoActions() implements GrowProblem {
        @Override public String code() { return "grow.will.noActions"; }
        @Override public String field() { return "will.actions"; }
        @Override public Phase phase() { return Phase.WILL; }
    }

    /** An open action has no date by which it is done. */
    record ActionWithoutDate(int index, String actionId) implements GrowProblem {
        /** @throws IllegalArgumentException if the id is blank */
        public ActionWithoutDate {
            Require.id("actionId", actionId);
        }

        @Override public String code() { return "grow.will.actionWithoutDate"; }
        @Override public String field() { return "will.actions[" + index + "].dueDate"; }
        @Override public Phase phase() { return Phase.WILL; }
        @Override public Map<String, Object> arguments() { return Map.of("action", index + 1, "actionId", actionId); }
    }

    /** The coachee has not said how committed they are. */
    record NoCommitment() implements GrowProblem {
        @Override public String code() { return "grow.will.noCommitment"; }
        @Override public String field() { return "will.commitment"; }
        @Override public Phase phase() { return Phase.WILL; }
    }

    /** No follow-up is planned or held. */
    record NoFollowUp() implements GrowProblem {
        @Override public String code() { return "grow.will.noFollowUp"; }
        @Override public String field() { return "will.checkIns"; }
        @Override public Phase phase() { return Phase.WILL; }
    }

    /** A phase cannot be entered before the one before it is completed. */
    record PhaseNotReached(Phase target, Phase completeFirst) implements GrowProblem {
        /** @throws NullPointerException if a phase is null */
        public PhaseNotReached {
            Require.nonNull("target", target);
            Require.nonNull("completeFirst", completeFirst);
        }

        @Override public String code() { return "grow.phase.notReached"; }
        @Override public String field() { return "currentPhase"; }
        @Override public Phase phase() { return completeFirst; }
        @Override public Map<String, Object> arguments() {
            return Map.of("phase", target.key(), "completeFirst", completeFirst.key());
        }
    }
}
