package fi.kasvu.store.jdbc;

/**
 * A stored document that its codec cannot read, met where one document was asked for; list
 * operations skip such documents and report them instead.
 */
public final class UnreadableDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;
    private final String reason;

    UnreadableDocumentException(String kind, String id, String reason, Throwable cause) {
        super("stored " + kind + " " + id + " cannot be read: " + reason, cause);
        this.kind = kind;
        this.id = id;
        this.reason = reason;
    }

    /** The document kind. */
    public String kind() {
        return kind;
    }

    /** The document's id. */
    public String id() {
        return id;
    }

    /** Why it cannot be read: for Kasvu's format, a JSON path and problem. */
    public String reason() {
        return reason;
    }
}
