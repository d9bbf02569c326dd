package fi.kasvu.survey;

/**
 * The port through which embedding systems hear of {@link SurveyEvent}s: a closed round whose
 * results can now be read, an opened one to announce. A listener must not throw for events it ignores.
 */
@FunctionalInterface
public interface SurveyEvents {

    /** Handles one event. */
    void on(SurveyEvent event);

    /** A listener that ignores everything. */
    static SurveyEvents none() {
        return event -> { };
    }
}
