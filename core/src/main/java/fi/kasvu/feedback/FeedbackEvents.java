package fi.kasvu.feedback;

/**
 * The port through which embedding systems hear of {@link FeedbackEvent}s. A listener must not
 * throw for events it ignores.
 */
@FunctionalInterface
public interface FeedbackEvents {

    /** Handles one event. */
    void on(FeedbackEvent event);

    /** A listener that ignores everything. */
    static FeedbackEvents none() {
        return event -> { };
    }
}
