package fi.kasvu.common;

/**
 * A stored aggregate together with the version it was read at, so that saving it again can
 * detect a concurrent change instead of overwriting it.
 *
 * @param value   the aggregate
 * @param version the stored version; 0 for an aggregate not saved yet
 */
public record Versioned<T>(T value, long version) {

    /**
     * @throws NullPointerException     if the value is null
     * @throws IllegalArgumentException if the version is negative
     */
    public Versioned {
        Require.nonNull("value", value);
        if (version < 0) {
            throw new IllegalArgumentException("version must be at least 0: " + version);
        }
    }

    /** An aggregate that has never been saved. */
    public static <T> Versioned<T> unsaved(T value) {
        return new Versioned<>(value, 0);
    }

    /** The same version holding a changed value, ready to be saved. */
    public Versioned<T> with(T changed) {
        return new Versioned<>(changed, version);
    }
}
