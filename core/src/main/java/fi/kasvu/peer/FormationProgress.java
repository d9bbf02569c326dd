package fi.kasvu.peer;

/** Told how a long formation run is going, so that a command line or page can show progress. */
@FunctionalInterface
public interface FormationProgress {

    /** Ignores progress. */
    FormationProgress NONE = (done, total, violations) -> { };

    /**
     * Called now and then during the search.
     *
     * @param done       steps taken so far
     * @param total      the step budget
     * @param violations hard-constraint units still broken in the current grouping
     */
    void report(long done, long total, int violations);
}
