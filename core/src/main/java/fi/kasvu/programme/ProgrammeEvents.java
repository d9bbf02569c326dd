package fi.kasvu.programme;

/**
 * The port through which embedding systems hear of {@link ProgrammeEvent}s. A listener must not
 * throw for events it ignores.
 */
@FunctionalInterface
public interface ProgrammeEvents {

    /** Handles one event. */
    void on(ProgrammeEvent event);

    /** A listener that ignores everything. */
    static ProgrammeEvents none() {
        return event -> { };
    }
}
