package fi.kasvu.json;

/**
 * How one top-level aggregate is written and read. Implementations are stateless and live in
 * this package next to the cursor they read with.
 */
interface Codec<T> {

    /** The aggregate's Java type. */
    Class<T> type();

    /** The document kind written as {@code "kind"}, such as {@code grow.conversation}. */
    String kind();

    /** The schema version this code writes; it reads this and every older version. */
    int schemaVersion();

    /** Writes the aggregate's fields (the envelope fields are written by the caller). */
    void write(T value, JsonOut out);

    /**
     * Reads the aggregate from a document whose envelope was already checked.
     *
     * @param version the document's schemaVersion, at most {@link #schemaVersion()}
     */
    T read(JsonCursor in, int version);
}
