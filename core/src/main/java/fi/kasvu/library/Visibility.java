package fi.kasvu.library;

/** Who can read a library entry. */
public enum Visibility {
    /** Members of the entry's team. */
    TEAM,
    /** Everyone in the entry's organisation. */
    ORGANISATION,
    /** Everyone using the library, across organisations. */
    EVERYONE
}
