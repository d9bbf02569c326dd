package fi.kasvu.experiment;

/**
 * The port through which embedding systems hear of {@link ExperimentEvent}s: a decision for a
 * dashboard, the planned end of a run for a reminder. A listener must not throw for events it ignores.
 */
@FunctionalInterface
public interface ExperimentEvents {

    /** Handles one event. */
    void on(ExperimentEvent event);

    /** A listener that ignores everything. */
    static ExperimentEvents none() {
        return event -> { };
    }
}
