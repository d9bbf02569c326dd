package fi.kasvu.plan;

/**
 * The port through which embedding systems hear of {@link PlanEvent}s: a shared plan for the team's
 * meeting, a due review for a reminder. A listener must not throw for events it ignores.
 */
@FunctionalInterface
public interface PlanEvents {

    /** Handles one event. */
    void on(PlanEvent event);

    /** A listener that ignores everything. */
    static PlanEvents none() {
        return event -> { };
    }
}
