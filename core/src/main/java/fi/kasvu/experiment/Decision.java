package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the team decided after the evaluation, why, who recorded it and when.
 *
 * @param choice      adopt, adapt (with a linked follow-up), abandon or extend (with a new end)
 * @param rationale   why
 * @param decidedBy   who recorded the decision
 * @param decidedAt   when
 */
public record Decision(Choice choice, String rationale, PersonId decidedBy, Instant decidedAt) {

    /** The four decisions the VALOA way knows. */
    public enum Type {
        /** Make the tried way the normal way of working. */
        ADOPT,
        /** Change it and try again in a linked follow-up experiment. */
        ADAPT,
        /** Stop trying it. */
        ABANDON,
        /** Keep running it until a new end date, then evaluate again. */
        EXTEND
    }

    /** One of the four decisions with what it needs. */
    public sealed interface Choice permits Adopt, Adapt, Abandon, Extend {
        /** Which of the four it is. */
        Type type();
    }

    /** Adopt the tried way of working. */
    public record Adopt() implements Choice {
        @Override
        public Type type() {
            return Type.ADOPT;
        }
    }

    /**
     * Adapt and try again in a follow-up experiment.
     *
     * @param whatChanges          what the follow-up changes
     * @param followUpExperimentId the id the follow-up experiment gets
     */
    public record Adapt(String whatChanges, String followUpExperimentId) implements Choice {
        /** @throws IllegalArgumentException if the change is blank or the id invalid */
        public Adapt {
            Require.nonBlank("whatChanges", whatChanges);
            Require.id("followUpExperimentId", followUpExperimentId);
        }

        @Override
        public Type type() {
            return Type.ADAPT;
        }
    }

    /** Abandon the tried way of working. */
    public record Abandon() implements Choice {
        @Override
        public Type type() {
            return Type.ABANDON;
        }
    }

    /**
     * Keep running until a new end date.
     *
     * @param newEnd the new last day
     */
    public record Extend(LocalDate newEnd) implements Choice {
        /** @throws NullPointerException if the date is missing */
        public Extend {
            Require.nonNull("newEnd", newEnd);
        }

        @Override
        public Type type() {
            return Type.EXTEND;
        }
    }

    /**
     * @throws NullPointerException     if the choice, person or time is missing
     * @throws IllegalArgumentException if the rationale is too long
     */
    public Decision {
        Require.nonNull("choice", choice);
        rationale = Require.text("rationale", rationale);
        Require.nonNull("decidedBy", decidedBy);
        Require.nonNull("decidedAt", decidedAt);
    }
}
