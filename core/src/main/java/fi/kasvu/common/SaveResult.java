package fi.kasvu.common;

/** What saving a versioned aggregate did: saved at a new version, or refused because of a conflict. */
public sealed interface SaveResult<T> {

    /** The aggregate was stored; {@code saved.version()} is its new version. */
    record Saved<T>(Versioned<T> saved) implements SaveResult<T> {
        /** @throws NullPointerException if saved is null */
        public Saved {
            Require.nonNull("saved", saved);
        }
    }

    /**
     * Someone else saved the aggregate first: nothing was written.
     *
     * @param expectedVersion the version the caller read
     * @param actualVersion   the version now stored, or -1 if the aggregate was deleted meanwhile
     */
    record Conflict<T>(String id, long expectedVersion, long actualVersion) implements SaveResult<T> {
        /** @throws NullPointerException if id is null */
        public Conflict {
            Require.nonNull("id", id);
        }
    }

    /** Whether the save went through. */
    default boolean isSaved() {
        return this instanceof Saved;
    }

    /**
     * The saved aggregate.
     *
     * @throws IllegalStateException naming the versions if this is a conflict
     */
    default Versioned<T> orElseThrow() {
        if (this instanceof Saved<T> saved) {
            return saved.saved();
        }
        Conflict<T> conflict = (Conflict<T>) this;
        throw new IllegalStateException("conflict saving " + conflict.id() + ": expected version "
                + conflict.expectedVersion() + ", stored " + conflict.actualVersion());
    }
}
