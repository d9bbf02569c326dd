package fi.kasvu.peer;

/**
 * The port through which embedding systems hear of {@link PeerEvent}s: a held meeting for a
 * gradebook, a planned one for a reminder. A listener must not throw for events it ignores.
 */
@FunctionalInterface
public interface PeerEvents {

    /** Handles one event. */
    void on(PeerEvent event);

    /** A listener that ignores everything. */
    static PeerEvents none() {
        return event -> { };
    }
}
