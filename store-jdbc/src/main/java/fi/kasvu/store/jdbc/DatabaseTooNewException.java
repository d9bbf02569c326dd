package fi.kasvu.store.jdbc;

/**
 * The database was migrated by a newer Kasvu than this one: starting would risk writing data the
 * newer schema does not expect, so Kasvu refuses and names both versions.
 */
public final class DatabaseTooNewException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String databaseVersion;
    private final String codeVersion;

    DatabaseTooNewException(String databaseVersion, String codeVersion) {
        super("the database schema is at version " + databaseVersion + ", newer than this Kasvu knows (schema version "
                + codeVersion + "); upgrade Kasvu to a release that includes schema version " + databaseVersion
                + ", or restore a backup taken before the upgrade");
        this.databaseVersion = databaseVersion;
        this.codeVersion = codeVersion;
    }

    /** The newest schema version applied to the database. */
    public String databaseVersion() {
        return databaseVersion;
    }

    /** The newest schema version this code carries. */
    public String codeVersion() {
        return codeVersion;
    }
}
