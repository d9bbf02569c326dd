package fi.kasvu.lms.moodle.sync;

/** Hears how far a long sync has come, for a progress line. */
@FunctionalInterface
public interface SyncProgress {

    /** Hears nothing. */
    SyncProgress NONE = (step, done, total) -> { };

    /**
     * Reports progress of one step.
     *
     * @param step what is being done, such as "welcome messages"
     * @param done how many items are done
     * @param total how many items the step has
     */
    void update(String step, int done, int total);
}
