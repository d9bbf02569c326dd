package fi.kasvu.grow;

/**
 * The port through which embedding systems hear of {@link GrowEvent}s: completion for a
 * gradebook, due actions for reminders. A listener must not throw for events it ignores.
 */
@FunctionalInterface
public interface GrowEvents {

    /** Handles one event. */
    void on(GrowEvent event);

    /** A listener that ignores everything. */
    static GrowEvents none() {
        return event -> { };
    }
}
