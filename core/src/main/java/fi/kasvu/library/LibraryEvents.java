package fi.kasvu.library;

/**
 * The port through which embedding systems hear of {@link LibraryEvent}s, for a news feed or a
 * search index. A listener must not throw for events it ignores.
 */
@FunctionalInterface
public interface LibraryEvents {

    /** Handles one event. */
    void on(LibraryEvent event);

    /** A listener that ignores everything. */
    static LibraryEvents none() {
        return event -> { };
    }
}
