package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.time.LocalDate;

/** Where an action stands: still open, or ended as done or as dropped with a reason. */
public sealed interface ActionStatus {

    /** The action is still to be done. */
    record Open() implements ActionStatus {
    }

    /**
     * The action was done.
     *
     * @param on   the day it was done
     * @param note what came of it ("" if nothing written)
     */
    record Done(LocalDate on, String note) implements ActionStatus {
        /** @throws NullPointerException if the day is null */
        public Done {
            Require.nonNull("done.on", on);
            note = Require.text("done.note", note);
        }
    }

    /**
     * The action was dropped, and why: a dropped action is a learning, not a failure.
     *
     * @param on     the day it was dropped
     * @param reason why it was dropped, never blank
     */
    record Dropped(LocalDate on, String reason) implements ActionStatus {
        /**
         * @throws NullPointerException     if the day is null
         * @throws IllegalArgumentException if the reason is blank
         */
        public Dropped {
            Require.nonNull("dropped.on", on);
            Require.nonBlank("dropped.reason", reason);
        }
    }

    /** The one open status. */
    ActionStatus OPEN = new Open();

    /** Whether the action has ended (done or dropped). */
    default boolean ended() {
        return !(this instanceof Open);
    }
}
